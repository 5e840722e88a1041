/**
 * `doc-ids.json` of a merge step (PART=merge): each article's id in the search index, by URL path,
 * which scripts/build-parts.ts writes into the parts' article pages. Not copied into the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildMode } from '../../data/build-mode.ts';
import { searchIndex } from '../search-index/_data.ts';

export const getStaticPaths = (() => (buildMode().kind === 'merge' ? [{ params: { file: 'doc-ids.json' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const { docIds } = await searchIndex();
  return new Response(JSON.stringify(Object.fromEntries(docIds)), { headers: { 'Content-Type': 'application/json' } });
};
