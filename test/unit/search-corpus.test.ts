import { beforeAll, expect, it } from 'vitest';
import { listDocumentFiles, loadDocument } from '../../src/node/load.ts';
import { pinyinSyllables, toneless } from '../../src/node/pinyin/reading.ts';
import { buildSearchIndex, fileSizes, type BuiltIndex } from '../../src/node/search-index.ts';
import { SearchEngine, type SearchFilter, type SearchResults } from '../../src/lib/search/engine.ts';
import { decodePostings, docOf, undelta, type HeadEntry, type Postings, type SearchRecord } from '../../src/lib/search/files.ts';
import { CORPUS_DIR, corpusPresent, describeCorpus } from './support/corpus.ts';

// The 200-article corpus in files much smaller than the build's, so that common tokens run over
// many chunks and "More results" has work to do. Expected rows are computed here by plain text
// search of the records, never taken from search output.
const CAP = 2048;
const HEAD = 8;
let built: BuiltIndex;
let paths: Map<number, string>;
const read = (name: string): unknown => {
  let data: unknown;
  new Function('self', built.files.get(`${name}.js`)!)({ __duizhaoSearch: { shard: (_: string, d: unknown) => (data = d) } });
  return data;
};

beforeAll(() => {
  if (!corpusPresent) return;
  const docs = listDocumentFiles(CORPUS_DIR).map((f) => loadDocument(CORPUS_DIR, f).data);
  built = buildSearchIndex(docs, [], { pinyin: (t) => pinyinSyllables(t).map((s) => (s ? toneless(s) : null)), cap: CAP, head: HEAD, growth: 2 });
  paths = new Map([...built.docIds].map(([path, doc]) => [doc, path]));
}, 120_000);

const key = (r: SearchRecord) => `${paths.get(r.doc)}#${r.anchor}`;
const hasZh = (term: string) => (r: SearchRecord) => r.zh.some((t) => t.includes(term));
const hasWord = (...forms: string[]) => {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (r: SearchRecord) => r.en.some((t) => re.test(t.normalize('NFD').replace(/\p{M}/gu, '')));
};

/** Rows passing `test`, among the documents [from, until) and those `keep` keeps. */
function truth(test: (r: SearchRecord) => boolean, from = 0, until = Infinity, keep: (r: SearchRecord) => boolean = () => true): string[] {
  return built.records
    .filter((r) => r.doc >= from && r.doc < until && keep(r) && test(r))
    .map(key)
    .sort();
}

async function found(engine: SearchEngine, r: SearchResults): Promise<string[]> {
  return (await engine.show(r, r.docs, { rows: Infinity })).flatMap((d) => d.rows.map((x) => `${d.info.path}#${x.record.anchor}`)).sort();
}

const open = () => SearchEngine.open(async (name) => read(name));

const EXACT: [string, (r: SearchRecord) => boolean][] = [
  ['铝', hasZh('铝')],
  ['土地', hasZh('土地')],
  ['社会主义', hasZh('社会主义')],
  ['毛主席', hasZh('毛主席')],
  ['人民日报', hasZh('人民日报')],
  ['aluminum', hasWord('aluminum', 'aluminums')],
  ['Soviet', hasWord('soviet', 'soviets')],
  ['mining', hasWord('mine', 'mines', 'mined', 'mining')],
  ['铝 aluminum', (r) => hasZh('铝')(r) && hasWord('aluminum')(r)],
];
const PINYIN: [string, string][] = [
  ['shehuizhuyi', '社会主义'],
  ['mao zhuxi', '毛主席'],
  ['renminribao', '人民日报'],
];

describeCorpus('search over the corpus in small files', () => {
  it('never writes an index file over the cap, and a text file over it only for one long row', () => {
    const over = [...fileSizes(built)].filter(([, bytes]) => bytes > CAP);
    expect(over.filter(([name]) => !name.startsWith('text/'))).toEqual([]);
    // A text part holds its records, a pinyin file their pinyin: either way, one long row alone.
    for (const [name] of over) {
      const data = read(name.slice(0, -3)) as { records: unknown[] } | unknown[];
      expect(Array.isArray(data) ? data : data.records, name).toHaveLength(1);
    }
  });

  it('gives each token at most a first page of postings in its bucket, newest first, the rest in chunks that follow in order', () => {
    let continued = 0;
    for (const [name] of built.files) {
      if (!/^(zh|py|en)\/\w+\.js$/.test(name)) continue;
      const bucket = name.slice(0, -3);
      for (const [k, [token, head, starts]] of (read(bucket) as HeadEntry[]).entries()) {
        const chunks = [head, ...(starts ?? []).map((_, c) => read(`${bucket}/${k}-${c + 1}`) as Postings)].map((p) => decodePostings(p, built.meta.stride));
        const ids = chunks.flat();
        expect(ids, token).toEqual([...ids].sort((a, b) => a - b));
        expect(new Set(ids).size, token).toBe(ids.length);
        if (starts) {
          continued++;
          expect(chunks[0]!.length, token).toBeLessThanOrEqual(HEAD * 1.25 + built.meta.stride);
          expect(undelta(starts), token).toEqual(chunks.slice(1).map((c) => docOf(c[0]!, built.meta.stride)));
        }
      }
    }
    expect(continued).toBeGreaterThan(100);
  });

  it.for(EXACT)('finds first the newest rows with %s, every one of the documents searched, then all of them', async ([query, test]) => {
    const engine = await open();
    let r = await engine.search(query);
    expect(r.docs.length).toBeGreaterThan(0);
    expect(await found(engine, r)).toEqual(truth(test, 0, r.searched.until));
    let rounds = 0;
    while (!r.complete) {
      r = await engine.more(r);
      expect(await found(engine, r)).toEqual(truth(test, 0, r.searched.until));
      rounds++;
    }
    expect(await found(engine, r)).toEqual(truth(test));
    expect(truth(test).length).toBeGreaterThan(0);
    if (['社会主义', '毛主席'].includes(query)) expect(rounds, 'a common query should need "More results"').toBeGreaterThan(0);
  });

  it.for(PINYIN)('finds every row with the characters of %s once everything is loaded', async ([query, zh]) => {
    const engine = await open();
    let r = await engine.search(query);
    while (!r.complete) r = await engine.more(r);
    const rows = await found(engine, r);
    expect(truth(hasZh(zh)).filter((row) => !rows.includes(row))).toEqual([]);
  });

  it.for([
    [{ from: 1958, to: 1966 }, '1958–1966'],
    [{ from: 1989 }, 'from 1989'],
    [{ to: 1949 }, 'until 1949'],
    [{ page: 1 }, 'page 1'],
    [{ from: 1950, to: 1970, page: 4 }, '1950–1970, page 4'],
  ] as [SearchFilter, string][])('keeps to the filter %s (%s)', async ([filter]) => {
    const keep = (r: SearchRecord) => {
      const y = Number(paths.get(r.doc)!.slice(0, 4));
      const page = Number(/\/p(\d+)\//.exec(paths.get(r.doc)!)![1]);
      return (
        (filter.from === undefined || y >= filter.from) && (filter.to === undefined || y <= filter.to) && (filter.page === undefined || page === filter.page)
      );
    };
    for (const [query, test] of EXACT.slice(0, 7)) {
      const engine = await open();
      let r = await engine.search(query, { filter });
      while (!r.complete) r = await engine.more(r);
      expect(await found(engine, r), query).toEqual(truth(test, 0, Infinity, keep));
    }
  });
});
