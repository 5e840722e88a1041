/**
 * The terms a document page marks: the curated glossary plus the document's own named-entity
 * block (labelled as coming from the translation). Curated entries win when both name the same
 * hanzi. Pure data; the readings are passed in so this module stays free of pinyin-pro.
 */
import type { NamedEntity } from '../document/entities.ts';
import { hasHan } from '../han.ts';
import { entityTermId, glossaryTermId } from '../render/markup.ts';

export interface TermInfo {
  /** The hanzi as matched in the Chinese text. */
  key: string;
  /** Prefixed id for data attributes and popover ids: `g-tuyangbingju`, `n-3`. */
  id: string;
  kind: 'glossary' | 'entity';
  /** Toned pinyin, syllables separated by spaces. */
  reading: string;
  gloss: string;
  /** English phrases to mark in the paired English paragraph. */
  renderings: string[];
  /** Glossary slug (curated terms only). */
  slug?: string;
  /** Entity's English name, or its pinyin as given by the block (entities only). */
  en?: string;
}

export interface CuratedTerm {
  term: string;
  slug: string;
  gloss: string;
  reading: string;
  renderings: string[];
}

/** "Qián Dàjūn" → "Qian Dajun": how a translation usually writes a name it has no English for. */
export function plainPinyin(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ü/g, 'u');
}

export function curatedTerms(entries: CuratedTerm[]): TermInfo[] {
  return entries.map((e) => ({
    key: e.term,
    id: glossaryTermId(e.slug),
    kind: 'glossary',
    reading: e.reading,
    gloss: e.gloss,
    renderings: e.renderings,
    slug: e.slug,
  }));
}

/**
 * Named entities as terms, skipping names the curated glossary already has. `readingOf` gives
 * the generated toned pinyin (the block's own pinyin is shown as given, not trusted for tones).
 */
export function entityTerms(entities: NamedEntity[], curated: TermInfo[], readingOf: (zh: string) => string): TermInfo[] {
  const taken = new Set(curated.map((t) => t.key));
  const out: TermInfo[] = [];
  entities.forEach((e, k) => {
    if (taken.has(e.zh) || !hasHan(e.zh)) return;
    taken.add(e.zh);
    const english = e.en ?? (e.pinyin ? plainPinyin(e.pinyin) : '');
    out.push({
      key: e.zh,
      id: entityTermId(k + 1),
      kind: 'entity',
      reading: readingOf(e.zh),
      gloss: e.note ? `${english} — ${e.note}` : english,
      renderings: english ? [english] : [],
      ...(english ? { en: english } : {}),
    });
  });
  return out;
}
