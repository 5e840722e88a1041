import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { RETRY_AFTER } from '../../src/lib/offline/upkeep.ts';
import { ARGS, chromiumPath } from './support/browser.ts';
import { buildSite, REPO_ROOT } from './support/build.ts';
import { DESKTOP, siteBuild, siteTest } from './support/fixtures.ts';
import { builtPages, waitUntilSaved } from './support/offline.ts';
import { cachedUrls, cacheOf, siteSwitch, workerErrors, workerStatus, type SiteSwitch } from './support/offline-server.ts';
import { load } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// What a deployment and a device do to the service worker (README "Deploying offline"): the site
// rebuilt while a page is open, a server half-way through being updated, a full disk, a first save
// cut short by the network or by the browser closing. The seed site, served through siteSwitch.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const SOURCE = '1958-09-25-p1-copper-and-aluminum.txt';
/** The rebuild changes one English sentence: "timely" is only in the first build, "zeppelins" only in the second. */
const BEFORE = 'ensure timely supply';
const AFTER = 'ensure punctual supply of zeppelins';

let rebuilt = '';
const temp: string[] = [];

beforeAll(async () => {
  if (!['built', 'reused'].includes(siteBuild('seed').status)) return;
  // The seed built again from a copy of its documents with one sentence changed.
  const content = mkdtempSync(join(tmpdir(), 'duizhao-seed-src-'));
  rebuilt = mkdtempSync(join(tmpdir(), 'duizhao-seed-b-'));
  temp.push(content, rebuilt);
  cpSync(join(REPO_ROOT, 'content/documents'), content, { recursive: true });
  const text = readFileSync(join(content, SOURCE), 'utf8');
  if (!text.includes(BEFORE)) throw new Error(`${SOURCE} no longer says "${BEFORE}": choose another sentence to change`);
  writeFileSync(join(content, SOURCE), text.replace(BEFORE, AFTER));
  const result = await buildSite({ outDir: rebuilt, contentDir: content, logFile: join(RESULTS_DIR, 'build-seed-rebuilt.log') });
  if (!result.ok) throw new Error(`the rebuilt seed did not build:\n${result.tail}`);
}, 300_000);

afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

/** Asks the browser to look for a new sw.js now, as it does on its own at a navigation. */
async function checkForUpdate(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())!.update();
  });
}

/**
 * Checks for a new sw.js until `until` holds. Asked more than once because a check the browser
 * began on its own after the last navigation may have fetched the old sw.js, and a request made
 * while it runs joins it rather than starting anew.
 */
async function checkUntil(page: Page, until: () => Promise<boolean>, message: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await checkForUpdate(page);
        return until();
      },
      { timeout: 30_000, interval: 1000, message },
    )
    .toBe(true);
}

/** Whether the worker in charge is the one whose cache is `cache`. */
const inCharge = (page: Page, cache: string) => async () => (await workerStatus(page)).cache === cache;

/** Types into the header's search box; the English text of the rows it finds. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.fill('site-search input[name="q"]', query);
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('site-search .sr-status')?.dataset.query === q, query, { timeout: 15_000 });
  return page.locator('site-search .sr-row .sr-en').allInnerTexts();
}

/** Chooses a month in the year page's save panel and presses Save. */
async function saveMonth(page: Page, month: string): Promise<void> {
  const panel = page.locator('offline-save');
  if (!(await panel.locator('details').getAttribute('open'))) await panel.locator('summary').click();
  await expect.poll(() => panel.locator(`option[value="${month}"]`).count()).toBe(1);
  await panel.locator('select').selectOption(month);
  await panel.locator('button[data-act="save"]').click();
}

/** Opens each page with the network off: what it got, by page. */
async function openEach(page: Page, url: string, paths: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const response = await page.goto(url + path, { waitUntil: 'load' });
    const styled = await page.evaluate(
      () => !!document.querySelector('.site-head') && getComputedStyle(document.querySelector('.site-head')!).display === 'flex',
    );
    const h1 = await page.locator('h1').first().innerText();
    if (response?.status() === 200 && response.fromServiceWorker() && styled) seen.set(path, 'page');
    else if (response?.status() === 503 && h1 === 'This page is not saved on this device') seen.set(path, 'not saved');
    else seen.set(path, `broken: ${response?.status()}, styled ${styled}, "${h1}"`);
  }
  return seen;
}

describe('the site is rebuilt while a page is open', () => {
  test('the open page keeps its own build (popovers, search), a link opens the new build, the old cache goes with the last page that used it, and a saved month stays', async ({
    site,
    openPage,
  }) => {
    const server = await siteSwitch(site.build.outDir);
    try {
      const [a, b] = [cacheOf(site.build.outDir), cacheOf(rebuilt)];
      expect(a).not.toBe(b);
      const page = await openPage();
      const errors = workerErrors(page.context());
      await load(page, `${server.url}1958/`);
      await waitUntilSaved(page);
      await saveMonth(page, '1958-09');
      await expect.poll(() => page.locator('offline-save .save-status').innerText(), { timeout: 30_000 }).toContain('Saved');
      await load(page, server.url + DOC);
      await waitUntilSaved(page);

      server.serve(rebuilt);
      await checkUntil(page, inCharge(page, b), 'the new worker never took over');

      // The page loaded from the first build: its popovers, and search finds its own text, not the new one.
      await page.locator('a.term[data-term^="g-"]').first().click();
      await expect.poll(() => page.locator('.term-pop:popover-open').count()).toBe(1);
      await page.keyboard.press('Escape');
      expect(await search(page, 'timely')).toEqual([expect.stringContaining('timely')]);
      expect(await search(page, 'zeppelins')).toEqual([]);
      expect(await page.evaluate(() => caches.keys())).toContain(a);

      // A link opens the new build; the first build's cache goes once no page loaded from it is open.
      await Promise.all([page.waitForURL(`${server.url}glossary/`), page.locator('a[href="/glossary/"]').first().click()]);
      await load(page, server.url + DOC);
      expect(await page.locator('.rows').innerText()).toContain(AFTER);
      expect(await search(page, 'zeppelins')).toEqual([expect.stringContaining('zeppelins')]);
      await expect.poll(async () => (await page.evaluate(() => caches.keys())).sort(), { timeout: 15_000 }).toEqual([b, 'duizhao-saved'].sort());
      await expect.poll(() => page.locator('offline-status').innerText()).toContain('saved here: September 1958 (1 article)');

      await page.context().setOffline(true);
      await load(page, server.url + DOC);
      expect(await page.locator('.rows').innerText()).toContain(AFTER);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });

  test('a server half-way through the update: the new worker does not take over until its files are all there', async ({ site, openPage }) => {
    const server = await siteSwitch(site.build.outDir);
    try {
      const [a, b] = [cacheOf(site.build.outDir), cacheOf(rebuilt)];
      const page = await openPage();
      const errors = workerErrors(page.context());
      await load(page, server.url + DOC);
      await waitUntilSaved(page);

      // The copy has reached sw.js; the pages and search files are still the first build's.
      server.route((path) => (path === '/sw.js' ? rebuilt : site.build.outDir));
      let gaveUp = false;
      void page
        .evaluate(
          () =>
            new Promise<void>((done) =>
              navigator.serviceWorker.addEventListener('message', (e) => (e.data as { type?: string }).type === 'duizhao:recheck' && done()),
            ),
        )
        .then(() => (gaveUp = true));
      await checkUntil(page, async () => gaveUp, 'the new worker never tried to install');
      await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.installing === null)).toBe(true);
      expect((await workerStatus(page)).cache).toBe(a);
      await waitUntilSaved(page);
      // Nothing of the first build was stored under the second's name.
      expect(await cachedUrls(page, b)).not.toContain(DOC);
      await page.context().setOffline(true);
      await load(page, server.url + DOC);
      expect(await page.locator('.rows').innerText()).toContain(BEFORE);
      await page.context().setOffline(false);

      // The copy is done: the next check installs it.
      server.serve(rebuilt);
      await checkUntil(page, inCharge(page, b), 'the new worker never took over');
      await page.context().setOffline(true);
      await load(page, server.url + DOC);
      expect(await page.locator('.rows').innerText()).toContain(AFTER);
      await waitUntilSaved(page);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('a full disk', () => {
  test('the first save runs out of storage: the site works online, the footer says so, nothing loops, and it is saved when there is room', async ({
    site,
    openPage,
  }) => {
    const server = await siteSwitch(site.build.outDir);
    try {
      const page = await openPage();
      const errors = workerErrors(page.context());
      const cdp = await page.context().newCDPSession(page);
      const origin = new URL(server.url).origin;
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 400_000 });
      await load(page, server.url);
      const footer = page.locator('offline-status');
      await expect.poll(() => footer.innerText(), { timeout: 30_000 }).toContain('Not enough storage to save for offline reading');
      expect(await footer.getAttribute('data-state')).toBe('error');
      const status = await workerStatus(page);
      expect(status).toMatchObject({ running: false, problem: 'quota' });
      expect(status.saved).toBeGreaterThan(0);
      expect(status.saved).toBeLessThan(status.total);

      // Online, every page still opens; the worker asks the server for nothing while no page is opened.
      await load(page, server.url + DOC);
      expect(await page.locator('.rows .row').count()).toBeGreaterThan(10);
      const asked = server.requests.length;
      await page.waitForTimeout(3000);
      // (The browser itself may look for a new sw.js after a navigation.)
      expect(server.requests.slice(asked).filter((p) => p !== '/sw.js')).toEqual([]);

      // Offline, a page that was saved opens whole; one that was not says so.
      const saved = new Set(await cachedUrls(page, status.cache));
      await page.context().setOffline(true);
      const seen = await openEach(page, server.url, builtPages(site.build.outDir));
      for (const [path, got] of seen) expect(got, path).toBe(saved.has(path || './') ? 'page' : 'not saved');
      expect([...seen.values()]).toContain('page');
      expect([...seen.values()]).toContain('not saved');
      await page.context().setOffline(false);

      // Room again: the worker tries again when a page is opened, not sooner than it said.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await page.waitForTimeout(RETRY_AFTER.quota);
      await load(page, server.url);
      await waitUntilSaved(page);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  test('an update runs out of storage: it takes over with what fit, the old copy goes with its last page, and the rest is saved when there is room', async ({
    site,
    openPage,
  }) => {
    const server = await siteSwitch(site.build.outDir);
    try {
      const [a, b] = [cacheOf(site.build.outDir), cacheOf(rebuilt)];
      const page = await openPage();
      const errors = workerErrors(page.context());
      await load(page, server.url + DOC);
      await waitUntilSaved(page);
      const cdp = await page.context().newCDPSession(page);
      const origin = new URL(server.url).origin;
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      // No room for a second copy beside the first build.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: Math.round(usage * 1.3) });

      server.serve(rebuilt);
      await checkUntil(page, inCharge(page, b), 'the new worker never took over');
      const footer = page.locator('offline-status');
      await expect.poll(() => footer.innerText()).toContain('Not enough storage to save for offline reading');
      expect(await page.evaluate(() => caches.keys())).toContain(a);

      // A link: the page that used the first build's cache is gone, and with it that cache.
      await Promise.all([page.waitForURL(`${server.url}glossary/`), page.locator('a[href="/glossary/"]').first().click()]);
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 }).toEqual([b]);
      // Its room comes back when the browser lets go of what it served (at the latest when it
      // restarts): here, more room.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await page.waitForTimeout(RETRY_AFTER.quota);
      await load(page, server.url + DOC);
      await waitUntilSaved(page);
      expect(await page.locator('.rows').innerText()).toContain(AFTER);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  test('saving a month runs out of storage half way: it says so, and the month is never listed as saved', async ({ site, openPage }) => {
    const server = await siteSwitch(site.build.outDir);
    try {
      const page = await openPage();
      const errors = workerErrors(page.context());
      await load(page, `${server.url}1958/`);
      await waitUntilSaved(page);
      const cdp = await page.context().newCDPSession(page);
      const origin = new URL(server.url).origin;
      const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
      // Room for the month's scripts and styles and a little more, not for both its pages.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + 80_000 });

      await saveMonth(page, '1958-09');
      const panel = page.locator('offline-save');
      await expect
        .poll(() => panel.locator('.save-status').innerText(), { timeout: 30_000 })
        .toContain('Not enough storage to save September 1958 for offline reading');
      await expect.poll(() => panel.locator('.saved-list li').allInnerTexts()).toEqual([expect.stringContaining('(not finished: Save again to finish)')]);
      const footer = page.locator('offline-status');
      await expect.poll(() => footer.innerText()).toContain('not finished: September 1958');
      expect(await footer.innerText()).not.toContain('saved here');

      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await panel.locator('button[data-act="save"]').click();
      await expect.poll(() => panel.locator('.save-status').innerText(), { timeout: 30_000 }).toContain('Saved');
      await expect.poll(() => footer.innerText()).toContain('saved here: September 1958 (1 article)');
      expect(await panel.locator('.saved-list li').innerText()).not.toContain('not finished');
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('a first save cut short', () => {
  /** Waits until the save is under way: past the scripts and styles (the first tenth), well before its end. */
  async function halfWay(page: Page): Promise<void> {
    await expect.poll(() => page.locator('offline-status').innerText(), { timeout: 30_000, interval: 50 }).toMatch(/Saving for offline use… [2-6]\d\s%/);
  }

  test('the network is cut: the worker serves what it saved, offline the rest says "not saved", and it finishes when the network is back', async ({
    site,
    openPage,
  }) => {
    const server = await siteSwitch(site.build.outDir);
    try {
      const page = await openPage();
      const errors = workerErrors(page.context());
      server.delay = 100;
      await load(page, server.url);
      await halfWay(page);
      await page.context().setOffline(true);
      const footer = page.locator('offline-status');
      await expect.poll(() => footer.getAttribute('data-state'), { timeout: 30_000 }).toBe('incomplete');
      expect(await footer.innerText()).toMatch(/^Partly saved for offline use \(\d+\s%\)/);
      const status = await workerStatus(page);
      expect(status.saved).toBeLessThan(status.total);

      const saved = new Set(await cachedUrls(page, status.cache));
      const seen = await openEach(page, server.url, builtPages(site.build.outDir));
      for (const [path, got] of seen) expect(got, path).toBe(saved.has(path || './') ? 'page' : 'not saved');
      expect([...seen.values()]).toContain('not saved');

      expect([...seen.values()]).toContain('page');
      // Back online on a saved page: the rest, and only the rest, is downloaded, without a reload.
      const open = [...seen].find(([, got]) => got === 'page')![0];
      await load(page, server.url + open);
      server.delay = 0;
      const from = server.requests.length;
      await page.context().setOffline(false);
      await waitUntilSaved(page);
      const again = server.requests.slice(from).map((p) => p.slice(1) || './');
      expect(again.length).toBeGreaterThan(0);
      expect(again.filter((p) => saved.has(p))).toEqual([]);

      await page.context().setOffline(true);
      const after = await openEach(page, server.url, builtPages(site.build.outDir));
      expect([...after.values()].filter((got) => got !== 'page')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);

  test('the browser closes: the next visit finishes the save without downloading again what it had saved', async ({ site }) => {
    const server: SiteSwitch = await siteSwitch(site.build.outDir);
    const profile = mkdtempSync(join(tmpdir(), 'duizhao-profile-'));
    const launch = () => chromium.launchPersistentContext(profile, { executablePath: chromiumPath(), headless: true, args: ARGS, viewport: DESKTOP });
    try {
      let context = await launch();
      let page = context.pages()[0] ?? (await context.newPage());
      server.delay = 100;
      await load(page, server.url);
      await halfWay(page);
      const saved = new Set(await cachedUrls(page, cacheOf(site.build.outDir)));
      await context.close();
      expect(saved.size).toBeGreaterThan(0);

      server.delay = 0;
      context = await launch();
      const downloads: string[] = [];
      // What the worker downloads (the page's own requests and the browser's sw.js are not its).
      context.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (r.serviceWorker() && path !== '/sw.js') downloads.push(path.slice(1) || './');
      });
      page = context.pages()[0] ?? (await context.newPage());
      try {
        await load(page, server.url);
        await waitUntilSaved(page);
        // "Available offline": every file of the list is saved now; what was saved before is not downloaded again.
        expect(downloads.length).toBeGreaterThan(0);
        expect(downloads.filter((p) => saved.has(p))).toEqual([]);
        await context.setOffline(true);
        const seen = await openEach(page, server.url, builtPages(site.build.outDir));
        expect([...seen.values()].filter((got) => got !== 'page')).toEqual([]);
      } finally {
        await context.close();
      }
    } finally {
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
