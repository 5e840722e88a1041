import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Every file of a built site, `/`-separated paths below its root. */
export function builtFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/** The URL path of every page below the root, as linked: `./`, `glossary/`, `1958-09-25/p1/x/`. */
export function builtPages(dir: string): string[] {
  return builtFiles(dir)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.slice(0, -'index.html'.length));
}

/** The content version in a built page's footer. */
export function footerVersion(html: string): string {
  return /data-content-version="([^"]+)"/.exec(html)?.[1] ?? '';
}

/** Wait until the footer says the whole site is saved for offline use. */
export async function waitUntilSaved(page: Page): Promise<void> {
  const status = page.locator('offline-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 45_000, interval: 200, message: 'offline-status never became ready' }).toBe('ready');
  expect(await status.innerText()).toContain('Available offline');
}

/**
 * URLs in a built file that would make the browser ask another origin for something: resource and
 * link attributes in HTML, url() and @import in CSS, any http(s) URL in JS. W3C namespace URIs
 * (`http://www.w3.org/2000/svg`) are names, never fetched.
 */
export function foreignUrls(file: string, text: string): string[] {
  const found: string[] = [];
  const foreign = (url: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url.trim()) && !/^https?:\/\/www\.w3\.org\//.test(url.trim());
  if (file.endsWith('.html') || file.endsWith('.svg')) {
    for (const m of text.matchAll(/\s(href|src|srcset|action|poster|data|formaction|xlink:href)=["']([^"']*)["']/gi)) {
      for (const url of m[2]!.split(/,\s*/).map((u) => u.split(/\s+/)[0] ?? '')) if (foreign(url)) found.push(`${m[1]}=${url}`);
    }
  }
  if (file.endsWith('.css') || file.endsWith('.html')) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)/gi)) {
      const url = m[1] ?? m[2] ?? '';
      if (foreign(url)) found.push(`url(${url})`);
    }
  }
  // Scripts (inline ones too) and the manifest: any absolute URL. Page text may name one freely.
  const code = file.endsWith('.html') ? [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n') : text;
  if (/\.(js|html|webmanifest)$/.test(file)) {
    for (const m of code.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)) if (foreign(m[0])) found.push(m[0]);
  }
  return found;
}

/** `foreignUrls` over every text file of a built site, as `file: url` lines. */
export function foreignUrlsIn(dir: string): string[] {
  return builtFiles(dir)
    .filter((f) => /\.(html|css|js|svg|webmanifest)$/.test(f))
    .flatMap((f) => foreignUrls(f, readFileSync(join(dir, f), 'utf8')).map((u) => `${f}: ${u}`));
}
