/**
 * `/1958/headlines.js`: the year's headlines for the year page's filter (src/lib/archive/headlines.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteArchive } from '../../data/archive.ts';
import { builds } from '../../data/build-mode.ts';
import { headlineRows, headlinesScript } from '../../lib/archive/index.ts';

export const getStaticPaths = (async () =>
  (builds('years') ? (await siteArchive()).years : []).map((y) => ({ params: { year: y.year } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const archive = await siteArchive();
  const year = params.year ?? '';
  const rows = headlineRows(archive.dates.filter((d) => d.startsWith(`${year}-`)).flatMap((d) => archive.day(d)));
  return new Response(headlinesScript(year, rows), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
