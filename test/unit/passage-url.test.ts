import { describe, expect, it } from 'vitest';
import { anchorId, formatPassage, inRange, parsePassage, passageLabel, type Passage, type AnchorRange } from '../../src/lib/passage/url.ts';

/** `[from, to]` ids of each range: the shape a reader writes in a URL. */
const ranges = (hash: string) => parsePassage(hash).ranges.map((r) => [anchorId(r.from), anchorId(r.to)]);

/** One range from `p3`, `p5.2`… ids. */
function range(from: string, to = from): AnchorRange {
  const [one] = parsePassage(`#${from}-${to}`).ranges;
  if (!one) throw new Error(`not a range: ${from}-${to}`);
  return one;
}

describe('parsePassage: rows', () => {
  it('reads #p5 as the single row 5', () => {
    expect(parsePassage('#p5')).toEqual({ ranges: [{ from: { n: 5 }, to: { n: 5 } }], params: {} });
  });

  it('reads #p3-p5 as rows 3 to 5', () => {
    expect(ranges('#p3-p5')).toEqual([['p3', 'p5']]);
  });

  it('puts a reversed range #p5-p3 the right way round', () => {
    expect(ranges('#p5-p3')).toEqual([['p3', 'p5']]);
    expect(formatPassage(parsePassage('#p5-p3'))).toBe('#p3-p5');
  });

  it('reads a lesson link #p2,p5-p7 as two ranges, in the order written', () => {
    expect(ranges('#p2,p5-p7')).toEqual([
      ['p2', 'p2'],
      ['p5', 'p7'],
    ]);
  });

  it('reads the fragment with or without its leading #', () => {
    expect(parsePassage('p3-p5')).toEqual(parsePassage('#p3-p5'));
  });

  it('tolerates spaces and empty items in a hand-typed list', () => {
    expect(ranges('#p2, p5-p7,,')).toEqual([
      ['p2', 'p2'],
      ['p5', 'p7'],
    ]);
  });
});

describe('parsePassage: sentences', () => {
  it('reads #p5.2 as the second sentence of row 5', () => {
    expect(parsePassage('#p5.2').ranges).toEqual([{ from: { n: 5, s: 2 }, to: { n: 5, s: 2 } }]);
  });

  it('reads #p5.2-p5.4 as sentences 2 to 4 of row 5', () => {
    expect(parsePassage('#p5.2-p5.4').ranges).toEqual([{ from: { n: 5, s: 2 }, to: { n: 5, s: 4 } }]);
  });

  it('orders a reversed sentence range by row, then sentence', () => {
    expect(ranges('#p6.1-p5.3')).toEqual([['p5.3', 'p6.1']]);
    expect(ranges('#p5.4-p5.2')).toEqual([['p5.2', 'p5.4']]);
  });
});

describe('parsePassage: view parameters', () => {
  it('reads layout and pinyin after the ranges', () => {
    expect(parsePassage('#p2,p5-p7&layout=zh&pinyin=on')).toEqual({
      ranges: [
        { from: { n: 2 }, to: { n: 2 } },
        { from: { n: 5 }, to: { n: 7 } },
      ],
      layout: 'zh',
      pinyin: 'on',
      params: {},
    });
  });

  it('reads the parameters in any order', () => {
    const p = parsePassage('#p5&pinyin=off&layout=interleaved');
    expect([p.layout, p.pinyin]).toEqual(['interleaved', 'off']);
  });

  it('keeps parameters it does not know (search uses q) for other features', () => {
    const p = parsePassage('#p5&q=%E9%93%9C&layout=en&x=1');
    expect(p.params).toEqual({ q: '铜', x: '1' });
    expect(p.layout).toBe('en');
  });

  it('does not take an unknown layout or pinyin value as a view setting', () => {
    const p = parsePassage('#p5&layout=grid&pinyin=maybe');
    expect(p.layout).toBeUndefined();
    expect(p.pinyin).toBeUndefined();
  });

  it('reads a view link that names no passage (#layout=zh&pinyin=on)', () => {
    const p = parsePassage('#layout=zh&pinyin=on');
    expect(p.ranges).toEqual([]);
    expect(p.layout).toBe('zh');
    expect(p.pinyin).toBe('on');
  });
});

describe('parsePassage: study mode', () => {
  it('reads the side a lesson link hides (#p2,p5-p7&study=en)', () => {
    const p = parsePassage('#p2,p5-p7&study=en');
    expect(p.study).toBe('en');
    expect(p.ranges).toHaveLength(2);
    expect(p.params).toEqual({});
  });

  it.each(['en', 'zh', 'pinyin', 'off'] as const)('reads study=%s beside layout and pinyin, in any order', (study) => {
    const p = parsePassage(`#p5&study=${study}&pinyin=on&layout=interleaved`);
    expect([p.study, p.pinyin, p.layout]).toEqual([study, 'on', 'interleaved']);
  });

  it('reads study mode in a link that names no passage (#study=zh)', () => {
    expect(parsePassage('#study=zh')).toEqual({ ranges: [], study: 'zh', params: {} });
  });

  it('leaves an unknown study value to the other parameters instead of hiding anything', () => {
    const p = parsePassage('#p5&study=english');
    expect(p.study).toBeUndefined();
    expect(p.params).toEqual({ study: 'english' });
  });

  it('reads an escaped value (study=%70inyin) as the word', () => {
    expect(parsePassage('#p5&study=%70inyin').study).toBe('pinyin');
  });
});

describe('parsePassage: what is not a passage', () => {
  it.each(['', '#', '#foo', '#p', '#p5-', '#-p5', '#px', '#P5', '#p5.', '#main', '#pop-g-tuyangbingju'])('finds no passage in %j', (hash) => {
    expect(parsePassage(hash).ranges).toEqual([]);
  });

  it('keeps the good ranges of a list that also holds garbage', () => {
    expect(ranges('#foo,p3,p5-,p7-p8')).toEqual([
      ['p3', 'p3'],
      ['p7', 'p8'],
    ]);
  });

  it('reads %-escaped fragments as the characters they stand for', () => {
    expect(ranges('#p2%2Cp5-p7')).toEqual([
      ['p2', 'p2'],
      ['p5', 'p7'],
    ]);
    expect(ranges('#p5%2E2')).toEqual([['p5.2', 'p5.2']]);
  });

  it('reads a malformed escape as it is instead of throwing', () => {
    expect(() => parsePassage('#p5&q=%E9')).not.toThrow();
    expect(ranges('#p5&q=%E9')).toEqual([['p5', 'p5']]);
    expect(parsePassage('#p5&q=%E9').params).toEqual({ q: '%E9' });
  });
});

describe('formatPassage', () => {
  it.each([
    '#p5',
    '#p3-p5',
    '#p2,p5-p7',
    '#p5.2',
    '#p5.2-p5.4',
    '#p5.3-p6.1',
    '#p2,p5-p7&layout=zh&pinyin=on',
    '#p5&layout=side',
    '#p5&pinyin=off',
    '#p5&study=en',
    '#p2,p5-p7&layout=zh&pinyin=on&study=pinyin',
  ])('writes %s back exactly as it reads', (hash) => {
    expect(formatPassage(parsePassage(hash))).toBe(hash);
  });

  it('writes layout and pinyin before other parameters, whatever order they came in', () => {
    expect(formatPassage(parsePassage('#p5&q=x&pinyin=on&layout=zh'))).toBe('#p5&layout=zh&pinyin=on&q=x');
  });

  it('writes study after layout and pinyin, before other parameters', () => {
    expect(formatPassage(parsePassage('#p5&q=x&study=zh&pinyin=on&layout=zh'))).toBe('#p5&layout=zh&pinyin=on&study=zh&q=x');
  });

  it('round-trips a passage whose parameter values hold &, = and Chinese', () => {
    const passage: Passage = { ranges: [range('p5')], params: { q: '铜 & 铝 = 有色金属' } };
    expect(parsePassage(formatPassage(passage))).toEqual(passage);
  });

  it('round-trips a view with no passage (layout and pinyin only)', () => {
    const passage: Passage = { ranges: [], layout: 'zh', pinyin: 'on', params: {} };
    expect(parsePassage(formatPassage(passage))).toEqual(passage);
  });

  it('writes an empty fragment for an empty passage', () => {
    expect(formatPassage({ ranges: [], params: {} })).toBe('#');
  });
});

describe('inRange', () => {
  it('counts a row inside a row range, ends included', () => {
    const r = range('p3', 'p5');
    expect([2, 3, 4, 5, 6].map((n) => inRange({ n }, r))).toEqual([false, true, true, true, false]);
  });

  it('counts a row as inside a sentence range when any of its sentences is', () => {
    expect(inRange({ n: 5 }, range('p5.2', 'p5.4'))).toBe(true);
    expect(inRange({ n: 6 }, range('p5.2', 'p6.1'))).toBe(true);
    expect(inRange({ n: 4 }, range('p5.2', 'p6.1'))).toBe(false);
  });

  it('counts a sentence inside a sentence range only between its ends', () => {
    const r = range('p5.2', 'p5.4');
    expect([1, 2, 3, 4, 5].map((s) => inRange({ n: 5, s }, r))).toEqual([false, true, true, true, false]);
    expect(inRange({ n: 6, s: 3 }, r)).toBe(false);
  });

  it('counts every sentence of the rows in a row range', () => {
    const r = range('p3', 'p5');
    expect(inRange({ n: 3, s: 1 }, r)).toBe(true);
    expect(inRange({ n: 5, s: 8 }, r)).toBe(true);
    expect(inRange({ n: 6, s: 1 }, r)).toBe(false);
    expect(inRange({ n: 2, s: 9 }, r)).toBe(false);
  });

  it('follows a sentence range over a row boundary', () => {
    const r = range('p5.7', 'p6.2');
    expect(inRange({ n: 5, s: 6 }, r)).toBe(false);
    expect(inRange({ n: 5, s: 8 }, r)).toBe(true);
    expect(inRange({ n: 6, s: 1 }, r)).toBe(true);
    expect(inRange({ n: 6, s: 3 }, r)).toBe(false);
  });
});

describe('passageLabel', () => {
  it.each([
    ['#p5', '¶5'],
    ['#p3-p5', '¶3–5'],
    ['#p5-p3', '¶3–5'],
    ['#p2,p5-p7', '¶2, 5–7'],
    ['#p5.2', '¶5.2'],
    ['#p5.2-p5.4', '¶5.2–4'],
    ['#p5.3-p6.1', '¶5.3–6.1'],
    ['#p4-p5.3', '¶4–5.3'],
  ])('labels %s as %s', (hash, label) => {
    expect(passageLabel(parsePassage(hash))).toBe(label);
  });

  it('does not make a row-to-sentence range inside one row look like a backwards row range', () => {
    // #p5-p5.3 runs from the start of row 5 to its third sentence; "¶5–3" would read as rows 5 to 3.
    expect(passageLabel(parsePassage('#p5-p5.3'))).not.toBe('¶5–3');
  });
});
