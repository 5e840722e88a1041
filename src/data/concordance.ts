/**
 * Every glossary term's occurrences in the documents, in reading order, made once per build and
 * shared by the glossary's index (its warnings) and term pages: at 20,000 documents it takes half
 * a minute, which the two pages used to spend twice.
 */
import { getCollection } from 'astro:content';
import { concordance, type ConcordanceDoc, type Occurrence } from '../lib/concordance.ts';
import { sortDocuments } from '../lib/order.ts';

export interface SiteConcordance {
  terms: { key: string; renderings: string[]; file: string }[];
  docs: ConcordanceDoc[];
  found: Map<string, Occurrence[]>;
}

let cached: Promise<SiteConcordance> | undefined;

export function siteConcordance(): Promise<SiteConcordance> {
  cached ??= (async () => {
    const entries = (await getCollection('glossary')).map((g) => g.data);
    const docs = sortDocuments((await getCollection('documents')).map((d) => d.data));
    const terms = entries.map((e) => ({ key: e.term, renderings: e.renderings, file: `content/glossary/${e.file}` }));
    return { terms, docs, found: concordance(terms, docs) };
  })();
  return cached;
}
