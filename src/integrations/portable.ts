/**
 * Turns a finished build (made with the placeholder base) into the portable build, in place:
 * relative URLs everywhere (portable-urls.ts) and classic scripts instead of module scripts.
 *
 * Why classic scripts: Chromium loads module scripts with CORS, and a file:// page has an opaque
 * origin, so every `<script type="module" src>` (and every import between chunks) is blocked.
 * A page's module scripts, inline or not, are bundled by esbuild into one IIFE, loaded with
 * `defer` so it runs when module scripts would: after parsing, in order.
 * https://html.spec.whatwg.org/multipage/webappapis.html#fetching-scripts
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'esbuild';
import { bundleScript } from '../node/bundle.ts';
import { HEAD_START, ownInline } from './csp.ts';
import { assertNoPlaceholder, rewriteCss, rewriteHtml, rewriteScriptRoot, ROOT_PLACEHOLDER, rootScript } from './portable-urls.ts';

const MODULE_SCRIPT = /<script\b(?=[^>]*\btype=["']module["'])([^>]*)>([\s\S]*?)<\/script>/g;
const SRC = /\bsrc=["']([^"']+)["']/;
/** Module preloads and the web app manifest are fetched with CORS: both fail on file://. */
const DROPPED_LINKS = /<link\b[^>]*\brel=["'](?:modulepreload|manifest)["'][^>]*>/g;

type Entry = { src: string } | { code: string };

/** The mark of the site's own inline scripts (csp.ts), as HTML attributes. */
const ownInlineAttributes = () =>
  Object.entries(ownInline())
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ');

export interface PortableReport {
  pages: number;
  /** Classic bundles written, one per distinct set of page scripts. */
  bundles: string[];
}

/** Every file below `dir`, as `/`-separated paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const found = await readdir(dir, { recursive: true, withFileTypes: true });
  return found
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

export async function makePortable(dir: string): Promise<PortableReport> {
  const files = await listFiles(dir);
  const bundles = new Map<string, string>();
  // _astro/later/: classic scripts already (src/elements/on-first-use.ts), loaded by URL, kept.
  const isModuleChunk = (f: string) => f.startsWith('_astro/') && !f.startsWith('_astro/later/') && f.endsWith('.js');

  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = await readFile(join(dir, file), 'utf8');
    const entries: Entry[] = [];
    let first = true;
    const withClassic = html.replace(MODULE_SCRIPT, (_, attributes: string, code: string) => {
      const src = SRC.exec(attributes)?.[1];
      entries.push(src ? { src } : { code });
      const marker = first ? '<!--duizhao:classic-->' : '';
      first = false;
      return marker;
    });
    let out = withClassic.replace(DROPPED_LINKS, '');
    if (entries.length > 0) {
      const name = await bundle(dir, entries, bundles);
      out = out.replace('<!--duizhao:classic-->', `<script defer src="${ROOT_PLACEHOLDER}${name}"></script>`);
    }
    // First in <head> after the charset and the security policy (csp.ts), before any other script.
    out = out.replace(HEAD_START, (head) => head + rootScript(file).replace('<script>', `<script ${ownInlineAttributes()}>`));
    await writeFile(join(dir, file), rewriteHtml(out, file));
  }

  for (const file of files) {
    const path = join(dir, file);
    if (file.endsWith('.css')) {
      const css = rewriteCss(await readFile(path, 'utf8'), file);
      assertNoPlaceholder(css, file);
      await writeFile(path, css);
    } else if (isModuleChunk(file)) {
      // Bundled into the classic scripts above; a module chunk is dead weight on a USB stick.
      await rm(path);
    } else if (/\.(js|json|webmanifest|txt|svg|xml)$/.test(file)) {
      const text = await readFile(path, 'utf8');
      if (!text.includes(ROOT_PLACEHOLDER)) continue;
      const out = file.endsWith('.js') ? rewriteScriptRoot(text) : text;
      assertNoPlaceholder(out, file);
      await writeFile(path, out);
    }
  }
  return { pages: files.filter((f) => f.endsWith('.html')).length, bundles: [...new Set(bundles.values())] };
}

/** One IIFE for a page's module scripts, in their order; the same set of scripts gives the same file. */
async function bundle(dir: string, entries: Entry[], done: Map<string, string>): Promise<string> {
  const key = JSON.stringify(entries);
  const known = done.get(key);
  if (known) return known;
  const inline = entries.map((e) => ('code' in e ? e.code : ''));
  const placeholderPaths: Plugin = {
    name: 'duizhao-portable',
    setup(b) {
      b.onResolve({ filter: /^inline:\d+$/ }, (a) => ({ path: a.path, namespace: 'inline' }));
      b.onLoad({ filter: /.*/, namespace: 'inline' }, (a) => ({
        contents: inline[Number(a.path.slice('inline:'.length))],
        loader: 'js',
        resolveDir: join(dir, '_astro'),
      }));
      b.onResolve({ filter: new RegExp(`^${ROOT_PLACEHOLDER}`) }, (a) => ({ path: join(dir, a.path.slice(ROOT_PLACEHOLDER.length)) }));
    },
  };
  const code = rewriteScriptRoot(
    await bundleScript({
      stdin: {
        contents: entries.map((e, k) => `import ${JSON.stringify('src' in e ? e.src : `inline:${k}`)};`).join('\n'),
        resolveDir: dir,
        sourcefile: 'page-scripts.js',
      },
      plugins: [placeholderPaths],
    }),
  );
  const name = `_astro/classic-${createHash('sha256').update(code).digest('hex').slice(0, 10)}.js`;
  await writeFile(join(dir, name), code);
  done.set(key, name);
  return name;
}
