import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { PHONE, siteBuild, siteTest } from './support/fixtures.ts';
import { load, screenshot } from './support/page.ts';
import { builtFiles, builtPages } from './support/offline.ts';
import { serveStatic } from '../../src/node/serve.ts';
import { openFirstDocument } from './support/archive.ts';

// The portable build (`npm run build:portable`), opened straight from the file system as from a
// USB stick: no server, file:// URLs, where Chromium refuses module scripts and fetch().
const test = siteTest('portable');
const DOC = '1958-09-25/p1/copper-and-aluminum/';

function fileUrl(path = ''): string {
  const build = siteBuild('portable');
  if (build.status === 'failed' || build.status === 'absent') throw new Error(build.problem);
  return pathToFileURL(join(build.outDir, path, 'index.html')).href;
}

/** Page errors and failed requests, which on file:// are the signs of a module script or a fetch. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  // ERR_ABORTED is a load cut short by leaving the page (the favicon, typically): not a fault.
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return problems;
}

describe('the portable build from file://', () => {
  test('opens the home page and a document from index.html files, saying it needs no network', async ({ openPage }) => {
    const page = await openPage();
    const problems = watch(page);
    await load(page, fileUrl());
    expect(await page.locator('ol.year-list > li').count()).toBe(1);
    expect(await page.locator('offline-status').getAttribute('data-state')).toBe('file');
    expect(await page.locator('offline-status').innerText()).toContain('no network needed');

    await openFirstDocument(page);
    await page.waitForURL(fileUrl(DOC));
    expect(await page.locator('.rows .row').count()).toBeGreaterThan(10);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.site-head')!).display)).toBe('flex');
    await page.locator('.site-nav a', { hasText: 'Glossary' }).click();
    await page.waitForURL(fileUrl('glossary/'));
    await page.locator('.brand').click();
    await page.waitForURL(fileUrl());
    expect(problems).toEqual([]);
  });

  test('opens a glossary popover, switches layouts and pinyin, and remembers them across pages', async ({ openPage }) => {
    const page = await openPage();
    const problems = watch(page);
    await load(page, fileUrl(DOC));
    await page.locator('a.term[data-term^="g-"]').first().click();
    const pop = page.locator('.term-pop:popover-open');
    await expect.poll(() => pop.count()).toBe(1);
    await screenshot(page, 'portable-popover-1280');
    await pop.locator('.tp-actions a').click();
    await page.waitForURL(/\/glossary\/[a-z]+\/index\.html$/);
    await page.goBack();

    await page.locator('.pinyin-switch').click();
    await page.locator('label:has(> input[value="interleaved"])').click();
    expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe('interleaved');
    // The pinyin is the page's pinyin.js, a classic script: it loads from file:// too.
    const ruby = page.locator('.rows rt').first();
    await expect.poll(() => ruby.isVisible()).toBe(true);
    await load(page, fileUrl(DOC));
    expect(await page.evaluate(() => [document.documentElement.dataset.layout, document.documentElement.dataset.pinyin])).toEqual(['interleaved', 'on']);
    // On at load, the page waited for its pinyin: it is there at the load event.
    expect(await page.evaluate(() => document.documentElement.dataset.ruby)).toBe('on');
    expect(await ruby.isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  test('searches from the header box and opens the result in the document', async ({ openPage }) => {
    const page = await openPage({ viewport: PHONE });
    const problems = watch(page);
    await load(page, fileUrl());
    await page.locator('#site-search-q').fill('tuyangbingju');
    const row = page.locator('.search-results a.sr-row').first();
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await screenshot(page, 'portable-search-375');
    await row.click();
    await page.waitForURL((url) => url.protocol === 'file:' && url.pathname.endsWith(`${DOC}index.html`));
    expect(await page.locator('.rows .row').count()).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  test('has no module script, no root-relative URL, and every local link names an existing file', () => {
    const dir = siteBuild('portable').outDir;
    const wrong: string[] = [];
    for (const file of builtFiles(dir).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(dir, file), 'utf8');
      if (/<script\b[^>]*type=["']module/.test(html)) wrong.push(`${file}: module script`);
      for (const m of html.matchAll(/\s(href|src|action|data-src|data-base|data-sw|data-scope)=["']([^"']*)["']/g)) {
        const url = m[2]!;
        if (url.startsWith('/')) wrong.push(`${file}: ${m[1]}=${url}`);
        if (url.startsWith('#') || m[1] === 'data-base' || m[1] === 'data-scope' || /^[a-z]+:/.test(url)) continue;
        const target = join(dir, dirname(file), url.replace(/[?#].*$/, ''));
        if (!existsSync(target) || !statSync(target).isFile()) wrong.push(`${file}: ${m[1]}=${url} → no such file`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('also works served over http from any path', async ({ openPage }) => {
    const server = await serveStatic({ root: siteBuild('portable').outDir, base: '/usb/duizhao-copy/' });
    try {
      const page = await openPage({ serviceWorkers: 'block' });
      const bad: string[] = [];
      page.on('response', (r) => r.status() !== 200 && bad.push(`${r.status()} ${r.url()}`));
      for (const path of builtPages(siteBuild('portable').outDir).filter((p) => !p.startsWith('glossary/') || p === 'glossary/')) {
        await load(page, new URL(`${path}index.html`, server.url).href);
      }
      await load(page, new URL('index.html', server.url).href);
      await page.locator('#site-search-q').fill('铝');
      await expect.poll(() => page.locator('.search-results a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(bad).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
