import { describe, expect, it } from 'vitest';
import { buildSearchIndex, buildYear, byYear, decodeYearIndex, encodeYearIndex, packIndex, type SourceDocument } from '../../src/node/search-index.ts';
import { locate } from '../../src/lib/search/files.ts';
import { SearchEngine } from '../../src/lib/search/engine.ts';
import { HAN } from '../../src/lib/han.ts';

const pinyin = (text: string) => Array.from(text, (ch) => (HAN.test(ch) ? 'x' : null));
const doc = (path: string, date: string, zh: string, en: string, page = 1): SourceDocument => ({
  path,
  title: `Title ${path}`,
  date,
  page,
  headlineZh: ['标题'],
  rows: [{ zh: [{ n: 1, text: zh }], en: [{ e: 1, text: en }] }],
});
const docs = [
  doc('a/', '1958-09-25', '发展铝工业。', 'Aluminum.'),
  doc('b/', '1958-09-25', '土法炼钢。', 'Native steel.', 2),
  doc('c/', '1960-01-02', '铝矿。', 'Bauxite.'),
  doc('d/', '1956-03-04', '铝。', 'Aluminum again.', 3),
  doc('e/', '1960-05-06', '钢铁。', 'Steel and iron.'),
];

describe('an index built a year at a time', () => {
  it('packs years built apart into the same files as the whole archive built at once', () => {
    const whole = buildSearchIndex(docs, [], { pinyin });
    const years = byYear(docs).map(([y, list]) => buildYear(y, list, pinyin));
    // The parts arrive in any order: the merge sorts them.
    const packed = packIndex(
      [...years].reverse().map((y) => y.index),
      [],
    );
    const files = new Map(packed.files);
    for (const y of years) for (const [name, content] of y.texts) files.set(name, content);
    expect([...files.keys()].sort()).toEqual([...whole.files.keys()].sort());
    for (const [name, content] of whole.files) expect(files.get(name), name).toBe(content);
  });

  it('names text files by year and place in the year, so that a year’s files depend on that year alone', () => {
    const alone = buildYear(
      1958,
      docs.filter((d) => d.date.startsWith('1958')),
      pinyin,
    );
    const whole = buildSearchIndex(docs, [], { pinyin });
    expect([...alone.texts.keys()].every((name) => name.startsWith('text/1958/0/'))).toBe(true);
    for (const [name, content] of alone.texts) expect(whole.files.get(name)).toBe(content);
  });

  it('numbers documents newest first, years after the years that follow them', () => {
    const { meta, docIds } = buildSearchIndex(docs, [], { pinyin });
    expect(meta.years).toEqual([
      [1960, 0],
      [1958, 2],
      [1956, 4],
    ]);
    expect(['e/', 'c/', 'a/', 'b/', 'd/'].map((p) => docIds.get(p))).toEqual([0, 1, 2, 3, 4]);
    expect(locate(meta.years, 3)).toEqual({ year: 1958, doc: 1 });
    expect(locate(meta.years, 4)).toEqual({ year: 1956, doc: 0 });
  });

  it('finds a page’s document from its year and place, and nothing for a key it does not have', async () => {
    const built = buildSearchIndex(docs, [], { pinyin });
    const engine = await SearchEngine.open(async (name) => {
      let data: unknown;
      new Function('self', built.files.get(`${name}.js`)!)({ __duizhaoSearch: { shard: (_: string, d: unknown) => (data = d) } });
      return data;
    });
    expect(engine.documentAt('1958/1')).toBe(3);
    expect(engine.documentAt('1958/2')).toBeUndefined();
    expect(engine.documentAt('1957/0')).toBeUndefined();
    expect(engine.documentAt('<img src=x>')).toBeUndefined();
    const marked = await engine.documentMatches(engine.documentAt('1958/1')!, '土法');
    expect(marked.map((m) => m.record.anchor)).toEqual(['', 'p1']);
    expect(marked[1]!.match.ok).toBe(true);
  });
});

describe('a year’s lists as a part hands them to the merge', () => {
  it('come back from their bytes as they were', () => {
    const [y] = byYear(docs).map(([year, list]) => buildYear(year, list, pinyin));
    const bytes = encodeYearIndex(y!.index);
    // Read from an offset, as a file's bytes may arrive.
    const copy = new Uint8Array(bytes.length + 3);
    copy.set(bytes, 3);
    const back = decodeYearIndex(copy.subarray(3));
    expect(back).toEqual(y!.index);
    expect(packIndex([back], []).files).toEqual(packIndex([y!.index], []).files);
  });
});
