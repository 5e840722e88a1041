/**
 * The word data of a document page (src/node/words/page-words.ts), made by the same plugins the
 * page runs: glossary marks, then words (src/pages/[...doc].astro). The `words.js` endpoint calls
 * this; the page only marks the words, so neither waits for the other.
 */
import { getCollection } from 'astro:content';
import type { PluggableList } from 'unified';
import type { StoredDocument } from '../schemas/document.ts';
import type { TermInfo } from '../lib/glossary/terms.ts';
import type { PageWords } from '../lib/words/data.ts';
import { renderDocument } from '../lib/render/html.ts';
import { pageTerms } from '../node/page-terms.ts';
import { pinyinSyllables } from '../node/pinyin/reading.ts';
import { segment } from '../node/words/segment.ts';
import { pageWords } from '../node/words/page-words.ts';
import { siteDictionary } from '../node/words/source.ts';
import rehypeGlossary from '../plugins/rehype-glossary.ts';
import rehypeWords, { type WordsOptions } from '../plugins/rehype-words.ts';

/** What rehype-words needs at build time; the page passes the same. */
export const wordsOptions: WordsOptions = { segment, syllables: pinyinSyllables };

export async function documentWords(doc: StoredDocument): Promise<PageWords> {
  const glossary = (await getCollection('glossary')).map((g) => g.data);
  const terms = pageTerms(
    glossary.map((g) => ({ term: g.term, slug: g.slug, gloss: g.gloss, reading: g.reading, renderings: g.renderings })),
    doc.entities,
  );
  const plugins: PluggableList = [
    // Only which Chinese text is a term matters here: no links, no English renderings to find.
    [rehypeGlossary, { terms: terms.map((t) => ({ ...t, renderings: [] })), hrefOf: (t: TermInfo) => `#${t.id}` }],
    [rehypeWords, wordsOptions],
  ];
  return pageWords(renderDocument(doc, plugins).data.words ?? [], siteDictionary());
}
