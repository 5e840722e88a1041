import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'playwright-core';
import { describe, expect } from 'vitest';
import { siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';
import { builtFiles } from './support/offline.ts';
import { openFirstDocument } from './support/archive.ts';

// The seed built with BASE=/reader/ and served only there: anything that forgot the base 404s.
const test = siteTest('reader');
const DOC = '1958-09-25/p1/copper-and-aluminum/';

describe('the site built for /reader/', () => {
  test('walks home → document → glossary → term page with every response 200 and under /reader/', async ({ site, openPage }) => {
    // Without the service worker every response comes from the server, so each one is checked.
    const page = await openPage({ serviceWorkers: 'block' });
    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));

    await load(page, site.url);
    await openFirstDocument(page);
    await page.waitForURL(site.at(DOC));
    await page.locator('.site-nav a', { hasText: 'Glossary' }).click();
    await page.waitForURL(site.at('glossary/'));
    await page.locator('.glossary-list a').first().click();
    await page.waitForURL(/\/reader\/glossary\/[a-z]+\/$/);
    await page.locator('.brand').click();
    await page.waitForURL(site.url);

    const seen = responses.map((r) => `${r.status()} ${new URL(r.url()).pathname}`);
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.filter((s) => !s.startsWith('200 '))).toEqual([]);
    expect(seen.filter((s) => !s.slice(4).startsWith('/reader/'))).toEqual([]);
  });

  test('a glossary popover, its entry link and a search result lead to pages under /reader/', async ({ site, openPage }) => {
    const page = await openPage({ serviceWorkers: 'block' });
    await load(page, site.at(DOC));
    await page.locator('a.term[data-term^="g-"]').first().click();
    const entry = page.locator('.term-pop:popover-open .tp-actions a');
    const href = await entry.getAttribute('href');
    expect(href).toMatch(/^\/reader\/glossary\/[a-z]+\/$/);
    expect((await page.goto(new URL(href!, page.url()).href))?.status()).toBe(200);

    await load(page, site.at('search/?q=%E9%93%9D'));
    const result = page.locator('.search-results a.sr-row').first();
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    const target = new URL((await result.getAttribute('href'))!, page.url());
    expect(target.pathname).toBe(`/reader/${DOC}`);
    expect((await page.goto(target.href))?.status()).toBe(200);
  });

  test('registers its service worker for /reader/ only', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(site.url);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL)).toBe(site.at('sw.js'));
  });

  test('carries /reader/ in every root-relative URL of every page and stylesheet', async ({ site }) => {
    const dir = site.build.outDir;
    const wrong: string[] = [];
    for (const file of builtFiles(dir).filter((f) => /\.(html|css)$/.test(f))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/\s([\w:-]+)=["'](\/[^"']*)["']|url\(["']?(\/[^"')]*)/g)) {
        const url = m[2] ?? m[3]!;
        if (!url.startsWith('/reader/')) wrong.push(`${file}: ${m[1] ?? 'url'}=${url}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
