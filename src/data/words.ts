/**
 * The word data of a document page (src/node/words/page-words.ts), made by the same plugins the
 * page runs: glossary marks, then words (src/pages/[...doc].astro). The `words.js` endpoint calls
 * this; the page only marks the words, so neither waits for the other.
 */
import type { PluggableList } from 'unified';
import type { StoredDocument } from '../schemas/document.ts';
import type { PageWords } from '../lib/words/data.ts';
import { renderDocument } from '../lib/render/html.ts';
import { pinyinSyllables } from '../node/pinyin/reading.ts';
import { segment } from '../node/words/segment.ts';
import { pageWords } from '../node/words/page-words.ts';
import { siteDictionary } from '../node/words/source.ts';
import { chineseTermMarks, documentTerms } from './terms.ts';
import rehypeWords, { type WordsOptions } from '../plugins/rehype-words.ts';

/** What rehype-words needs at build time; the page passes the same. */
export const wordsOptions: WordsOptions = { segment, syllables: pinyinSyllables };

export async function documentWords(doc: StoredDocument): Promise<PageWords> {
  const plugins: PluggableList = [chineseTermMarks(await documentTerms(doc)), [rehypeWords, wordsOptions]];
  return pageWords(renderDocument(doc, plugins).data.words ?? [], siteDictionary());
}
