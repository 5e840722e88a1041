/**
 * Where each glossary term occurs: for the glossary pages' concordance, and for the build's
 * warnings about terms and renderings that occur nowhere. Matching is the page's own
 * (lib/term-match.ts over all terms at once), so a concordance line is exactly a marked term.
 */
import type { Row } from './document.ts';
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
  /** The English counterpart: the sentence with the rendering split out, or the whole row. */
  en: [string, string, string] | null;
}

/** Chinese sentences end in 。！？；… (closing quotes and brackets stay with them). */
export function splitZhSentences(text: string): string[] {
  return text.match(/[^。！？；…]+(?:[。！？；…]+[”’」』）)]*)?|[。！？；…]+/g) ?? [text];
}

/** English sentences end in . ! ? ; followed by white space. */
export function splitEnSentences(text: string): string[] {
  return text.split(/(?<=[.!?;]["”’)]?)\s+(?=\S)/);
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
      for (const z of row.zh) {
        for (const sentence of splitZhSentences(z.text)) {
          for (const m of matchZh(sentence)) {
            let en: Occurrence['en'] = english ? ['', english, ''] : null;
            for (const s of splitEnSentences(english)) {
              const hit = matchEn(s, new Set([m.key]))[0];
              if (hit) {
                en = [s.slice(0, hit.start), s.slice(hit.start, hit.end), s.slice(hit.end)];
                break;
              }
            }
            out.get(m.key)!.push({
              doc,
              n: z.n,
              zh: [sentence.slice(0, m.start), sentence.slice(m.start, m.end), sentence.slice(m.end)],
              // Without a rendering found, the whole English of the row is the counterpart (not split).
              en: en && en[0] === '' && en[2] === '' && en[1] === english ? ['', '', english] : en,
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
