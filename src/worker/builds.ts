/**
 * Which build each open page was loaded from, so that a page keeps loading its own build's files
 * after a rebuilt site's worker has taken over: the search code and index, a year's headlines and
 * offline manifest have the same URLs in every build but not the same content, and an old page
 * given the new build's files would mix the two. The new build's worker serves an older page from
 * the older cache, and deletes that cache once no page loaded from it is open.
 *
 * Each build's cache lists the pages it served (under CLIENTS), so the next build's worker, a
 * different script, knows them too; this worker keeps the map in memory once read.
 * https://developer.mozilla.org/docs/Web/API/FetchEvent/resultingClientId
 */
import { unusedBuilds } from '../lib/offline/upkeep.ts';
import { buildCaches, CACHE, scope, sw, windows } from './env.ts';

const CLIENTS = new URL('__duizhao_clients__.json', scope).href;

let loaded: Promise<Map<string, string>> | null = null;

/** Page (client id) → the build cache its HTML came from, as every build's cache lists them. */
function loadedFrom(): Promise<Map<string, string>> {
  loaded ??= (async () => {
    const map = new Map<string, string>();
    for (const name of await buildCaches()) {
      try {
        const ids = (await (await (await caches.open(name)).match(CLIENTS))?.json()) as string[] | undefined;
        for (const id of ids ?? []) map.set(id, name);
      } catch {
        /* an unreadable list: those pages count as this build's */
      }
    }
    return map;
  })();
  return loaded;
}

/** Notes that a page was loaded from `cache` (this build's, unless said), in memory and in that cache. */
export async function record(client: string, cache = CACHE): Promise<void> {
  if (!client) return;
  const map = await loadedFrom();
  map.set(client, cache);
  const open = new Set((await windows()).map((c) => c.id)).add(client);
  const ids = [...map].filter(([id, name]) => name === cache && open.has(id)).map(([id]) => id);
  try {
    await (await caches.open(cache)).put(CLIENTS, new Response(JSON.stringify(ids), { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    /* a full disk: this worker still knows, a later one counts these pages as its own */
  }
}

/** Pages open before this worker took over that no build has listed: the network served them, now. */
export async function adopt(): Promise<void> {
  const map = await loadedFrom();
  for (const client of await windows()) if (!map.has(client.id)) await record(client.id);
}

/** The older build cache a page was loaded from, if it is still there; null for this build's pages. */
export async function olderBuildOf(client: string): Promise<string | null> {
  const name = client ? (await loadedFrom()).get(client) : undefined;
  return name && name !== CACHE && (await caches.has(name)) ? name : null;
}

/**
 * Deletes the older builds' caches that no open page was loaded from. When this worker takes over,
 * every other build's cache is a candidate (leftovers of installs that failed too); later, only
 * those that served pages: a cache no page was loaded from may be a newer worker's, being filled.
 * Never while a newer worker is installing or waiting.
 */
export async function prune(takingOver = false): Promise<void> {
  if (sw.registration.installing || sw.registration.waiting) return;
  const open = new Set((await windows()).map((c) => c.id));
  const map = await loadedFrom();
  const served = new Set(map.values());
  const candidates = (await buildCaches()).filter((name) => takingOver || served.has(name));
  for (const name of unusedBuilds(candidates, CACHE, map, open)) {
    // Entry by entry first: a deleted cache keeps its room until every handle to it is collected,
    // and the room is what a full disk needs back.
    const doomed = await caches.open(name);
    for (const request of await doomed.keys()) await doomed.delete(request);
    await caches.delete(name);
    for (const [id, cache] of map) if (cache === name) map.delete(id);
  }
}
