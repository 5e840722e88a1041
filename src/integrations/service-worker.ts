/**
 * The service worker (`sw.js`), bundled by offline.ts with the build's precache list. It saves the
 * site when it installs, then answers every request in its scope from that cache, so a reader who
 * opened one page can open every page with the network off.
 *
 * - One cache per build: `duizhao-<content version>-<build hash>`. A rebuilt site has a new
 *   sw.js, so the browser installs the new worker; it takes over at once and deletes the old caches.
 * - Install saves what the plan chose (precache-plan.ts). A file whose content hash matches the copy
 *   an older build's cache holds is copied, not downloaded (a rebuilt archive costs a classroom only
 *   what changed), and one already saved by an interrupted attempt is kept. Anything else is saved
 *   when first served.
 * - URLs are relative to the scope, so one worker serves the site at `/`, at `/reader/`, and the
 *   portable build served from a folder (`dir/index.html` and `dir/` are one page).
 * - Pages report progress and state through messages (elements/offline-status.ts).
 * https://developer.mozilla.org/docs/Web/API/Service_Worker_API/Using_Service_Workers
 */
export {};

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
const PARALLEL = 6;
/** The content hash a precached response is stored with, so a later build can reuse it. */
const HASH = 'X-Duizhao-Hash';
const scope = sw.registration.scope;

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
  return { type: 'duizhao:status', version: __VERSION__, cache: __CACHE__, saved, total: __PRECACHE__.length, deferred: __DEFERRED__ };
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
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== __CACHE__) await caches.delete(name);
      await sw.clients.claim();
      await tell(await status());
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string } | null;
  if (data?.type === 'duizhao:status?' && event.source) {
    const source = event.source;
    event.waitUntil(status().then((s) => source.postMessage(s)));
  }
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(respond(request));
});

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(__CACHE__);
  const saved = await cache.match(key(request.url));
  if (saved) return saved;
  try {
    const response = await fetch(request);
    // Pages past the budget, opened once, stay readable offline.
    if (response.ok && response.type === 'basic' && !response.redirected) await cache.put(key(request.url), response.clone());
    return response;
  } catch (error) {
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
