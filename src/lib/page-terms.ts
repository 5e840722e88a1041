/**
 * The terms of one document page, ready for the glossary plugin: curated entries and the
 * document's named entities, with generated readings. Build time only (uses lib/pinyin.ts).
 */
import type { NamedEntity } from './entities.ts';
import { curatedTerms, entityTerms, type CuratedTerm, type TermInfo } from './glossary-terms.ts';
import { pinyinLine } from './pinyin.ts';

export function pageTerms(glossary: CuratedTerm[], entities: NamedEntity[]): TermInfo[] {
  const curated = curatedTerms(glossary);
  return [...curated, ...entityTerms(entities, curated, pinyinLine)];
}
