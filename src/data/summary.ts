/**
 * What the pages that span the archive need of its documents: their listing (home, years, days),
 * the glossary's concordance and the status page. Each build makes it from its own documents; the
 * merge step of a build in parts (src/data/build-mode.ts) reads it from its parts instead
 * (`part-data/summary.json`), so the merge never reads, parses or aligns a text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection } from 'astro:content';
import type { ArticleRef } from '../lib/archive/index.ts';
import { combineTerms, concordance, renderingsFound, summarizeTerms, type TermSummary } from '../lib/glossary/concordance.ts';
import { compareReading, sortDocuments } from '../lib/archive/order.ts';
import { buildMode } from './build-mode.ts';
import { partFolders } from './parts.ts';
import { refusals, type Refusal } from './refusals.ts';
import type { StoredDocument } from '../schemas/document.ts';

/** A document as the listings and the content version know it. */
export interface DocRef extends ArticleRef {
  /** Its id in the documents collection. */
  id: string;
  /** The loader's digest of its source (and override). */
  digest: string;
  /** Source file, below the content folder. */
  file: string;
}

/** A document with rows the aligner is unsure of, for /status/. */
export interface UncertainDoc {
  path: string;
  date: string;
  page: number;
  headlineZh: string[];
  file: string;
  /** Anchors of the uncertain rows: `p5`, or `e3` for a row without Chinese. */
  rows: string[];
}

export interface BuildSummary {
  /** In reading order. */
  docs: DocRef[];
  /** In reading order. */
  uncertain: UncertainDoc[];
  /** One per glossary term. */
  terms: TermSummary[];
  /** Per term, its renderings found in some English. */
  renderings: [string, string[]][];
  /** Files the loader refused. */
  refused: Refusal[];
}

let own: Promise<BuildSummary> | undefined;

/** The summary of this build's own documents (all of them, or a part's year). */
export function ownSummary(): Promise<BuildSummary> {
  own ??= (async () => {
    const entries = await getCollection('documents');
    const docs = sortDocuments(entries.map(({ data: d }): StoredDocument => d));
    const digests = new Map(entries.map((e) => [e.data.path, { id: e.id, digest: String(e.digest ?? '') }]));
    const terms = (await getCollection('glossary')).map(({ data: g }) => ({ key: g.term, renderings: g.renderings }));
    return {
      docs: docs.map((d) => ({ path: d.path, date: d.date, page: d.page, headlineZh: d.headlineZh, title: d.title, file: d.file, ...digests.get(d.path)! })),
      uncertain: docs
        .map((d) => ({
          path: d.path,
          date: d.date,
          page: d.page,
          headlineZh: d.headlineZh,
          file: d.file,
          rows: d.rows.filter((r) => r.low && !r.fixed).map((r) => (r.zh[0] ? `p${r.zh[0].n}` : `e${r.en[0]!.e}`)),
        }))
        .filter((u) => u.rows.length > 0),
      terms: summarizeTerms(concordance(terms, docs)),
      renderings: [...renderingsFound(terms, docs)],
      refused: refusals(),
    };
  })();
  return own;
}

/** Summaries of separate sets of documents as one. */
export function combineSummaries(parts: BuildSummary[]): BuildSummary {
  const renderings = new Map<string, Set<string>>();
  for (const p of parts)
    for (const [term, seen] of p.renderings) for (const r of seen) (renderings.get(term) ?? renderings.set(term, new Set()).get(term)!).add(r);
  for (const p of parts) for (const [term] of p.renderings) if (!renderings.has(term)) renderings.set(term, new Set());
  // A file whose date cannot be seen is read, and refused, by every part: one entry each.
  const refused = new Map(parts.flatMap((p) => p.refused).map((r) => [r.file, r]));
  return {
    docs: parts.flatMap((p) => p.docs).sort(compareReading),
    uncertain: parts.flatMap((p) => p.uncertain).sort(compareReading),
    terms: [...combineTerms(parts.map((p) => p.terms)).values()],
    renderings: [...renderings].map(([t, s]) => [t, [...s]]),
    refused: [...refused.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
}

let site: Promise<BuildSummary> | undefined;

/** The summary of the whole archive: this build's own, or, in a merge, its parts' combined. */
export function siteSummary(): Promise<BuildSummary> {
  site ??= (async () => {
    const mode = buildMode();
    if (mode.kind !== 'merge') return ownSummary();
    return combineSummaries(partFolders(mode.parts).map((folder) => JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8')) as BuildSummary));
  })();
  return site;
}
