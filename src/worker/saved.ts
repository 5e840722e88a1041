/**
 * "Save this month / this year" (elements/offline-save.ts): the collections the reader asked to
 * keep, in a cache of their own (SAVED) that outlives rebuilds, listed in it under SAVED_INDEX.
 *
 * A collection is marked complete only after its last file is stored. A save cut short (a full
 * disk, a closed tab, the network) stays listed as not finished, never as saved, and Save again
 * finishes it; a full disk is reported as such.
 */
import type { SavedCollection } from '../lib/offline/plan.ts';
import { assetsFirst, problemOf } from '../lib/offline/upkeep.ts';
import { download, key, PARALLEL, SAVED, scope, tell } from './env.ts';

const SAVED_INDEX = new URL('__duizhao_saved__.json', scope).href;

/** The cache of saved collections, or null while the reader has saved none (it is never made empty). */
export async function savedCache(): Promise<Cache | null> {
  return (await caches.has(SAVED)) ? caches.open(SAVED) : null;
}

export async function savedIndex(): Promise<Record<string, SavedCollection>> {
  try {
    const response = await (await savedCache())?.match(SAVED_INDEX);
    return response ? ((await response.json()) as Record<string, SavedCollection>) : {};
  } catch {
    return {};
  }
}

async function writeIndex(index: Record<string, SavedCollection>): Promise<void> {
  await (await caches.open(SAVED)).put(SAVED_INDEX, new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json' } }));
}

let saving: Promise<void> = Promise.resolve();

/** One save or removal at a time; one that failed (a full disk) must not block the next. */
function queued(task: () => Promise<void>): Promise<void> {
  saving = saving.catch(() => {}).then(task);
  return saving;
}

/** Saves a collection's files, resuming where an earlier attempt stopped; `after` tells the pages. */
export function save(collection: SavedCollection, after: () => Promise<void>): Promise<void> {
  return queued(async () => {
    try {
      await saveCollection(collection);
    } catch (error) {
      await tell({ type: 'duizhao:save-error', name: collection.name, problem: problemOf(error), message: String(error) });
    }
    await after();
  });
}

async function saveCollection(collection: SavedCollection): Promise<void> {
  const cache = await caches.open(SAVED);
  const index = await savedIndex();
  index[collection.name] = { ...collection, complete: false };
  await writeIndex(index);
  const queue = assetsFirst(collection.urls);
  const total = queue.length;
  let done = 0;
  let failure: unknown = null;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined && failure === null; next = queue.shift()) {
      try {
        const k = key(next);
        // Pages are fetched again (a second Save refreshes them); assets, named by content, are not.
        if (!/\/_astro\//.test(k) || !(await cache.match(k))) await cache.put(k, await download(next));
      } catch (error) {
        failure ??= error;
        break;
      }
      done++;
      if (done % 10 === 0 || done === total) await tell({ type: 'duizhao:save-progress', name: collection.name, done, total });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failure !== null) throw failure;
  const after = await savedIndex();
  after[collection.name] = { ...collection, complete: true };
  await writeIndex(after);
}

/** Removes a collection, keeping the files another saved collection still holds. */
export function unsave(name: string, after: () => Promise<void>): Promise<void> {
  return queued(async () => {
    const cache = await savedCache();
    const index = await savedIndex();
    const gone = index[name];
    delete index[name];
    if (!cache) {
      /* nothing was saved */
    } else if (!Object.keys(index).length) await caches.delete(SAVED);
    else {
      await writeIndex(index);
      const kept = new Set(Object.values(index).flatMap((c) => c.urls.map(key)));
      for (const url of gone?.urls ?? []) if (!kept.has(key(url))) await cache.delete(key(url));
    }
    await after();
  });
}

/** Messages come from our pages, but a page can be stale or tampered with: check the shape. */
export function isCollection(c: unknown): c is SavedCollection {
  const x = c as SavedCollection | null;
  return (
    !!x &&
    typeof x.name === 'string' &&
    /^\d{4}(-\d{2})?$/.test(x.name) &&
    Array.isArray(x.urls) &&
    x.urls.every((u) => typeof u === 'string' && new URL(u, scope).href.startsWith(scope))
  );
}
