/** The browser side of search as one classic script (made in `_data.ts`, where its version comes from). */
import type { APIRoute } from 'astro';
import { searchCode } from './_data.ts';

export const GET: APIRoute = async () => new Response(await searchCode(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
