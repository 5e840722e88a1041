/**
 * Where each glossary term occurs: for the glossary pages' concordance, and for the build's
 * warnings about terms and renderings that occur nowhere. Matching is the page's own
 * (lib/term-match.ts over all terms at once), so a concordance line is exactly a marked term.
 */
import type { Row } from './document.ts';
import { rowSentences, splitEnSentences, splitZhSentences } from './sentences.ts';
import { chineseMatcher, englishMatcher } from './term-match.ts';

export interface ConcordanceDoc {
  path: string;
  date: string;
  page: number;
  title: string;
  headlineZh: string[];
  rows: Row[];
}

export interface Occurrence {
  doc: ConcordanceDoc;
  /** Row number (`p${n}`) of the paragraph the term is in. */
  n: number;
  /** The Chinese sentence, split around the term: before, term, after. */
  zh: [string, string, string];
  /**
   * The English counterpart: the aligned English sentence(s) (lib/sentences.ts), with the rendering
   * split out when it is there; the row's English when no sentence is aligned; null without English.
   */
  en: [string, string, string] | null;
}

export interface TermKey {
  key: string;
  renderings: string[];
}

export function concordance(terms: TermKey[], docs: ConcordanceDoc[]): Map<string, Occurrence[]> {
  const matchZh = chineseMatcher(terms.map((t) => t.key));
  const matchEn = englishMatcher(new Map(terms.map((t) => [t.key, t.renderings])));
  const out = new Map<string, Occurrence[]>(terms.map((t) => [t.key, []]));
  for (const doc of docs) {
    for (const row of doc.rows) {
      const english = row.en.map((e) => e.text).join(' ');
      const aligned = rowSentences(row);
      const enSentences = aligned.en.flatMap((p) => p.sentences);
      for (const z of aligned.zh) {
        for (const sentence of z.sentences) {
          const counterpart = enSentences.filter((e) => e.ids.includes(sentence.id)).map((e) => e.text.trim()).join(' ');
          for (const m of matchZh(sentence.text)) {
            const text = counterpart || english;
            const hit = text ? matchEn(text, new Set([m.key]))[0] : undefined;
            out.get(m.key)!.push({
              doc,
              n: z.n,
              zh: [sentence.text.slice(0, m.start), sentence.text.slice(m.start, m.end), sentence.text.slice(m.end)],
              en: !text ? null : hit ? [text.slice(0, hit.start), text.slice(hit.start, hit.end), text.slice(hit.end)] : ['', '', text],
            });
          }
        }
      }
    }
  }
  return out;
}

/** Build warnings: terms found in no document, renderings found in no English paragraph. */
export function glossaryWarnings(terms: (TermKey & { file: string })[], docs: ConcordanceDoc[], found: Map<string, Occurrence[]>): string[] {
  const warnings: string[] = [];
  // The page marks renderings in the English title too (the headline is a scope of its own).
  const english = docs.flatMap((d) => [d.title, ...d.rows.flatMap((r) => r.en.map((e) => e.text))]);
  for (const t of terms) {
    if (!found.get(t.key)?.length) warnings.push(`${t.file}: the term ${t.key} occurs in no document.`);
    for (const r of t.renderings) {
      const match = englishMatcher(new Map([[t.key, [r]]]));
      if (!english.some((e) => match(e).length)) warnings.push(`${t.file}: the rendering "${r}" occurs in no English paragraph.`);
    }
  }
  return warnings;
}
