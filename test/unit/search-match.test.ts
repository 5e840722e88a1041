import { describe, expect, it } from 'vitest';
import { excerpt, segments } from '../../src/lib/search/highlight.ts';
import { findFolded, matchRecord, mergeRanges, type Plan } from '../../src/lib/search/match.ts';

const rec = {
  zh: ['发展铜、铝工业，坚持土洋并举。', '土法炼钢，各地都有。'],
  en: ['Develop the copper and aluminum industries, combining indigenous and foreign methods.', 'Smelting steel by native methods; every place mines ore.'],
  py: ['fa zhan tong lv gong ye jian chi tu yang bing ju', 'tu fa lian gang ge di dou you'],
};
const marked = (text: string, ranges: [number, number][]) =>
  segments(text, ranges)
    .map((s) => (s.hit ? `[${s.text}]` : s.text))
    .join('');

describe('matchRecord', () => {
  it('marks every occurrence of a Chinese term in the Chinese only', () => {
    const m = matchRecord(rec, [{ kind: 'zh', runs: ['铝'] }]);
    expect(m.ok).toBe(true);
    expect(marked(rec.zh[0]!, m.zh[0]!)).toBe('发展铜、[铝]工业，坚持土洋并举。');
    expect(m.en.flat()).toEqual([]);
  });

  it('rejects a row where the characters of a term only occur apart', () => {
    expect(matchRecord(rec, [{ kind: 'zh', runs: ['土地'] }]).ok).toBe(false);
    expect(matchRecord(rec, [{ kind: 'zh', runs: ['洋并举土'] }]).ok).toBe(false);
  });

  it('marks English words in any inflection, case-insensitively', () => {
    const m = matchRecord(rec, [{ kind: 'latin', en: { stems: ['smelt'], prefix: false, phrase: false }, py: null }]);
    expect(marked(rec.en[1]!, m.en[1]!)).toBe('[Smelting] steel by native methods; every place mines ore.');
    const mine = matchRecord(rec, [{ kind: 'latin', en: { stems: ['mine'], prefix: false, phrase: false }, py: null }]);
    expect(marked(rec.en[1]!, mine.en[1]!)).toContain('[mines]');
  });

  it('marks a word still being typed by its start', () => {
    const m = matchRecord(rec, [{ kind: 'latin', en: { stems: ['alum'], prefix: true, phrase: false }, py: null }]);
    expect(marked(rec.en[0]!, m.en[0]!)).toContain('[aluminum]');
  });

  it('needs a quoted phrase in order', () => {
    const plan = (stems: string[]): Plan => ({ kind: 'latin', en: { stems, prefix: false, phrase: true }, py: null });
    const m = matchRecord(rec, [plan(['copper', 'and', 'aluminum'])]);
    expect(marked(rec.en[0]!, m.en[0]!)).toContain('[copper and aluminum]');
    expect(matchRecord(rec, [plan(['aluminum', 'and', 'copper'])]).ok).toBe(false);
  });

  it('marks the Chinese characters a pinyin query reads', () => {
    const m = matchRecord(rec, [{ kind: 'latin', en: null, py: { syllables: ['tu', 'yang', 'bing', 'ju'], partial: false } }]);
    expect(marked(rec.zh[0]!, m.zh[0]!)).toBe('发展铜、铝工业，坚持[土洋并举]。');
    const partial = matchRecord(rec, [{ kind: 'latin', en: null, py: { syllables: ['tu', 'yang', 'b'], partial: true } }]);
    expect(marked(rec.zh[0]!, partial.zh[0]!)).toBe('发展铜、铝工业，坚持[土洋并]举。');
  });

  it('needs every group of a mixed query, and marks both languages', () => {
    const plans: Plan[] = [
      { kind: 'zh', runs: ['铝'] },
      { kind: 'latin', en: { stems: ['aluminum'], prefix: false, phrase: false }, py: null },
    ];
    const m = matchRecord(rec, plans);
    expect(m.ok).toBe(true);
    expect(m.zh[0]).toHaveLength(1);
    expect(m.en[0]).toHaveLength(1);
    expect(matchRecord(rec, [plans[0]!, { kind: 'latin', en: { stems: ['zinc'], prefix: false, phrase: false }, py: null }]).ok).toBe(false);
  });

  it('finds folded text and reports the original offsets', () => {
    expect(findFolded('ＡＬＵＭＩＮＵＭ and Aluminum', 'aluminum')).toEqual([
      [0, 8],
      [13, 21],
    ]);
  });

  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        [5, 7],
        [0, 2],
        [2, 3],
        [6, 9],
      ]),
    ).toEqual([
      [0, 3],
      [5, 9],
    ]);
  });
});

describe('excerpts', () => {
  it('keeps short text whole', () => {
    expect(excerpt('铝工业', [[0, 1]], 50)).toEqual([
      { text: '铝', hit: true },
      { text: '工业', hit: false },
    ]);
  });

  it('cuts long text around the first match, with ellipses', () => {
    const text = `${'甲'.repeat(100)}铝${'乙'.repeat(100)}`;
    const parts = excerpt(text, [[100, 101]], 40);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
    expect(parts.find((p) => p.hit)?.text).toBe('铝');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });

  it('never cuts a character outside the BMP in half', () => {
    const text = `${'𠀀'.repeat(50)}`;
    const joined = excerpt(text, [[20, 22]], 11)
      .map((p) => p.text)
      .join('');
    expect(joined).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('keeps markup in the text as text', () => {
    expect(segments('<img src=x onerror=alert(1)>', [[1, 4]])).toEqual([
      { text: '<', hit: false },
      { text: 'img', hit: true },
      { text: ' src=x onerror=alert(1)>', hit: false },
    ]);
  });
});
