import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { writeServiceWorker } from '../../src/integrations/offline.ts';
import { siteBuild, siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';
import { builtFiles, builtPages, footerVersion, waitUntilSaved } from './support/offline.ts';
import { precacheOf } from './support/offline-server.ts';
import { serveStatic } from '../../src/node/serve.ts';

// After one visit, with the network off (Chromium's offline emulation), the whole seed site reads.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';

describe('the service worker', () => {
  test('saves the site on the first visit and says "Available offline" in the footer', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await waitUntilSaved(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(site.at('sw.js'));
  });

  test('with the network off, every page of the site opens, styled and with its footer', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('glossary/'));
    await waitUntilSaved(page);
    await page.context().setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const pages = builtPages(site.build.outDir);
    expect(pages.length).toBeGreaterThan(30);
    const failures: string[] = [];
    for (const path of pages) {
      const response = await page.goto(site.at(path), { waitUntil: 'load' });
      const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.site-head')!).display === 'flex');
      const version = await page.locator('.site-foot [data-content-version]').count();
      if (response?.status() !== 200 || !response.fromServiceWorker() || !styled || version !== 1) {
        failures.push(`${path}: ${response?.status()} from ${response?.fromServiceWorker() ? 'worker' : 'network'}, styled ${styled}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('with the network off, glossary popovers open and pinyin and layouts switch', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await waitUntilSaved(page);
    await page.context().setOffline(true);
    await load(page, site.at(DOC));

    await page.locator('a.term[data-term^="g-"]').first().click();
    const pop = page.locator('.term-pop:popover-open');
    await expect.poll(() => pop.count()).toBe(1);
    expect(await pop.locator('.tp-pinyin').innerText()).not.toBe('');
    await page.keyboard.press('Escape');
    await page.locator('.pinyin-switch').click();
    expect(await page.evaluate(() => document.documentElement.dataset.pinyin)).toBe('on');
    // The page's pinyin.js was saved with it: its ruby comes with the network off.
    await expect.poll(() => page.locator('.rows rt').first().isVisible()).toBe(true);
    await page.locator('label:has(> input[value="zh"])').click();
    expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe('zh');
  });

  test('with the network off, search finds 铝 and its result opens the row', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await waitUntilSaved(page);
    await page.context().setOffline(true);
    await load(page, site.at('search/?q=%E9%93%9D'));
    const row = page.locator('.search-results a.sr-row').first();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await row.click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${DOC}`));
    expect(await page.locator('.rows .row').count()).toBeGreaterThan(10);
  });

  test('offline, a page that does not exist says it is not saved and links home', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await waitUntilSaved(page);
    await page.context().setOffline(true);
    const response = await page.goto(site.at('1999-01-01/p1/never/'));
    expect(response?.status()).toBe(503);
    expect(await page.locator('h1').innerText()).toBe('This page is not saved on this device');
    expect(await page.locator('a').getAttribute('href')).toBe(site.url);
  });

  test('keeps one cache, named after the content version, and deletes older ones when it takes over', async ({ site, openPage }) => {
    const page = await openPage();
    // A cache left by an earlier build of the site, made before any worker runs (on a file with no footer).
    await page.goto(site.at('favicon.svg'));
    await page.evaluate(async () => (await caches.open('duizhao-0000000000-00000000')).put('x', new Response('old')));
    await load(page, site.url);
    await waitUntilSaved(page);
    const version = footerVersion(readFileSync(join(site.build.outDir, 'index.html'), 'utf8'));
    expect(version).toMatch(/^[0-9a-f]{10}$/);
    expect(await page.locator('.site-foot [data-content-version]').innerText()).toBe(version);
    const names = await page.evaluate(() => caches.keys());
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(new RegExp(`^duizhao-${version}-[0-9a-f]{8}$`));
  });

  test('precaches every page, asset and search file of the seed build, and nothing twice', ({ site }) => {
    const list = precacheOf(site.build.outDir);
    const expected = builtFiles(site.build.outDir)
      .filter((f) => f !== 'sw.js')
      .map((f) => (f === 'index.html' ? './' : f.replace(/index\.html$/, '')));
    expect([...list].sort()).toEqual([...expected].sort());
  });

  test('fits the whole corpus build (200 documents) into the precache budget', () => {
    const corpus = siteBuild('corpus');
    if (corpus.status === 'absent' || !existsSync(join(corpus.outDir, 'sw.js'))) return;
    const list = precacheOf(corpus.outDir);
    const pages = builtPages(corpus.outDir);
    expect(pages.length).toBeGreaterThan(200);
    expect(pages.filter((p) => !list.includes(p === '' ? './' : p))).toEqual([]);
  });
});

describe('after the site is rebuilt', () => {
  test('the new worker takes over, downloads only the files that changed, and deletes the old cache once no page uses it', async ({ site, openPage }) => {
    // A copy of the seed build that this test "rebuilds": one page changes, sw.js is written anew.
    const dir = mkdtempSync(join(tmpdir(), 'duizhao-sw-'));
    cpSync(site.build.outDir, dir, { recursive: true });
    // What reaches the server: Playwright can miss a new worker's first requests (it attaches to
    // the worker as it starts), the server cannot.
    let requested: string[] | null = null;
    const server = await serveStatic({ root: dir, onRequest: (path) => requested?.push(path) });
    try {
      const page = await openPage();
      await load(page, server.url);
      await waitUntilSaved(page);
      const before = await page.evaluate(() => caches.keys());

      const changed = 'glossary/lv/index.html';
      writeFileSync(join(dir, changed), readFileSync(join(dir, changed), 'utf8').replace('</main>', '<p id="rebuilt">Rebuilt.</p></main>'));
      await writeServiceWorker(dir, undefined, { info: () => {}, warn: () => {} });

      // From here, what goes to the network: the page is served from the saved copy, so this is what
      // the worker downloads (its own update check, sw.js, is the browser's).
      requested = [];
      await load(page, server.url);
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 }).not.toEqual(before);
      await waitUntilSaved(page);
      const downloads: string[] = requested.filter((path) => path !== '/sw.js');
      expect(downloads).toEqual(['/glossary/lv/']);
      // This page was loaded from the old build: its cache stays while the page is open.
      expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining(before));

      await page.context().setOffline(true);
      await load(page, `${server.url}glossary/lv/`);
      expect(await page.locator('#rebuilt').count()).toBe(1);
      await expect.poll(() => page.evaluate(() => caches.keys())).toHaveLength(1);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
