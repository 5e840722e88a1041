/**
 * The search index of this build (build/search-index.ts) and the search code, each made once per
 * process:
 *
 * - every build makes the index of its own years (`yearBuilds`): their text files go out through
 *   src/data/emit.ts; a part of a build in parts hands the years' lists to the merge
 *   (`part-data/search.json`);
 * - a build of the whole site packs the years into buckets, chunks and meta.js (`siteIndex`); the
 *   merge of a build in parts leaves that to scripts/build-parts.ts, which packs its parts' lists.
 *
 * Pages need none of it: they name their document by year and place (`searchKeys`), and the
 * search code's version, never the index's (elements/search-load.ts asks meta.js for that).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import type { Plugin } from 'esbuild';
import { bundleScript } from '../node/bundle.ts';
import { pinyinSyllables, toneless } from '../node/pinyin/reading.ts';
import { buildYear, byYear, packIndex, searchOrder, type PackedIndex, type YearBuild } from '../node/search-index.ts';
import type { GlossaryInfo } from '../lib/search/files.ts';
import { emitFiles } from './emit.ts';
import { ownSummary } from './summary.ts';

const DIR = 'search-index/';

/** Toneless syllables for the index, from the same readings the pages show. */
const pinyin = (text: string) => pinyinSyllables(text).map((s) => (s ? toneless(s) : null));

let years: Promise<YearBuild[]> | undefined;

/** This build's years, newest first; their text files are emitted once. */
export function yearBuilds(): Promise<YearBuild[]> {
  years ??= (async () => {
    const docs = (await getCollection('documents')).map((d) => d.data);
    const built = byYear(docs).map(([year, list]) => buildYear(year, list, pinyin));
    for (const y of built) emitFiles([...y.texts].map(([name, content]) => [`${DIR}${name}`, content]));
    return built;
  })();
  return years;
}

let glossary: Promise<GlossaryInfo[]> | undefined;

/** What meta.js says of each glossary term (search shows a matching entry first). */
export function glossaryInfo(): Promise<GlossaryInfo[]> {
  glossary ??= getCollection('glossary').then((entries) =>
    entries
      .map(({ data: g }) => ({ slug: g.slug, term: g.term, gloss: g.gloss, py: g.toneless, reading: g.reading, renderings: g.renderings }))
      .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
  );
  return glossary;
}

let packed: Promise<PackedIndex> | undefined;

/**
 * The whole index of a one-process build. Every file but meta.js (the one route) is emitted: the
 * text files by `yearBuilds`, the buckets, chunks and page maps here.
 */
export function siteIndex(): Promise<PackedIndex> {
  packed ??= (async () => {
    const index = packIndex(
      (await yearBuilds()).map((y) => y.index),
      await glossaryInfo(),
    );
    emitFiles([...index.files].filter(([name]) => name !== 'meta.js').map(([name, content]) => [`${DIR}${name}`, content]));
    return index;
  })();
  return packed;
}

let keys: Promise<Map<string, string>> | undefined;

/**
 * Each document's name in the index, `1958/12` (its year and its place in that year's search
 * order, lib/search/files.ts), by URL path. It depends on the document's year alone.
 */
export function searchKeys(): Promise<Map<string, string>> {
  keys ??= (async () => {
    const out = new Map<string, string>();
    for (const [year, docs] of byYear((await ownSummary()).docs)) searchOrder(docs).forEach((d, k) => out.set(d.path, `${year}/${k}`));
    return out;
  })();
  return keys;
}

/**
 * FlexSearch comes in as its compact build (import/export and search, no workers or
 * persistence), which the package's `exports` do not name, hence this small resolver.
 */
const flexsearchCompact: Plugin = {
  name: 'flexsearch-compact',
  setup(b) {
    const dist = dirname(createRequire(import.meta.url).resolve('flexsearch'));
    b.onResolve({ filter: /^flexsearch$/ }, () => ({ path: join(dist, 'flexsearch.compact.module.min.js') }));
  },
};

let code: Promise<string> | undefined;

/**
 * The browser side of search (src/elements/site-search.ts and what it imports) as one classic
 * script (build/bundle.ts). Made again on every request under `astro dev`, so
 * that edits show.
 */
export function searchCode(): Promise<string> {
  const make = () => bundleScript({ entryPoints: [resolve('src/elements/site-search.ts')], plugins: [flexsearchCompact] });
  if (import.meta.env.DEV) return make();
  code ??= make();
  return code;
}

/** The version in the search code's URL (`site-search.js?v=`): a hash of the code. */
export async function searchCodeVersion(): Promise<string> {
  return createHash('sha1')
    .update(await searchCode())
    .digest('hex')
    .slice(0, 10);
}
