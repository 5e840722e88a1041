/**
 * Saving this build's precache list into its cache, whole or not at all for each file, and saying
 * how far it got.
 *
 * - Every file is checked against the content hash the build listed before it is stored: a server
 *   half-way through being updated (or already holding a newer build) never gets its files stored
 *   under this build's name. A file whose hash matches the copy an older build's cache holds is
 *   copied, not downloaded, so a rebuilt site costs a device only what changed.
 * - The scripts, styles and icons come first, whole, then the pages (lib/offline/upkeep.ts, phases):
 *   a page saved by an attempt cut short never lacks its styles offline.
 * - An attempt stops at its first failure and remembers why (a full disk, the network, a changed
 *   server); `resume` starts the next one when a page is opened, not sooner than RETRY_AFTER.
 */
import { ContentMismatch, contentHash, phases, problemOf, retryDue, type SaveProblem } from '../lib/offline/upkeep.ts';
import { buildCaches, CACHE, download, HASH, key, PARALLEL, PRECACHE, tell } from './env.ts';

/** key → content hash, for the files of the precache list. */
export const hashes = new Map(PRECACHE.map(([url, hash]) => [key(url), hash]));

let running: Promise<void> | null = null;
let failed: { problem: SaveProblem; at: number } | null = null;

/** Whether an attempt is under way, and why the last one stopped (null: none failed). */
export function progress(): { running: boolean; problem: SaveProblem | null } {
  return { running: running !== null, problem: failed?.problem ?? null };
}

/** How many of the precache list's files this build's cache holds. */
export async function savedCount(): Promise<number> {
  const have = new Set((await (await caches.open(CACHE)).keys()).map((r) => r.url));
  return PRECACHE.filter(([url]) => have.has(key(url))).length;
}

/** Saves what is missing; one attempt at a time (a second call joins the running one). */
export function precache(): Promise<void> {
  running ??= attempt().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Starts an attempt if the cache is incomplete and the last failure is old enough. What it returns
 * settles when the attempt has started: `done` then settles when it ends, never rejecting (a
 * failure is remembered, and `after` tells the pages).
 */
export async function resume(after: () => Promise<void>, now = Date.now()): Promise<{ done: Promise<void> } | null> {
  if (running || !retryDue(failed, now) || (await savedCount()) === PRECACHE.length) return null;
  return { done: precache().then(after, after) };
}

async function attempt(): Promise<void> {
  const cache = await caches.open(CACHE);
  const have = new Set((await cache.keys()).map((r) => r.url));
  const older = (await buildCaches()).filter((name) => name !== CACHE);
  let done = PRECACHE.filter(([url]) => have.has(key(url))).length;
  const total = PRECACHE.length;
  let failure: unknown = null;
  for (const phase of phases(PRECACHE)) {
    const queue = phase.filter(([url]) => !have.has(key(url)));
    const worker = async () => {
      for (let next = queue.shift(); next !== undefined && failure === null; next = queue.shift()) {
        try {
          await saveOne(cache, older, next[0], next[1]);
        } catch (error) {
          failure ??= error;
          break;
        }
        done++;
        if (done % 10 === 0 || done === total) await tell({ type: 'duizhao:progress', done, total });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    if (failure !== null) {
      failed = { problem: problemOf(failure), at: Date.now() };
      // For whoever looks at the worker in the browser's developer tools.
      console.warn(`duizhao: saving ${CACHE} for offline use stopped (${failed.problem}): ${String(failure)}`);
      throw failure;
    }
  }
  failed = null;
}

async function saveOne(cache: Cache, older: string[], url: string, hash: string): Promise<void> {
  const k = key(url);
  for (const name of older) {
    const copy = await (await caches.open(name)).match(k);
    if (copy?.headers.get(HASH) === hash) return cache.put(k, copy);
  }
  let response: Response;
  try {
    response = await download(url);
  } catch (error) {
    // A file the build listed and the server does not have: the server holds another build.
    const status = (error as { status?: number }).status;
    throw status === 404 || status === 410 ? new ContentMismatch(String(error)) : error;
  }
  const verified = await checked(response, hash);
  if (!verified) throw new ContentMismatch(`${url}: not the content this build listed (the site on the server is changing)`);
  await cache.put(k, verified);
}

/** The response, stamped with its hash, if its content is the one the build listed; else null. */
export async function checked(response: Response, hash: string): Promise<Response | null> {
  const body = await response.arrayBuffer();
  if ((await contentHash(body)) !== hash) return null;
  const headers = new Headers(response.headers);
  headers.set(HASH, hash);
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
