/** The browser side of search as one classic script (made in src/data/search.ts). */
import type { APIRoute } from 'astro';
import { searchCode } from '../../data/search.ts';

export const GET: APIRoute = async () => new Response(await searchCode(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
