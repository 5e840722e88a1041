/**
 * The terms of one document page (the curated glossary and the document's named entities), as the
 * page, its words.js and its pinyin.js all mark them, and the glossary plugin as the two files use
 * it: only which Chinese text is a term, and its reading, matter there (no links, no English).
 */
import { getCollection } from 'astro:content';
import type { Pluggable } from 'unified';
import type { StoredDocument } from '../schemas/document.ts';
import type { TermInfo } from '../lib/glossary/terms.ts';
import { pageTerms } from '../node/page-terms.ts';
import rehypeGlossary from '../plugins/rehype-glossary.ts';

export async function documentTerms(doc: StoredDocument): Promise<TermInfo[]> {
  const glossary = (await getCollection('glossary')).map((g) => g.data);
  return pageTerms(
    glossary.map((g) => ({ term: g.term, slug: g.slug, gloss: g.gloss, reading: g.reading, renderings: g.renderings })),
    doc.entities,
  );
}

/** rehype-glossary marking the Chinese terms only, for data made beside the page. */
export function chineseTermMarks(terms: TermInfo[]): Pluggable {
  return [rehypeGlossary, { terms: terms.map((t) => ({ ...t, renderings: [] })), hrefOf: (t: TermInfo) => `#${t.id}` }];
}
