/**
 * Where each glossary term occurs: for the glossary pages' concordance, and for the build's
 * warnings about terms and renderings that occur nowhere. Matching is the page's own
 * (lib/glossary/match.ts over all terms at once), so a concordance line is exactly a marked term.
 */
import type { Row } from '../document/model.ts';
import { compareReading } from '../archive/order.ts';
import { rowSentences } from '../document/sentences.ts';
import { chineseMatcher, englishMatcher } from './match.ts';

export interface ConcordanceDoc {
  path: string;
  date: string;
  page: number;
  title: string;
  headlineZh: string[];
  rows: Row[];
}

/** What a concordance line shows of its document. */
export interface OccurrenceDoc {
  path: string;
  date: string;
  page: number;
  headlineZh: string[];
}

export interface Occurrence {
  doc: OccurrenceDoc;
  /** Row number (`p${n}`) of the paragraph the term is in. */
  n: number;
  /** The Chinese sentence, split around the term: before, term, after. */
  zh: [string, string, string];
  /**
   * The English counterpart: the aligned English sentence(s) (lib/document/sentences.ts), with the rendering
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
  for (const full of docs) {
    const doc: OccurrenceDoc = { path: full.path, date: full.date, page: full.page, headlineZh: full.headlineZh };
    for (const row of full.rows) {
      const english = row.en.map((e) => e.text).join(' ');
      const aligned = rowSentences(row);
      const enSentences = aligned.en.flatMap((p) => p.sentences);
      for (const z of aligned.zh) {
        for (const sentence of z.sentences) {
          const counterpart = enSentences
            .filter((e) => e.ids.includes(sentence.id))
            .map((e) => e.text.trim())
            .join(' ');
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

/**
 * What a term's page shows of its occurrences: how many, in how many documents, and the newest
 * `shown` of them, newest first. Summaries of separate sets of documents combine (`combineTerms`),
 * so each part of a build in parts summarises its own year and the merge never reads a text.
 */
export interface TermSummary {
  key: string;
  count: number;
  docs: number;
  /** Newest documents first, each document's occurrences in reading order. */
  newest: Occurrence[];
}

/** The newest occurrences a term's page lists; search finds the rest. */
export const SHOWN = 200;

/** Summaries of `concordance()` over documents in reading order. */
export function summarizeTerms(found: Map<string, Occurrence[]>, shown = SHOWN): TermSummary[] {
  return [...found].map(([key, list]) => ({
    key,
    count: list.length,
    docs: new Set(list.map((o) => o.doc.path)).size,
    newest: [...list].sort(newestFirst).slice(0, shown),
  }));
}

/** Newest documents first, a document's occurrences in reading order (sort is stable). */
const newestFirst = (a: Occurrence, b: Occurrence) => compareReading(b.doc, a.doc) || a.n - b.n;

/** Summaries of disjoint sets of documents as one. */
export function combineTerms(parts: TermSummary[][], shown = SHOWN): Map<string, TermSummary> {
  const out = new Map<string, TermSummary>();
  for (const part of parts) {
    for (const t of part) {
      const had = out.get(t.key);
      if (!had) out.set(t.key, { ...t, newest: [...t.newest] });
      else {
        had.count += t.count;
        had.docs += t.docs;
        had.newest.push(...t.newest);
      }
    }
  }
  for (const t of out.values()) t.newest = t.newest.sort(newestFirst).slice(0, shown);
  return out;
}

/**
 * For each term, the renderings the page marks somewhere in these documents' English (their titles
 * included: the headline is a scope of its own).
 */
export function renderingsFound(terms: TermKey[], docs: ConcordanceDoc[]): Map<string, string[]> {
  const english = docs.flatMap((d) => [d.title, ...d.rows.flatMap((r) => r.en.map((e) => e.text))]);
  const out = new Map<string, string[]>();
  for (const t of terms) {
    const seen = t.renderings.filter((r) => {
      const match = englishMatcher(new Map([[t.key, [r]]]));
      return english.some((e) => match(e).length);
    });
    out.set(t.key, seen);
  }
  return out;
}

/** Build warnings: terms found in no document, renderings found in no English paragraph. */
export function glossaryWarnings(terms: (TermKey & { file: string })[], counts: Map<string, number>, renderings: Map<string, string[]>): string[] {
  const warnings: string[] = [];
  for (const t of terms) {
    if (!counts.get(t.key)) warnings.push(`${t.file}: the term ${t.key} occurs in no document.`);
    const seen = new Set(renderings.get(t.key) ?? []);
    for (const r of t.renderings) if (!seen.has(r)) warnings.push(`${t.file}: the rendering "${r}" occurs in no English paragraph.`);
  }
  return warnings;
}
