/**
 * Offline hosting (issue 6), as an Astro integration:
 *
 * - `astro build --base ./` (or `BASE=./`, what `npm run build:portable` does) builds the portable
 *   site: the build runs with a placeholder base that portable.ts then turns into relative URLs and
 *   classic scripts, so the folder opens from file://.
 * - Every build gets `sw.js`: the service worker (service-worker.ts) with this build's precache
 *   list (precache-plan.ts) and a cache name from the content version and a hash of the files.
 * https://docs.astro.build/en/reference/integrations-reference/
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { listFiles, makePortable } from './portable.ts';
import { ROOT_PLACEHOLDER } from './portable-urls.ts';
import { DEFAULT_BUDGET, offlineManifests, pageUrl, planPrecache } from './precache-plan.ts';

export interface OfflineOptions {
  /** Bytes the service worker saves at install; the rest is saved on first use. @default 40 MB */
  budget?: number;
}

/** `--base ./` arrives as `/./`; `BASE=.` or `./` in the config as either. */
export function isPortableBase(base: string): boolean {
  return ['.', './', '/./', '/.'].includes(base);
}

export default function offline(options: OfflineOptions = {}): AstroIntegration {
  let portable = false;
  return {
    name: 'duizhao-offline',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        portable = isPortableBase(config.base);
        if (portable) updateConfig({ base: ROOT_PLACEHOLDER });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        if (portable) {
          const report = await makePortable(out);
          logger.info(`portable: ${report.pages} pages with relative URLs, ${report.bundles.length} classic script bundle(s)`);
        }
        await writeServiceWorker(out, options.budget ?? DEFAULT_BUDGET, logger);
      },
    },
  };
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Where the build's notes go: Astro's integration logger, or `console` in tests. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Writes `sw.js` for the built site in `out` (also used by the tests to "rebuild" a copy). */
export async function writeServiceWorker(out: string, budget = DEFAULT_BUDGET, logger: Logger = console): Promise<void> {
  await writeOfflineManifests(out);
  // One file at a time, keeping only its size and hash: a large archive has 100,000s of files, more
  // than can be open at once or held in memory.
  const files = (await listFiles(out))
    // An sw.js from an earlier run is neither cached nor part of what names the cache.
    .filter((path) => path !== 'sw.js')
    .map((path) => {
      const content = readFileSync(join(out, path));
      return { path, bytes: content.length, hash: createHash('sha256').update(content).digest('hex').slice(0, 12) };
    });
  const plan = planPrecache(files, budget);
  const hashes = new Map(files.map((f) => [pageUrl(f.path), f.hash]));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.hash);
  const version = contentVersionOf(existsSync(join(out, 'index.html')) ? readFileSync(join(out, 'index.html'), 'utf8') : '');
  const cache = `duizhao-${version}-${hash.digest('hex').slice(0, 8)}`;

  const result = await build({
    entryPoints: [fileURLToPath(new URL('./service-worker.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: {
      __PRECACHE__: JSON.stringify(plan.urls.map((u) => [u, hashes.get(u)])),
      __CACHE__: JSON.stringify(cache),
      __VERSION__: JSON.stringify(version),
      __DEFERRED__: JSON.stringify({ files: plan.deferred.files, pages: plan.deferred.pages }),
    },
  });
  await writeFile(join(out, 'sw.js'), result.outputFiles[0]!.text);

  const total = files.reduce((n, f) => n + f.bytes, 0);
  logger.info(
    `service worker: cache ${cache}; precaches ${plan.urls.length} files, ${MB(plan.bytes)} of a ${MB(budget)} budget` +
      (plan.deferred.files ? `; ${plan.deferred.files} files (${MB(plan.deferred.bytes)}) saved on first use` : '') +
      `; site ${MB(total)}`,
  );
  if (plan.overBudget) logger.warn(`the assets and non-document pages alone pass the ${MB(budget)} offline budget`);
}

/** `1958/offline.json` for each year: what "Save this month / year" fetches (precache-plan.ts). */
async function writeOfflineManifests(out: string): Promise<void> {
  const paths = (await listFiles(out)).filter((path) => /^(\d{4}(-\d{2}-\d{2}\/|\/headlines\.js$)|_astro\/)/.test(path));
  const files = paths.map((path) => ({ path, bytes: statSync(join(out, path)).size }));
  for (const manifest of offlineManifests(files)) {
    await mkdir(join(out, manifest.year), { recursive: true });
    await writeFile(join(out, manifest.year, 'offline.json'), JSON.stringify(manifest));
  }
}

/** The footer carries the content version (components/Footer.astro). */
function contentVersionOf(html: string): string {
  return /data-content-version="([^"]+)"/.exec(html)?.[1] ?? 'unversioned';
}
