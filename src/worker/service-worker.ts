/**
 * The service worker (`sw.js`): this file and its modules (env, precache, builds, saved), bundled
 * into one script by src/integrations/offline.ts with the build's precache list. It saves the site when it installs, then answers every request in its scope from that
 * cache, so a reader who opened one page can open every page with the network off.
 *
 * - One cache per build: `duizhao-<content version>-<build hash>`. A rebuilt site has a new sw.js:
 *   the browser installs it, it takes over at once, and pages opened before go on loading their
 *   own build's files from the older cache, which is deleted when the last of them is gone
 *   (builds.ts). An update that cannot be saved whole (the network fails, the server is half-way
 *   through being updated) does not take over: the older build stays in charge, and the browser
 *   tries again at the next visit. One that runs out of storage does take over, with what fit: the
 *   older copy's room is what it lacks.
 * - A first save cut short, or a full disk, still takes over, with what was saved: pages not saved
 *   come from the network, or offline the "not saved" page; the footer says how far it got and why,
 *   and the rest is saved when a page is opened later (precache.ts).
 * - URLs are relative to the scope, so one worker serves the site at `/`, at `/reader/`, and the
 *   portable build served from a folder (`dir/index.html` and `dir/` are one page).
 * - Pages report progress and state through messages (elements/offline-status.ts, offline-save.ts).
 * https://developer.mozilla.org/docs/Web/API/Service_Worker_API/Using_Service_Workers
 */
import { problemOf } from '../lib/offline/upkeep.ts';
import { adopt, olderBuildOf, prune, record } from './builds.ts';
import { CACHE, DEFERRED, key, PRECACHE, scope, sw, tell, VERSION, type FetchEvent } from './env.ts';
import { checked, hashes, precache, progress, resume, savedCount } from './precache.ts';
import { isCollection, save, savedCache, savedIndex, unsave } from './saved.ts';

async function status(): Promise<object> {
  const collections = Object.values(await savedIndex()).map(({ urls: _urls, ...c }) => c);
  return {
    type: 'duizhao:status',
    version: VERSION,
    cache: CACHE,
    saved: await savedCount(),
    total: PRECACHE.length,
    deferred: DEFERRED,
    collections,
    ...progress(),
  };
}

const tellStatus = async () => tell(await status());

/** How an update that could not be saved whole fails its install: on purpose, see below. */
class UpdateDeferred extends Error {
  override name = 'UpdateDeferred';
}

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const updating = sw.registration.active !== null;
      try {
        await precache();
      } catch (error) {
        // An update keeps the older, whole copy in charge; the browser installs this one again at
        // the next visit. A full disk is the exception: the older copy's room is what it lacks.
        if (updating && problemOf(error) !== 'quota') {
          await tell({ type: 'duizhao:recheck' });
          throw new UpdateDeferred(String(error));
        }
      }
      await sw.skipWaiting();
    })(),
  );
});

// A rejected install is how a worker declines to take over, and Chromium reports the promise
// given to waitUntil as unhandled: this one is handled.
sw.addEventListener('unhandledrejection', (event) => {
  if ((event.reason as Error | null)?.name === 'UpdateDeferred') event.preventDefault();
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      await sw.clients.claim();
      await adopt();
      await prune(true);
      await tellStatus();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  const data = event.data as { type?: string; collection?: unknown; name?: string } | null;
  if (data?.type === 'duizhao:status?' && event.source) {
    const source = event.source;
    // A page opened: the moment to drop the caches of pages now closed, and to go on saving.
    event.waitUntil(
      (async () => {
        await prune();
        const attempt = await resume(tellStatus);
        source.postMessage(await status());
        // The worker stays alive while it saves.
        await attempt?.done;
      })(),
    );
  } else if (data?.type === 'duizhao:save' && isCollection(data.collection)) {
    event.waitUntil(save(data.collection, tellStatus));
  } else if (data?.type === 'duizhao:unsave' && typeof data.name === 'string') {
    event.waitUntil(unsave(data.name, tellStatus));
  }
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  event.respondWith(respond(event));
});

async function respond(event: FetchEvent): Promise<Response> {
  const request = event.request;
  const k = key(request.url);
  if (request.mode === 'navigate') event.waitUntil(record(event.resultingClientId));
  else {
    // A page loaded from an older build gets that build's files while its cache is kept.
    const older = await olderBuildOf(event.clientId);
    const own = older ? await (await caches.open(older)).match(k) : undefined;
    if (own) return own;
  }
  const cache = await caches.open(CACHE);
  const built = await cache.match(k);
  if (built) return built;
  // A page the reader saved: fresh from the network when there is one (the saved copy is updated),
  // the saved copy when there is not.
  const kept = await savedCache();
  let response: Response;
  try {
    response = await fetch(request);
  } catch {
    const copy = await kept?.match(k);
    if (copy) return copy;
    return request.mode === 'navigate' ? notSaved() : Response.error();
  }
  if (response.ok && response.type === 'basic' && !response.redirected) event.waitUntil(keep(k, response.clone(), cache, kept));
  return response;
}

/**
 * Keeps what the network served: a saved page's fresh copy, a page past the budget opened once,
 * or a file of the precache list an attempt cut short had not saved yet (only if it is this
 * build's, by its hash: the server may hold a newer one).
 */
async function keep(k: string, response: Response, cache: Cache, kept: Cache | null): Promise<void> {
  try {
    const hash = hashes.get(k);
    if (await kept?.match(k)) await kept!.put(k, response);
    else if (hash === undefined) await cache.put(k, response);
    else {
      const verified = await checked(response, hash);
      if (verified) await cache.put(k, verified);
    }
  } catch {
    /* storage full: the page was shown, just not kept */
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
