/**
 * What one part of a build in parts hands to the merge (scripts/build-parts.ts), written only when
 * PART is a year: `summary.json`, what the pages that span the archive need of the part's
 * documents (src/data/summary.ts); `search.json`, the glossary as the index shows it and the part's
 * years, and for each year `search-<year>.bin`, its search lists (build/search-index.ts,
 * `encodeYearIndex`). The part's text files for search are written beside its pages. None of these
 * files is copied into the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { builds } from '../../data/build-mode.ts';
import { ownSummary } from '../../data/summary.ts';
import { glossaryInfo, yearBuilds } from '../../data/search.ts';
import { byYear, encodeYearIndex } from '../../node/search-index.ts';

export const getStaticPaths = (async () => {
  if (!builds('part-data')) return [];
  const years = byYear((await ownSummary()).docs).map(([year]) => year);
  return ['summary.json', 'search.json', ...years.map((y) => `search-${y}.bin`)].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

const json = (data: unknown) => new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });

export const GET: APIRoute = async ({ params }) => {
  if (params.file === 'summary.json') return json(await ownSummary());
  const years = await yearBuilds();
  if (params.file === 'search.json') return json({ glossary: await glossaryInfo(), years: years.map((y) => y.index.year) });
  const year = years.find((y) => params.file === `search-${y.index.year}.bin`);
  if (!year) return new Response('Not found', { status: 404 });
  return new Response(encodeYearIndex(year.index), { headers: { 'Content-Type': 'application/octet-stream' } });
};
