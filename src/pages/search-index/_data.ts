/**
 * The search index of this build, made once per process and shared by the index files
 * (`[file].ts`) and the header component (which needs its version and the document's id).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCollection } from 'astro:content';
import { pinyinSyllables, toneless } from '../../lib/pinyin.ts';
import { sortDocuments } from '../../lib/order.ts';
import { buildSearchIndex, type BuiltIndex } from '../../lib/search-build.ts';

let built: Promise<BuiltIndex> | null = null;

export function searchIndex(): Promise<BuiltIndex> {
  built ??= (async () => {
    const docs = sortDocuments((await getCollection('documents')).map((d) => d.data));
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
 * The version in every search URL (`?v=`): the index and the code that reads it, so a rebuilt site
 * never pairs new pages with a cached old index or script.
 */
export async function searchVersion(): Promise<string> {
  const hash = createHash('sha1').update((await searchIndex()).meta.version);
  for (const dir of ['src/lib', 'src/elements']) {
    for (const f of readdirSync(resolve(dir)).sort()) if (/^(search-|site-search)/.test(f)) hash.update(f).update(readFileSync(resolve(dir, f)));
  }
  return hash.digest('hex').slice(0, 10);
}
