/**
 * What one part of a build in parts hands to the merge (scripts/build-parts.ts), written only when
 * PART is a year: `documents.json`, the part's documents as the loader stored them (with their
 * digests, for the content version), and `pinyin.json`, the readings of their headlines and
 * Chinese paragraphs, so the merge builds the search index without reading any text again, and
 * `refused.json`, the files the part's loader refused, for the merged /status/ page.
 * The merge copies neither into the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { builds } from '../../data/build-mode.ts';
import { pinyinSyllables } from '../../lib/pinyin.ts';
import { refusals } from '../../data/refusals.ts';

export const getStaticPaths = (() => (builds('part-data') ? ['documents.json', 'pinyin.json', 'refused.json'].map((file) => ({ params: { file } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const docs = await getCollection('documents');
  if (params.file === 'refused.json') return new Response(JSON.stringify(refusals()), { headers: { 'Content-Type': 'application/json' } });
  if (params.file === 'documents.json') {
    return new Response(JSON.stringify(docs.map((d) => ({ id: d.id, digest: d.digest, data: d.data }))), { headers: { 'Content-Type': 'application/json' } });
  }
  const texts = new Set<string>();
  for (const { data } of docs) {
    for (const deck of data.headlineZh) texts.add(deck);
    for (const row of data.rows) for (const z of row.zh) texts.add(z.text);
  }
  return new Response(JSON.stringify([...texts].map((t) => [t, pinyinSyllables(t)])), { headers: { 'Content-Type': 'application/json' } });
};
