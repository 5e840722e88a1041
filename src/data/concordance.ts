/**
 * Every glossary term's occurrences in the documents, summarised for the glossary's index (its
 * warnings) and term pages (src/data/summary.ts): at 20,000 documents making them takes half a
 * minute, so it happens once per build, and a build in parts makes them in its parts.
 */
import { getCollection } from 'astro:content';
import type { TermSummary } from '../lib/glossary/concordance.ts';
import { siteSummary } from './summary.ts';

export interface SiteTerms {
  terms: { key: string; renderings: string[]; file: string }[];
  /** By term. */
  found: Map<string, TermSummary>;
  /** Per term, the renderings found in some English. */
  renderings: Map<string, string[]>;
}

let cached: Promise<SiteTerms> | undefined;

export function siteTerms(): Promise<SiteTerms> {
  cached ??= (async () => {
    const entries = (await getCollection('glossary')).map((g) => g.data);
    const summary = await siteSummary();
    return {
      terms: entries.map((e) => ({ key: e.term, renderings: e.renderings, file: `content/glossary/${e.file}` })),
      found: new Map(summary.terms.map((t) => [t.key, t])),
      renderings: new Map(summary.renderings),
    };
  })();
  return cached;
}
