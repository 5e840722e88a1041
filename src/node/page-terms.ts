/**
 * The terms of one document page, ready for the glossary plugin: curated entries and the
 * document's named entities, with generated readings. Build time only (uses build/pinyin/reading.ts).
 */
import type { NamedEntity } from '../lib/document/entities.ts';
import { curatedTerms, entityTerms, type CuratedTerm, type TermInfo } from '../lib/glossary/terms.ts';
import { pinyinLine } from './pinyin/reading.ts';

export function pageTerms(glossary: CuratedTerm[], entities: NamedEntity[]): TermInfo[] {
  const curated = curatedTerms(glossary);
  return [...curated, ...entityTerms(entities, curated, pinyinLine)];
}
