/**
 * Longer than 250 lines because a service worker is one script: install, activate, fetch and the
 * messages of "save for offline" share its caches and must ship as one file.
 *
 * The service worker (`sw.js`), bundled by offline.ts with the build's precache list. It saves the
 * site when it installs, then answers every request in its scope from that cache, so a reader who
 * opened one page can open every page with the network off.
 *
 * - One cache per build: `duizhao-<content version>-<build hash>`. A rebuilt site has a new
 *   sw.js, so the browser installs the new worker; it takes over at once and deletes the old caches.
 * - Install saves what the plan chose (lib/offline/plan.ts). A file whose content hash matches the copy
 *   an older build's cache holds is copied, not downloaded (a rebuilt archive costs a classroom only
 *   what changed), and one already saved by an interrupted attempt is kept. Anything else is saved
 *   when first served.
 * - URLs are relative to the scope, so one worker serves the site at `/`, at `/reader/`, and the
 *   portable build served from a folder (`dir/index.html` and `dir/` are one page).
 * - Pages report progress and state through messages (elements/offline-status.ts).
 * https://developer.mozilla.org/docs/Web/API/Service_Worker_API/Using_Service_Workers
 */
import type { SavedCollection } from '../lib/offline/plan.ts';

/** [URL relative to the scope, content hash] */
declare const __PRECACHE__: [string, string][];
declare const __CACHE__: string;
declare const __VERSION__: string;
declare const __DEFERRED__: { files: number; pages: number };

// The DOM library has no worker types, and lib "webworker" cannot share a program with it:
// the few this file needs, declared here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface MessageSource {
  postMessage(message: unknown): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  source: MessageSource | null;
}
interface WorkerScope {
  registration: { scope: string };
  clients: { matchAll(o: { includeUncontrolled: boolean; type: 'window' }): Promise<MessageSource[]>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
const PREFIX = 'duizhao-';
/**
 * What the reader asked to keep ("Save this month / this year"): a cache of its own that outlives
 * rebuilds, with its list of collections stored in it under SAVED_INDEX.
 */
const SAVED = `${PREFIX}saved`;
const PARALLEL = 6;
/** The content hash a precached response is stored with, so a later build can reuse it. */
const HASH = 'X-Duizhao-Hash';
const scope = sw.registration.scope;
const SAVED_INDEX = new URL('__duizhao_saved__.json', scope).href;

/** The cache key of a URL: no query or fragment, and `dir/index.html` is `dir/`. */
function key(url: string): string {
  const u = new URL(url, scope);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/index.html')) u.pathname = u.pathname.slice(0, -'index.html'.length);
  return u.href;
}

async function tell(message: object): Promise<void> {
  for (const client of await sw.clients.matchAll({ includeUncontrolled: true, type: 'window' })) client.postMessage(message);
}

async function status(): Promise<object> {
  const cache = await caches.open(__CACHE__);
  const have = new Set((await cache.keys()).map((r) => r.url));
  const saved = __PRECACHE__.filter(([u]) => have.has(key(u))).length;
  const collections = Object.values(await savedIndex()).map(({ urls: _urls, ...c }) => c);
  return { type: 'duizhao:status', version: __VERSION__, cache: __CACHE__, saved, total: __PRECACHE__.length, deferred: __DEFERRED__, collections };
}

/** The cache of saved collections, or null while the reader has saved none (it is never made empty). */
async function savedCache(): Promise<Cache | null> {
  return (await caches.has(SAVED)) ? caches.open(SAVED) : null;
}

async function savedIndex(): Promise<Record<string, SavedCollection>> {
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

/** Words for a failed save: a full disk is the reader's to fix, anything else is worth a retry. */
function saveProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return 'Not enough storage on this device: remove something saved, or free space, and try again.';
  return `Could not save everything (${String(error)}); what was saved stays, and Save again finishes it.`;
}

let saving: Promise<void> = Promise.resolve();

/** One save or removal at a time; one that failed (a full disk) must not block the next. */
function queued(task: () => Promise<void>): Promise<void> {
  saving = saving.catch(() => {}).then(task);
  return saving;
}

/** Saves a collection's pages into the SAVED cache, resuming where an earlier attempt stopped. */
function save(collection: SavedCollection): Promise<void> {
  return queued(async () => {
    try {
      await saveCollection(collection);
    } catch (error) {
      await tell({ type: 'duizhao:save-error', name: collection.name, message: saveProblem(error) });
    }
    await tell(await status());
  });
}

async function saveCollection(collection: SavedCollection): Promise<void> {
  const cache = await caches.open(SAVED);
  const index = await savedIndex();
  index[collection.name] = { ...collection, complete: false };
  await writeIndex(index);
  const queue = [...collection.urls];
  const total = queue.length;
  let done = 0;
  let failure: unknown = null;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined && !failure; next = queue.shift()) {
      try {
        const k = key(next);
        // Pages are fetched again (a second Save refreshes them); assets, named by content, are not.
        if (!/\/_astro\//.test(k) || !(await cache.match(k))) await cache.put(k, await download(next));
      } catch (error) {
        failure ??= error;
      }
      done++;
      if (done % 10 === 0 || done === total) await tell({ type: 'duizhao:save-progress', name: collection.name, done, total });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (failure) throw failure;
  const after = await savedIndex();
  after[collection.name] = { ...collection, complete: true };
  await writeIndex(after);
}

/** Removes a collection, keeping the pages another saved collection still holds. */
function unsave(name: string): Promise<void> {
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
    await tell(await status());
  });
}

async function precache(): Promise<void> {
  const cache = await caches.open(__CACHE__);
  const queue = [...__PRECACHE__];
  const total = queue.length;
  let done = 0;
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const [url, hash] = next;
      const k = key(url);
      if (!(await cache.match(k))) {
        const older = await caches.match(k);
        if (older?.headers.get(HASH) === hash) await cache.put(k, older);
        else await cache.put(k, stamped(await download(url), hash));
      }
      done++;
      if (done % 10 === 0 || done === total) await tell({ type: 'duizhao:progress', done, total });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

async function download(url: string): Promise<Response> {
  const response = await fetch(new URL(url, scope), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

function stamped(response: Response, hash: string): Response {
  const headers = new Headers(response.headers);
  headers.set(HASH, hash);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    precache().then(
      () => sw.skipWaiting(),
      async (error: unknown) => {
        await tell({ type: 'duizhao:error', message: String(error) });
        throw error;
      },
    ),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== __CACHE__ && name !== SAVED) await caches.delete(name);
      await sw.clients.claim();
      await tell(await status());
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string; collection?: SavedCollection; name?: string } | null;
  if (data?.type === 'duizhao:status?' && event.source) {
    const source = event.source;
    event.waitUntil(status().then((s) => source.postMessage(s)));
  } else if (data?.type === 'duizhao:save' && isCollection(data.collection)) {
    event.waitUntil(save(data.collection));
  } else if (data?.type === 'duizhao:unsave' && typeof data.name === 'string') {
    event.waitUntil(unsave(data.name));
  }
});

/** Messages come from our pages, but a page can be stale or tampered with: check the shape. */
function isCollection(c: unknown): c is SavedCollection {
  const x = c as SavedCollection | null;
  return (
    !!x &&
    typeof x.name === 'string' &&
    /^\d{4}(-\d{2})?$/.test(x.name) &&
    Array.isArray(x.urls) &&
    x.urls.every((u) => typeof u === 'string' && new URL(u, scope).href.startsWith(scope))
  );
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(respond(request));
});

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(__CACHE__);
  const k = key(request.url);
  const built = await cache.match(k);
  if (built) return built;
  // A page the reader saved: fresh from the network when there is one (the saved copy is updated),
  // the saved copy when there is not.
  const kept = await savedCache();
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) {
      try {
        if (await kept?.match(k)) await kept!.put(k, response.clone());
        // Pages past the budget, opened once, stay readable offline.
        else await cache.put(k, response.clone());
      } catch {
        /* storage full: the page is still shown, just not kept */
      }
    }
    return response;
  } catch (error) {
    const copy = await kept?.match(k);
    if (copy) return copy;
    if (request.mode === 'navigate') return notSaved();
    throw error;
  }
}

/** Offline, for a page this device has not saved: say so, and lead back to one it has. */
function notSaved(): Response {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not saved on this device · duizhao</title>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6">
<h1>This page is not saved on this device</h1>
<p>There is no network connection, and this page had not been opened here before. Every page saved for offline use still works.</p>
<p><a href="${scope}">Go to the list of documents</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
