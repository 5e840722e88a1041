/**
 * The browser side of search (src/elements/site-search.ts and what it imports), bundled into one
 * classic script. Classic, not a module: it must also run from file://, where Chromium refuses
 * module scripts. FlexSearch comes in as its compact build (import/export and search, no workers
 * or persistence), which the package's `exports` do not name, hence the small resolver plugin.
 * esbuild is Astro's own dependency.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { build, type Plugin } from 'esbuild';

const flexsearchCompact: Plugin = {
  name: 'flexsearch-compact',
  setup(b) {
    const dist = dirname(createRequire(import.meta.url).resolve('flexsearch'));
    b.onResolve({ filter: /^flexsearch$/ }, () => ({ path: join(dist, 'flexsearch.compact.module.min.js') }));
  },
};

export const GET: APIRoute = async () => {
  const result = await build({
    entryPoints: [resolve('src/elements/site-search.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    plugins: [flexsearchCompact],
  });
  return new Response(result.outputFiles[0]!.text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
