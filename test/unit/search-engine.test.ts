import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type SourceDocument } from '../../src/lib/search-build.ts';
import { SearchEngine } from '../../src/lib/search-engine.ts';
import { HAN } from '../../src/lib/search-fold.ts';

// A reading for each character these documents use: enough pinyin to test without pinyin-pro.
const READ: Record<string, string> = {
  土: 'tu', 洋: 'yang', 并: 'bing', 举: 'ju', 地: 'di', 法: 'fa', 炼: 'lian', 钢: 'gang', 各: 'ge', 都: 'dou', 有: 'you',
  铝: 'lv', 工: 'gong', 业: 'ye', 西: 'xi', 安: 'an', 先: 'xian', 进: 'jin', 改: 'gai', 革: 'ge', 制: 'zhi', 度: 'du', 矿: 'kuang',
};
const pinyin = (text: string) => Array.from(text, (ch) => (HAN.test(ch) ? (READ[ch] ?? null) : null));
const doc = (path: string, rows: [string, string][]): SourceDocument => ({
  path,
  title: `Title of ${path}`,
  date: '1958-09-25',
  headlineZh: ['标题'],
  rows: rows.map(([zh, en], k) => ({ zh: zh ? [{ n: k + 1, text: zh }] : [], en: en ? [{ e: k + 1, text: en }] : [] })),
});
const docs = [
  doc('a/', [
    ['坚持土洋并举，发展铝工业。', 'Combine indigenous and foreign methods; develop the aluminum industry.'],
    ['土法炼钢，各地都有。', 'Native steel-making is everywhere; mines and mining.'],
  ]),
  doc('b/', [
    ['改革土地制度。', 'Reform the land system.'],
    ['西安的先进工业。', "Xi'an has advanced industry."],
    ['', 'An English paragraph with no original: Smelting copper.'],
  ]),
];
const glossary = [{ slug: 'tuyangbingju', term: '土洋并举', gloss: 'combining indigenous and foreign methods', py: 'tu yang bing ju', renderings: ['combining indigenous and foreign methods'] }];
const built = buildSearchIndex(docs, glossary, { pinyin, shards: { zh: 8, py: 4, en: 4 } });
const loaded: string[] = [];
let engine: SearchEngine;

beforeAll(async () => {
  engine = await SearchEngine.open(async (name) => {
    loaded.push(name);
    const script = built.files.get(`${name}.js`);
    if (script === undefined) throw new Error(`no file ${name}.js`);
    let data: unknown;
    new Function('self', script)({ __duizhaoSearch: { shard: (_: string, d: unknown) => (data = d) } });
    return data;
  });
});

async function rows(query: string): Promise<string[]> {
  const r = await engine.search(query);
  const shown = await engine.show(r, r.docs);
  return shown.flatMap((d) => d.rows.map((x) => `${d.info.path}#${x.record.anchor}`)).sort();
}

describe('the search engine', () => {
  it('finds a Chinese term only where its characters stand together', async () => {
    expect(await rows('土地')).toEqual(['b/#p1']);
    expect(await rows('土洋并举')).toEqual(['a/#p1']);
    expect(await rows('土')).toEqual(['a/#p1', 'a/#p2', 'b/#p1']);
  });

  it('finds pinyin written every way a reader types it', async () => {
    for (const q of ['tuyangbingju', 'tu yang bing ju', 'Tǔyáng', 'tuyang', 'tuyangb', 'tu3yang2bing4ju3']) expect(await rows(q), q).toEqual(['a/#p1']);
  });

  it("tells xian from xi'an", async () => {
    expect(await rows('xian')).toEqual(['b/#p2']);
    expect(await rows("xi'an")).toEqual(['b/#p2']);
    const r = await engine.search('xian');
    const [shown] = await engine.show(r, r.docs);
    expect(shown!.rows[0]!.match.zh[0]).toEqual([[3, 4]]);
  });

  it('finds English in any case and inflection, and rows with no Chinese', async () => {
    expect(await rows('MINE')).toEqual(['a/#p2']);
    expect(await rows('smelted')).toEqual(['b/#e3']);
    expect(await rows('alumi')).toEqual(['a/#p1']);
  });

  it('needs both parts of a mixed query', async () => {
    expect(await rows('铝 aluminum')).toEqual(['a/#p1']);
    expect(await rows('铝 steel')).toEqual([]);
  });

  it('matches quoted phrases as phrases', async () => {
    expect(await rows('"develop the aluminum"')).toEqual(['a/#p1']);
    expect(await rows('"aluminum the develop"')).toEqual([]);
  });

  it('puts the glossary entry of a term first, by hanzi, pinyin or English', async () => {
    for (const q of ['土洋并举', 'tuyangbingju', 'combining indigenous and foreign methods', '土洋']) {
      expect((await engine.search(q)).glossary.map((g) => g.slug), q).toEqual(['tuyangbingju']);
    }
    expect((await engine.search('铝')).glossary).toEqual([]);
  });

  it('answers empty, huge, punctuation-only and hostile queries with nothing', async () => {
    for (const q of ['', '，。！', 'x'.repeat(10_000), '土'.repeat(10_000), '<img src=x onerror=alert(1)>', '"', '\u0000']) {
      expect(await rows(q), q.slice(0, 20)).toEqual([]);
    }
  });

  it('loads the shards of the query, not the whole index', async () => {
    loaded.length = 0;
    const fresh = await SearchEngine.open(async (name) => {
      loaded.push(name);
      let data: unknown;
      new Function('self', built.files.get(`${name}.js`)!)({ __duizhaoSearch: { shard: (_: string, d: unknown) => (data = d) } });
      return data;
    });
    await fresh.search('铝');
    expect(loaded.filter((n) => /^(zh|py|en)-/.test(n))).toHaveLength(1);
    expect(loaded.filter((n) => n.startsWith('text-'))).toHaveLength(0);
  });

  it('does not load every shard for a lone unfinished syllable', async () => {
    loaded.length = 0;
    expect(await rows('sh')).toEqual([]);
    expect(loaded.filter((n) => n.startsWith('py-'))).toEqual([]);
  });

  it('ranks the documents of a query and keeps rows in reading order', async () => {
    const r = await engine.search('土');
    expect(r.docs.map((d) => d.ids)).toEqual([...r.docs.map((d) => [...d.ids].sort((a, b) => a - b))]);
    expect(r.rows).toBe(3);
  });
});
