import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { buildSite, REPO_ROOT } from './support/build.ts';
import { serveStatic, type StaticServer } from '../../src/node/serve.ts';
import { RESULTS_DIR } from './support/sites.ts';

// The seed site built under a sub-path (BASE=/reader/): the box, the index files, result links and
// the search page all stay below /reader/. Built here because the shared sites are all at `/`.
const OUT = resolve(REPO_ROOT, 'dist-e2e/search-reader');
const BASE = '/reader/';
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(OUT, 'index.html'))) {
    // Vitest sets BASE_URL=/ in this process; a child `astro build` that inherits it ignores BASE.
    const inherited = process.env.BASE_URL;
    delete process.env.BASE_URL;
    try {
      const result = await buildSite({ outDir: OUT, base: BASE, logFile: join(RESULTS_DIR, 'build-search-reader.log') });
      if (!result.ok) throw new Error(`BASE=${BASE} build failed:\n${result.tail}`);
    } finally {
      if (inherited !== undefined) process.env.BASE_URL = inherited;
    }
  }
  server = await serveStatic({ root: OUT, base: BASE });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('search under a base path', () => {
  it('loads everything from below the base and links results below it', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url);
    expect(await page.getAttribute('site-search form', 'action')).toBe('/reader/search/');
    await page.fill('site-search input[name="q"]', 'tuyangbingju');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('site-search .sr-status')?.dataset.query === 'tuyangbingju');
    const hrefs = await page.locator('site-search [role="option"]').evaluateAll((links) => links.map((l) => new URL((l as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => !h.startsWith('/reader/'))).toEqual([]);
    expect(hrefs[0]).toBe('/reader/glossary/tuyangbingju/');
    expect(requests.filter((p) => !p.startsWith('/reader/'))).toEqual([]);
    expect(requests.some((p) => p.startsWith('/reader/search-index/'))).toBe(true);
    const row = page.locator('site-search .sr-row').first();
    expect(await row.locator('.sr-zh mark').first().textContent()).toBe('土洋并举');
    const href = (await row.getAttribute('href'))!;
    await page.goto(href);
    await page.waitForSelector('mark.search-mark');
    // Ruby pinyin may split the term into one text node per character: each gets its own mark.
    const marked = await page.locator('mark.search-mark').evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    expect(marked).toContain('土洋并举');
    await page.close();
  });

  it('serves the search page below the base', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}search/?q=%E9%93%9D`);
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sr-status')?.dataset.query === '铝');
    expect(await page.locator('.sr-row').count()).toBeGreaterThan(0);
    await page.close();
  });
});
