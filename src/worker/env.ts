/**
 * What every part of the service worker shares: the build's constants (defined by
 * src/integrations/offline.ts when it bundles `sw.js`), the few worker types the DOM library lacks,
 * cache keys, and messages to the pages.
 */

/** [URL relative to the scope, content hash], in the plan's order (lib/offline/plan.ts). */
declare const __PRECACHE__: [string, string][];
declare const __CACHE__: string;
declare const __VERSION__: string;
declare const __DEFERRED__: { files: number; pages: number };

export const PRECACHE = __PRECACHE__;
/** This build's cache: `duizhao-<content version>-<build hash>`. */
export const CACHE = __CACHE__;
export const VERSION = __VERSION__;
export const DEFERRED = __DEFERRED__;

// The DOM library has no worker types, and lib "webworker" cannot share a program with it:
// the few the worker needs, declared here.
export interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
export interface FetchEvent extends ExtendableEvent {
  request: Request;
  /** The page that asked (empty for a navigation). */
  clientId: string;
  /** The page a navigation makes. */
  resultingClientId: string;
  respondWith(response: Promise<Response>): void;
}
export interface WindowClient {
  id: string;
  postMessage(message: unknown): void;
}
export interface ExtendableMessageEvent extends ExtendableEvent {
  data: unknown;
  source: WindowClient | null;
}
interface WorkerScope {
  registration: { scope: string; active: object | null; installing: object | null; waiting: object | null };
  clients: { matchAll(o: { includeUncontrolled: boolean; type: 'window' }): Promise<WindowClient[]>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

export const sw = self as unknown as WorkerScope;
export const scope = sw.registration.scope;
export const PREFIX = 'duizhao-';
/**
 * What the reader asked to keep ("Save this month / this year"): a cache of its own that outlives
 * rebuilds (src/worker/saved.ts).
 */
export const SAVED = `${PREFIX}saved`;
/** The content hash a precached response is stored with, so a later build can reuse it. */
export const HASH = 'X-Duizhao-Hash';
/** Downloads at once. */
export const PARALLEL = 6;

/** The cache key of a URL: no query or fragment, and `dir/index.html` is `dir/`. */
export function key(url: string): string {
  const u = new URL(url, scope);
  u.search = '';
  u.hash = '';
  if (u.pathname.endsWith('/index.html')) u.pathname = u.pathname.slice(0, -'index.html'.length);
  return u.href;
}

/** Every build's cache this origin holds, this one's included (not the saved collections). */
export async function buildCaches(): Promise<string[]> {
  return (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== SAVED);
}

/** The windows of this site, open now. */
export function windows(): Promise<WindowClient[]> {
  return sw.clients.matchAll({ includeUncontrolled: true, type: 'window' });
}

export async function tell(message: object): Promise<void> {
  for (const client of await windows()) client.postMessage(message);
}

/** A response for the server's file, or an error saying which file failed and how. */
export async function download(url: string): Promise<Response> {
  const response = await fetch(new URL(url, scope), { cache: 'no-cache' });
  if (!response.ok) throw Object.assign(new Error(`${url}: HTTP ${response.status}`), { status: response.status });
  return response;
}
