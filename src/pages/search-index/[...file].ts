/**
 * The search index as static files below `search-index/`: `meta.js`, the buckets and chunks of
 * each field (`zh/1f.js`, `zh/1f/3-1.js`), the text parts (`text/12/12345-0.js`) and page maps,
 * each a classic script (the layout is described in lib/search-index.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchIndex } from './_data.ts';
import { builds } from '../../data/build-mode.ts';

export const getStaticPaths = (async () => {
  if (!builds('global')) return [];
  const { files } = await searchIndex();
  return [...files.keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const body = (await searchIndex()).files.get(params.file ?? '');
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
