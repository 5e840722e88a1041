/**
 * Offline hosting (issue 6), as an Astro integration:
 *
 * - `astro build --base ./` (or `BASE=./`, what `npm run build:portable` does) builds the portable
 *   site: the build runs with a placeholder base that portable.ts then turns into relative URLs and
 *   classic scripts, so the folder opens from file://.
 * - Every page gets its Content-Security-Policy (csp.ts), once its inline scripts are final.
 * - Every build gets `sw.js`: the service worker (src/worker/service-worker.ts) with this build's precache
 *   list (lib/offline/plan.ts) and a cache name from the content version and a hash of the files.
 * https://docs.astro.build/en/reference/integrations-reference/
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleScript } from '../node/bundle.ts';
import { buildMode } from '../data/build-mode.ts';
import { takeEmitted } from '../data/emit.ts';
import { foreignInline, writeContentSecurityPolicy } from './csp.ts';
import { listFiles, makePortable } from './portable.ts';
import { ROOT_PLACEHOLDER } from './portable-urls.ts';
import { DEFAULT_BUDGET, offlineManifests, pageUrl, planPrecache, type BuiltFile } from '../lib/offline/plan.ts';

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
        // The search index's files come first: the portable rewrite and the precache list see them.
        const emitted = await writeEmitted(out);
        if (emitted) logger.info(`wrote ${emitted} search index files`);
        if (portable) {
          const report = await makePortable(out);
          logger.info(`portable: ${report.pages} pages with relative URLs, ${report.bundles.length} classic script bundle(s)`);
        }
        // After the portable rewrite (it changes inline scripts) and before the worker hashes the pages.
        const csp = await writeContentSecurityPolicy(out, await listFiles(out));
        logger.info(`content security policy: ${csp.pages} pages, ${csp.own} inline scripts of the site's own allowed by hash`);
        if (csp.foreign.length) logger.warn(foreignInline(csp.foreign));
        // A part or the merge of a build in parts is not a site yet: scripts/build-parts.ts writes
        // the worker when it has assembled them.
        if (buildMode().kind === 'full') await writeServiceWorker(out, options.budget ?? DEFAULT_BUDGET, logger);
      },
    },
  };
}

/** Writes the files the pages handed over (src/data/emit.ts); how many. */
async function writeEmitted(out: string): Promise<number> {
  const files = takeEmitted();
  const dirs = new Set<string>();
  for (const [path, content] of files) {
    const dir = dirname(join(out, path));
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    await writeFile(join(out, path), content);
  }
  return files.size;
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Where the build's notes go: Astro's integration logger, or `console` in tests. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * File hashes kept between builds (a build in parts keeps them in its work folder): a file whose
 * signature is unchanged is not read again. At 20,000 documents a site has 150,000 files and
 * 850 MB; a rebuild after one change touches a few thousand of them.
 */
interface HashCache {
  /** Path below the site → `[signature, size, hash]`. */
  files: Record<string, [string, number, string]>;
}

export interface ServiceWorkerOptions {
  /** A JSON file of file hashes, read and written. */
  hashCache?: string;
  /**
   * The site's files, each with a signature that changes when the file does (scripts/build-parts.ts
   * knows them from assembling): then the folder is neither listed nor its files looked at, but
   * for those whose signature changed. Without it, every file is listed and its inode, size and
   * modification time are its signature.
   */
  files?: Map<string, string>;
}

/** Writes `sw.js` for the built site in `out` (also used by the tests to "rebuild" a copy). */
export async function writeServiceWorker(out: string, budget = DEFAULT_BUDGET, logger: Logger = console, options: ServiceWorkerOptions = {}): Promise<void> {
  const before: HashCache =
    options.hashCache && existsSync(options.hashCache) ? (JSON.parse(readFileSync(options.hashCache, 'utf8')) as HashCache) : { files: {} };
  const after: HashCache = { files: {} };
  // One file at a time, keeping only its size and hash: a large archive has 100,000s of files, more
  // than can be open at once or held in memory.
  const look = (path: string, given?: string) => {
    let sig = given;
    if (sig === undefined) {
      const stat = statSync(join(out, path));
      sig = `${stat.ino}|${stat.size}|${stat.mtimeMs}`;
    }
    const known = before.files[path];
    if (known && known[0] === sig) {
      after.files[path] = known;
      return { path, bytes: known[1], hash: known[2] };
    }
    const content = readFileSync(join(out, path));
    after.files[path] = [sig, content.length, createHash('sha256').update(content).digest('hex').slice(0, 12)];
    return { path, bytes: content.length, hash: after.files[path][2] };
  };
  // An sw.js from an earlier run is neither cached nor part of what names the cache, nor are the
  // offline manifests, which are made from the other files.
  const skip = (path: string) => path === 'sw.js' || /^\d{4}\/offline\.json$/.test(path);
  const paths = (options.files ? [...options.files.keys()].sort() : await listFiles(out)).filter((path) => !skip(path));
  const files = paths.map((path) => look(path, options.files?.get(path)));
  for (const manifest of await writeOfflineManifests(out, files)) files.push(look(manifest));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.hashCache) await writeFile(options.hashCache, JSON.stringify(after));
  const plan = planPrecache(files, budget);
  const hashes = new Map(files.map((f) => [pageUrl(f.path), f.hash]));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.path).update('\0').update(f.hash);
  const version = contentVersionOf(existsSync(join(out, 'index.html')) ? readFileSync(join(out, 'index.html'), 'utf8') : '');
  const cache = `duizhao-${version}-${hash.digest('hex').slice(0, 8)}`;

  const worker = await bundleScript({
    entryPoints: [fileURLToPath(new URL('../worker/service-worker.ts', import.meta.url))],
    define: {
      __PRECACHE__: JSON.stringify(plan.urls.map((u) => [u, hashes.get(u)])),
      __CACHE__: JSON.stringify(cache),
      __VERSION__: JSON.stringify(version),
      __DEFERRED__: JSON.stringify({ files: plan.deferred.files, pages: plan.deferred.pages }),
    },
  });
  await writeFile(join(out, 'sw.js'), worker);

  const total = files.reduce((n, f) => n + f.bytes, 0);
  logger.info(
    `service worker: cache ${cache}; precaches ${plan.urls.length} files, ${MB(plan.bytes)} of a ${MB(budget)} budget` +
      (plan.deferred.files ? `; ${plan.deferred.files} files (${MB(plan.deferred.bytes)}) saved on first use` : '') +
      `; site ${MB(total)}`,
  );
  if (plan.overBudget) logger.warn(`the assets and non-document pages alone pass the ${MB(budget)} offline budget`);
}

/** `1958/offline.json` for each year: what "Save this month / year" fetches (lib/offline/plan.ts); their paths. */
async function writeOfflineManifests(out: string, files: BuiltFile[]): Promise<string[]> {
  const written: string[] = [];
  for (const manifest of offlineManifests(files.filter((f) => /^(\d{4}(-\d{2}-\d{2}\/|\/headlines\.js$)|_astro\/)/.test(f.path)))) {
    await mkdir(join(out, manifest.year), { recursive: true });
    await writeFile(join(out, manifest.year, 'offline.json'), JSON.stringify(manifest));
    written.push(`${manifest.year}/offline.json`);
  }
  return written;
}

/** The footer carries the content version (components/Footer.astro). */
function contentVersionOf(html: string): string {
  return /data-content-version="([^"]+)"/.exec(html)?.[1] ?? 'unversioned';
}
