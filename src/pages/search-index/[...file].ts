/**
 * The search index below `search-index/` (the layout is described in lib/search/files.ts). A build
 * makes meta.js as this route and writes the other files, too many for routes, through
 * src/data/emit.ts; `astro dev` serves every file here. The merge of a build in parts has no
 * route: scripts/build-parts.ts packs the parts' lists itself.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteIndex, yearBuilds } from '../../data/search.ts';
import { builds } from '../../data/build-mode.ts';

export const getStaticPaths = (async () => {
  if (!builds('search-index')) return [];
  if (!import.meta.env.DEV) return [{ params: { file: 'meta.js' } }];
  const names = [...(await siteIndex()).files.keys(), ...(await yearBuilds()).flatMap((y) => [...y.texts.keys()])];
  return names.map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const name = params.file ?? '';
  const body = (await siteIndex()).files.get(name) ?? (await yearBuilds()).find((y) => y.texts.has(name))?.texts.get(name);
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
