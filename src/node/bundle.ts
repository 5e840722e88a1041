/**
 * The site's scripts that are not Astro's: one classic script each, bundled with esbuild (Astro's
 * own dependency) the same way, for the same browsers. Classic, not modules: they must run from
 * file:// too, where Chromium refuses module scripts (the search code, the portable build's page
 * scripts), or be a service worker.
 */
import { build, type BuildOptions } from 'esbuild';

/** One script from an entry file (or `stdin`), with these plugins and defines: its text. */
export async function bundleScript(options: Pick<BuildOptions, 'entryPoints' | 'stdin' | 'plugins' | 'define'>): Promise<string> {
  const result = await build({
    ...options,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
