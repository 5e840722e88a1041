/**
 * The search index and the search code of this build, each made once per process and shared by
 * the files they are written to (`[...file].ts`, `site-search.js.ts`) and the header component
 * (which needs the version, the document's id and the filters' years and pages).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { build, type Plugin } from 'esbuild';
import { pinyinSyllables, toneless } from '../../lib/pinyin.ts';
import { buildSearchIndex, type BuiltIndex } from '../../lib/search-build.ts';

let built: Promise<BuiltIndex> | null = null;
let code: Promise<string> | null = null;

export function searchIndex(): Promise<BuiltIndex> {
  built ??= (async () => {
    const docs = (await getCollection('documents')).map((d) => d.data);
    const glossary = (await getCollection('glossary'))
      .map(({ data: g }) => ({ slug: g.slug, term: g.term, gloss: g.gloss, py: g.toneless, reading: g.reading, renderings: g.renderings }))
      .sort((a, b) => a.slug.localeCompare(b.slug));
    return buildSearchIndex(docs, glossary, {
      pinyin: (text) => pinyinSyllables(text).map((s) => (s ? toneless(s) : null)),
    });
  })();
  return built;
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

/**
 * The browser side of search (src/elements/site-search.ts and what it imports) as one classic
 * script. Classic, not a module: it must also run from file://, where Chromium refuses module
 * scripts. esbuild is Astro's own dependency. Made again on every request under `astro dev`, so
 * that edits show.
 */
export function searchCode(): Promise<string> {
  const make = async () => {
    const result = await build({
      entryPoints: [resolve('src/elements/site-search.ts')],
      bundle: true,
      format: 'iife',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      write: false,
      plugins: [flexsearchCompact],
    });
    return result.outputFiles[0]!.text;
  };
  if (import.meta.env.DEV) return make();
  code ??= make();
  return code;
}

/**
 * The version in every search URL (`?v=`): a hash of what is emitted, the index files (their
 * hash is the index's own version) and the code that reads them, so a rebuilt site never pairs
 * new pages with a cached old index or script, and an unchanged one keeps its cache.
 */
export async function searchVersion(): Promise<string> {
  return createHash('sha1')
    .update((await searchIndex()).meta.version)
    .update(await searchCode())
    .digest('hex')
    .slice(0, 10);
}
