/**
 * The service worker's decisions about its caches, as plain functions (src/worker/ does the I/O):
 * why a save stopped and when to try again, in what order the precache is saved, and which older
 * builds' caches can go. See README "Deploying offline" for what a reader sees in each case.
 */

/**
 * Why saving stopped: the device's storage is full (`quota`), the network failed (`network`), or
 * the server's files are not the ones this build listed (`changed`: it is being updated, or it
 * already holds a newer build).
 */
export type SaveProblem = 'quota' | 'network' | 'changed';

/** A downloaded file whose content is not what the build listed, or one the server no longer has. */
export class ContentMismatch extends Error {
  override name = 'ContentMismatch';
}

/** Cache API writes past the origin's quota reject with a DOMException of this name. */
export function problemOf(error: unknown): SaveProblem {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'QuotaExceededError') return 'quota';
  if (name === 'ContentMismatch') return 'changed';
  return 'network';
}

/**
 * How long after a failed attempt the next one may start, by its problem. A page opened after a
 * network failure may mean the network is back, and an attempt that finds it still gone costs
 * nothing; a full disk or a server being updated is not fixed in seconds, and each attempt costs a
 * few downloads, so those wait. Attempts start only when a page is opened: never in a loop.
 */
export const RETRY_AFTER: Record<SaveProblem, number> = { network: 0, quota: 15_000, changed: 15_000 };

export function retryDue(last: { problem: SaveProblem; at: number } | null, now: number): boolean {
  return !last || now - last.at >= RETRY_AFTER[last.problem];
}

/** A page URL, as the precache list names them: `./`, `glossary/`, `a/b.html`. */
export function isPage(url: string): boolean {
  return url.endsWith('/') || url.endsWith('.html');
}

/**
 * The precache list in two phases: the files before its first page (scripts, styles, icons: the
 * plan puts them first) and the rest. The first phase is saved whole before any page, so a page
 * saved by an attempt cut short never lacks its styles or scripts offline.
 */
export function phases<T extends readonly [string, ...unknown[]]>(list: readonly T[]): [T[], T[]] {
  const first = list.findIndex(([url]) => isPage(url));
  return first < 0 ? [[...list], []] : [list.slice(0, first), list.slice(first)];
}

/**
 * Assets first: the scripts and styles a saved collection's pages need offline, then the pages,
 * so that a save cut short never keeps a page without its styles.
 */
export function assetsFirst(urls: readonly string[]): string[] {
  return [...urls.filter((u) => !isPage(u)), ...urls.filter(isPage)];
}

/**
 * The older builds' caches that can be deleted: each is kept while a page loaded from it is still
 * open (the page goes on loading its own build's files from it: search, headlines), and deleted
 * once none is. `loadedFrom` maps a page (client id) to the cache its HTML came from.
 */
export function unusedBuilds(builds: readonly string[], current: string, loadedFrom: ReadonlyMap<string, string>, open: ReadonlySet<string>): string[] {
  const used = new Set([...loadedFrom].filter(([client]) => open.has(client)).map(([, cache]) => cache));
  return builds.filter((name) => name !== current && !used.has(name));
}

/**
 * A file's content hash as the build computes it (src/integrations/offline.ts): the first 12 hex
 * digits of its SHA-256. Web Crypto: the browser's, and Node's global one in tests.
 */
export async function contentHash(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest.subarray(0, 6)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
