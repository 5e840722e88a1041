import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../../src/node/serve.ts';

/**
 * One origin (a fixed port: a service worker belongs to its origin) in front of built sites, for
 * what a deployment does to the service worker: replace the site by a rebuild (`serve`), be
 * half-way through copying one (`route`), answer slowly (`delay`) so that a test can cut a save
 * short. Each site is served by src/node/serve.ts; this server forwards to it.
 */
export interface SiteSwitch {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** Serve this built site from now on. */
  serve(root: string): void;
  /** Choose the site for each path (`sw.js` from one, the rest from another). */
  route(pick: (path: string) => string): void;
  /** Milliseconds to wait before answering each request. */
  delay: number;
  /** The paths asked for so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function siteSwitch(root: string): Promise<SiteSwitch> {
  const upstreams = new Map<string, Promise<StaticServer>>();
  const upstream = (dir: string) => {
    if (!upstreams.has(dir)) upstreams.set(dir, serveStatic({ root: dir }));
    return upstreams.get(dir)!;
  };
  let pick = (_path: string) => root;
  const control: SiteSwitch = {
    url: '',
    serve: (dir) => void (pick = () => dir),
    route: (choose) => void (pick = choose),
    delay: 0,
    requests: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      for (const s of upstreams.values()) await (await s).close();
    },
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    control.requests.push(path);
    if (control.delay) await new Promise((done) => setTimeout(done, control.delay));
    try {
      const from = await upstream(pick(path));
      const response = await fetch(new URL(req.url ?? '/', from.url), { redirect: 'manual' });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
      res.end(body);
    } catch {
      res.destroy();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  control.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return control;
}

/** The cache name a built site's sw.js names (`duizhao-<version>-<hash>`). */
export function cacheOf(dir: string): string {
  return /"(duizhao-[0-9a-z]+-[0-9a-f]{8})"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1] ?? '';
}

/** The URLs of the precache list bundled into a built sw.js (`[["_astro/a.css","hash"],…]`), relative to its scope. */
export function precacheOf(dir: string): string[] {
  const list = /=(\[\["[^"]*","[0-9a-f]+"\](?:,\["[^"]*","[0-9a-f]+"\])*\])/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))?.[1];
  return list ? (JSON.parse(list) as [string, string][]).map(([url]) => url) : [];
}

/** What the active worker says of itself (the message the footer reads). */
export function workerStatus(page: Page): Promise<{ cache: string; saved: number; total: number; running: boolean; problem: string | null }> {
  return page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    return new Promise((done) => {
      const channel = (e: MessageEvent) => {
        if ((e.data as { type?: string }).type !== 'duizhao:status') return;
        navigator.serviceWorker.removeEventListener('message', channel);
        done(e.data);
      };
      navigator.serviceWorker.addEventListener('message', channel);
      worker.postMessage({ type: 'duizhao:status?' });
    });
  });
}

/** The URLs (relative to the site) that a cache of the page's origin holds. */
export function cachedUrls(page: Page, cache: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => new URL(r.url).pathname.slice(1) || './');
  }, cache);
}

/**
 * Errors the context's service workers leave unhandled (an uncaught exception, a rejected promise
 * no one awaits, unless the worker marked it handled): each worker, as it starts, gets listeners
 * that write them to its console.
 */
export function workerErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  const watch = (worker: { evaluate(f: () => void): Promise<unknown> }) =>
    worker
      .evaluate(() => {
        self.addEventListener('error', (e) => console.error(`[unhandled] ${(e as ErrorEvent).message}`));
        self.addEventListener('unhandledrejection', (e) => e.defaultPrevented || console.error(`[unhandled] ${String((e as PromiseRejectionEvent).reason)}`));
      })
      .catch(() => {});
  context.on('serviceworker', (worker) => void watch(worker));
  for (const worker of context.serviceWorkers()) void watch(worker);
  context.on('console', (message) => {
    if (message.worker() && message.text().startsWith('[unhandled]')) errors.push(message.text());
  });
  return errors;
}
