import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  /** The site's root URL, base path included and ending in `/`: `http://127.0.0.1:PORT/reader/`. */
  url: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** The built site. */
  root: string;
  /** The base path the site was built for. @default '/' */
  base?: string;
  /** Told the path of every request the server gets (a test's record of what reached the network). */
  onRequest?: (path: string) => void;
}

/**
 * Serve a built static site the way a plain static host does: `dir/` → `dir/index.html`,
 * `dir` → redirect to `dir/`, unknown paths → `404.html` with status 404.
 * Responses are `no-store` so a rebuilt site is never shadowed by a cached one.
 */
export async function serveStatic({ root, base = '/', onRequest }: ServeOptions): Promise<StaticServer> {
  const rootDir = resolve(root);
  const basePath = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    onRequest?.(url.pathname);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    }
    if (`${url.pathname}/` === basePath) return redirect(res, basePath + url.search);
    if (!url.pathname.startsWith(basePath)) return notFound(res, rootDir, method);

    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice(basePath.length));
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad Request');
    }
    const file = resolve(rootDir, relative);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return notFound(res, rootDir, method);

    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
      return serveFile(res, join(file, 'index.html'), 200, method, rootDir);
    }
    if (info?.isFile()) return serveFile(res, file, 200, method, rootDir);
    // Astro's `build.format: 'file'` writes `about.html` for `/about`.
    if (!extname(file) && (await isFile(`${file}.html`))) {
      return serveFile(res, `${file}.html`, 200, method, rootDir);
    }
    return notFound(res, rootDir, method);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function serveFile(res: ServerResponse, file: string, status: number, method: string, rootDir: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound(res, rootDir, method);
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
  });
  if (method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

async function notFound(res: ServerResponse, rootDir: string, method: string): Promise<void> {
  const page = join(rootDir, '404.html');
  if (await isFile(page)) return serveFile(res, page, 404, method, rootDir);
  send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(301, { Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
