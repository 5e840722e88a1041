import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, type BuiltIndex, type SourceDocument } from '../../src/node/search-index.ts';
import { SearchEngine, type SearchFilter } from '../../src/lib/search/engine.ts';
import { HAN } from '../../src/lib/han.ts';

// A reading for each character these documents use: enough pinyin to test without pinyin-pro.
const READ: Record<string, string> = {
  土: 'tu',
  洋: 'yang',
  并: 'bing',
  举: 'ju',
  地: 'di',
  法: 'fa',
  炼: 'lian',
  钢: 'gang',
  各: 'ge',
  都: 'dou',
  有: 'you',
  铝: 'lv',
  工: 'gong',
  业: 'ye',
  西: 'xi',
  安: 'an',
  先: 'xian',
  进: 'jin',
  改: 'gai',
  革: 'ge',
  制: 'zhi',
  度: 'du',
  矿: 'kuang',
};
const pinyin = (text: string) => Array.from(text, (ch) => (HAN.test(ch) ? (READ[ch] ?? null) : null));
const doc = (path: string, rows: [string, string][], date = '1958-09-25', page = 1): SourceDocument => ({
  path,
  title: `Title of ${path}`,
  date,
  page,
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
const glossary = [
  {
    slug: 'tuyangbingju',
    term: '土洋并举',
    gloss: 'combining indigenous and foreign methods',
    py: 'tu yang bing ju',
    renderings: ['combining indigenous and foreign methods'],
  },
];
const built = buildSearchIndex(docs, glossary, { pinyin });
const loaded: string[] = [];
let engine: SearchEngine;

/** An engine reading the built files from memory, noting each file it loads in `log`. */
function open(index: BuiltIndex, log: string[] = []): Promise<SearchEngine> {
  return SearchEngine.open(async (name) => {
    log.push(name);
    const script = index.files.get(`${name}.js`);
    if (script === undefined) throw new Error(`no file ${name}.js`);
    let data: unknown;
    new Function('self', script)({ __duizhaoSearch: { shard: (_: string, d: unknown) => (data = d) } });
    return data;
  });
}

beforeAll(async () => {
  engine = await open(built, loaded);
});

/** Every row found, after "More results" until nothing is left. */
async function rows(query: string, on = engine, filter: SearchFilter = {}): Promise<string[]> {
  let r = await on.search(query, { filter });
  while (!r.complete) r = await on.more(r);
  const shown = await on.show(r, r.docs, { rows: Infinity });
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
      expect(
        (await engine.search(q)).glossary.map((g) => g.slug),
        q,
      ).toEqual(['tuyangbingju']);
    }
    expect((await engine.search('铝')).glossary).toEqual([]);
  });

  it('answers empty, huge, punctuation-only and hostile queries with nothing', async () => {
    for (const q of ['', '，。！', 'x'.repeat(10_000), '土'.repeat(10_000), '<img src=x onerror=alert(1)>', '"', '\u0000']) {
      expect(await rows(q), q.slice(0, 20)).toEqual([]);
    }
  });

  it('loads the bucket of the query, not the whole index, and no text before show()', async () => {
    const log: string[] = [];
    await (await open(built, log)).search('铝');
    expect(log.filter((n) => /^(zh|py|en)\//.test(n))).toHaveLength(1);
    expect(log.filter((n) => n.startsWith('text/'))).toHaveLength(0);
  });

  it('does not load every bucket for a lone unfinished syllable', async () => {
    loaded.length = 0;
    expect(await rows('sh')).toEqual([]);
    expect(loaded.filter((n) => n.startsWith('py/'))).toEqual([]);
  });

  it('ranks the documents of a query and keeps rows in reading order', async () => {
    const r = await engine.search('土');
    expect(r.docs.map((d) => d.ids)).toEqual([...r.docs.map((d) => [...d.ids].sort((a, b) => a - b))]);
    expect(r.rows).toBe(3);
  });

  it('loads the pinyin of the text only for a query that has pinyin in it', async () => {
    const log: string[] = [];
    const fresh = await open(built, log);
    for (const q of ['铝', 'aluminum']) {
      const r = await fresh.search(q);
      await fresh.show(r, r.docs);
    }
    expect(log.filter((n) => n.startsWith('text/'))).not.toEqual([]);
    expect(log.filter((n) => n.endsWith('-py'))).toEqual([]);
    expect(await rows('tuyangbingju', fresh)).toEqual(['a/#p1']);
    expect(log.filter((n) => n.endsWith('-py'))).not.toEqual([]);
  });

  it('keeps nothing per document in meta.js', () => {
    expect(Object.values(built.meta).filter((v) => Array.isArray(v) && v.length >= docs.length && v !== built.meta.glossary)).toEqual([]);
    expect(built.meta).not.toHaveProperty('docStarts');
  });
});

// Forty documents over five years and four pages, in files cut as small as the build allows, so
// that every list runs over several chunks.
const YEARS = [1956, 1957, 1958, 1959, 1960];
const many = Array.from({ length: 40 }, (_, k) =>
  doc(
    `d${k}/`,
    [
      [k % 3 ? '发展铝工业。' : '土法炼钢。', k % 2 ? 'The aluminum industry.' : 'Native steel.'],
      [k % 5 ? '各地都有。' : '铝矿先进。', 'Everywhere.'],
    ],
    `${YEARS[k % 5]}-0${1 + (k % 9)}-1${k % 10}`,
    1 + (k % 4),
  ),
);
const small = buildSearchIndex(many, [], { pinyin, cap: 400, head: 2, growth: 2 });

/** Rows by plain text search of the source documents. */
function truth(test: (zh: string, en: string) => boolean, keep: (d: SourceDocument) => boolean = () => true): string[] {
  return many
    .filter(keep)
    .flatMap((d) => d.rows.flatMap((r) => (test(r.zh.map((z) => z.text).join(''), r.en.map((e) => e.text).join('')) ? [`${d.path}#p${r.zh[0]!.n}`] : [])))
    .sort();
}

describe('the search engine over chunked lists', () => {
  it('cuts the lists of this small archive into several chunks', () => {
    expect([...small.files.keys()].filter((n) => /^zh\/\w+\/\d+-\d+\.js$/.test(n)).length).toBeGreaterThan(3);
  });

  it('first returns the newest documents, exact over the documents searched, then finds the rest with "More results"', async () => {
    const on = await open(small);
    let r = await on.search('铝', { docs: 2 });
    expect(r.complete).toBe(false);
    const all = truth((zh) => zh.includes('铝'));
    const searched = (upTo: number) => all.filter((row) => small.docIds.get(row.split('#')[0]!)! < upTo);
    const found = async () => (await on.show(r, r.docs, { rows: Infinity })).flatMap((d) => d.rows.map((x) => `${d.info.path}#${x.record.anchor}`)).sort();
    expect(await found()).toEqual(searched(r.searched.until));
    expect(r.docs.map((d) => d.doc)).toEqual([...r.docs.map((d) => d.doc)].sort((a, b) => a - b));
    let rounds = 0;
    while (!r.complete) {
      const before = r.searched.until;
      r = await on.more(r, 1);
      expect(r.searched.until).toBeGreaterThan(before);
      expect(await found()).toEqual(searched(r.searched.until));
      rounds++;
    }
    expect(rounds).toBeGreaterThan(1);
    expect(await found()).toEqual(all);
  });

  it('keeps a multi-token query exact over the documents every list covers', async () => {
    const on = await open(small);
    expect(await rows('铝工业', on)).toEqual(truth((zh) => zh.includes('铝工业')));
    expect(await rows('铝 aluminum', on)).toEqual(truth((zh, en) => zh.includes('铝') && en.includes('aluminum')));
    expect(await rows('lvkuang', on)).toEqual(truth((zh) => zh.includes('铝矿')));
  });

  it('finds the same rows as the same archive in large files', async () => {
    const big = await open(buildSearchIndex(many, [], { pinyin }));
    for (const q of ['铝', '土法', 'aluminum', 'alumi', 'tufa', 'gang', '铝 native']) expect(await rows(q, await open(small)), q).toEqual(await rows(q, big));
  });

  it('keeps to the years and the page asked for', async () => {
    const on = await open(small);
    const year = (d: SourceDocument) => Number(d.date.slice(0, 4));
    expect(await rows('铝', on, { from: 1957, to: 1958 })).toEqual(
      truth(
        (zh) => zh.includes('铝'),
        (d) => year(d) >= 1957 && year(d) <= 1958,
      ),
    );
    expect(await rows('铝', on, { page: 3 })).toEqual(
      truth(
        (zh) => zh.includes('铝'),
        (d) => d.page === 3,
      ),
    );
    expect(await rows('aluminum', on, { from: 1959, page: 2 })).toEqual(
      truth(
        (_, en) => en.includes('aluminum'),
        (d) => year(d) >= 1959 && d.page === 2,
      ),
    );
    expect(await rows('铝', on, { from: 1990 })).toEqual([]);
  });

  it('does not load the text of documents a filter leaves out', async () => {
    const log: string[] = [];
    const on = await open(small, log);
    let r = await on.search('铝', { filter: { page: 3 } });
    while (!r.complete) r = await on.more(r);
    await on.show(r, r.docs, { rows: Infinity });
    const pageOf = new Map(many.map((d) => [small.docIds.get(d.path)!, d.page]));
    // Text files are named by year and place in the year (lib/search/files.ts).
    const start = (year: number) => small.meta.years.find(([y]) => y === year)![1];
    const texts = log.filter((n) => n.startsWith('text/')).map((n) => start(Number(n.split('/')[1])) + Number(n.split('/')[3]!.split('-')[0]));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((d) => pageOf.get(d) !== 3)).toEqual([]);
  });
});
