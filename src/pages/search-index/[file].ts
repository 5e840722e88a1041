/**
 * The search index as static files: `meta.js`, `zh-N.js`, `py-N.js`, `en-N.js`, `text-N.js`, each
 * a classic script (see lib/search-index.ts).
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
