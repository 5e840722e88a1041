import { describe, expect, it } from 'vitest';
import { MAX_QUERY, parseQuery } from '../../src/lib/search/query.ts';

describe('parseQuery', () => {
  it('reads a Chinese term as one group looked up by its runs', () => {
    expect(parseQuery('薄弱环节').groups).toEqual([{ kind: 'zh', runs: ['薄弱环节'] }]);
  });

  it('splits a Chinese term at punctuation, all parts required', () => {
    expect(parseQuery('土洋，并举').groups).toEqual([{ kind: 'zh', runs: ['土洋', '并举'] }]);
  });

  it('keeps digits with the Chinese next to them', () => {
    expect(parseQuery('1958年').groups).toEqual([{ kind: 'zh', runs: ['1958年'] }]);
    expect(parseQuery('1958').groups).toEqual([{ kind: 'num', text: '1958' }]);
  });

  it('separates a mixed query into a Chinese and a Latin group', () => {
    expect(parseQuery('铝 aluminum').groups).toEqual([
      { kind: 'zh', runs: ['铝'] },
      { kind: 'latin', terms: ['aluminum'], quoted: false, last: true },
    ]);
    expect(parseQuery('铝aluminum').groups.map((g) => g.kind)).toEqual(['zh', 'latin']);
  });

  it('keeps consecutive Latin words together, so they can be one pinyin phrase', () => {
    expect(parseQuery('tu yang bing ju').groups).toEqual([{ kind: 'latin', terms: ['tu', 'yang', 'bing', 'ju'], quoted: false, last: true }]);
  });

  it('marks the last Latin group as unfinished unless a space or quote closes it', () => {
    expect(parseQuery('tuyangb').groups[0]).toMatchObject({ last: true });
    expect(parseQuery('tuyangb ').groups[0]).toMatchObject({ last: false });
  });

  it('reads quoted phrases as phrases, in English and Chinese', () => {
    expect(parseQuery('"copper and aluminum"').groups).toEqual([{ kind: 'latin', terms: ['copper', 'and', 'aluminum'], quoted: true, last: false }]);
    expect(parseQuery('“土洋并举”').groups).toEqual([{ kind: 'zh', runs: ['土洋并举'], phrase: '土洋并举' }]);
  });

  it('finds nothing to look up in empty or punctuation-only queries', () => {
    for (const q of ['', '   ', '，。！？', '"', '""', '--- ...', '\u0000\u200b']) expect(parseQuery(q).groups).toEqual([]);
  });

  it('cuts a huge query instead of failing', () => {
    const q = parseQuery('铝'.repeat(10_000));
    expect(Array.from(q.text)).toHaveLength(MAX_QUERY);
    expect(parseQuery('a '.repeat(10_000)).groups.length).toBeLessThanOrEqual(8);
  });

  it('treats markup as words, never as markup', () => {
    expect(parseQuery('<img src=x onerror=alert(1)>').groups).toEqual([
      { kind: 'latin', terms: ['img', 'src', 'x', 'onerror', 'alert', '1'], quoted: false, last: true },
    ]);
  });
});
