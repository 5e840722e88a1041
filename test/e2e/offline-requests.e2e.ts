import { existsSync } from 'node:fs';
import type { Request } from 'playwright-core';
import { describe, expect } from 'vitest';
import { siteBuild, siteTest } from './support/fixtures.ts';
import { load, settle } from './support/page.ts';
import { foreignUrls, foreignUrlsIn } from './support/offline.ts';
import type { SiteName } from './support/sites.ts';

// A classroom may have no internet at all: nothing may ever be asked of another origin.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';

describe('requests while reading', () => {
  test('browsing home, a document, the glossary and a search asks nothing of any other origin', async ({ site, openPage }) => {
    const page = await openPage();
    const requests: Request[] = [];
    // Context-wide, so the service worker's own downloads are recorded too.
    page.context().on('request', (r) => requests.push(r));

    await load(page, site.url);
    await load(page, site.at(DOC));
    await page.locator('a.term[data-term^="g-"]').first().click();
    await expect.poll(() => page.locator('.term-pop:popover-open').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('.pinyin-switch').click();
    for (const layout of ['interleaved', 'zh', 'en', 'side']) await page.locator(`label:has(> input[value="${layout}"])`).click();
    await settle(page);

    await load(page, site.at('glossary/'));
    await page.locator('.glossary-list a').first().click();
    await page.waitForLoadState('load');

    // The search box in the header: typing loads the search code and the index shards it needs.
    await page.locator('#site-search-q').fill('铝 aluminum');
    await expect.poll(() => page.locator('.search-results a').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await load(page, site.at('search/?q=tuyangbingju'));
    await expect.poll(() => page.locator('.search-results a').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    const origin = new URL(site.url).origin;
    const urls = requests.map((r) => r.url());
    expect(urls.some((u) => u.includes('/search-index/'))).toBe(true);
    expect(urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)).toEqual([]);
  });
});

describe('the built files', () => {
  test('name no other origin in any src, href, url() or script, in any e2e build', () => {
    const checked: SiteName[] = [];
    const found: string[] = [];
    for (const name of ['seed', 'reader', 'portable', 'fixtures', 'corpus'] as const) {
      const build = siteBuild(name);
      if (build.status === 'absent' || build.status === 'failed' || !existsSync(build.outDir)) continue;
      checked.push(name);
      found.push(...foreignUrlsIn(build.outDir).map((f) => `${name}/${f}`));
    }
    expect(checked).toContain('seed');
    expect(found).toEqual([]);
  });

  test('the check itself catches a CDN script, a web font, a remote image and a fetch', () => {
    expect(foreignUrls('a.html', '<script src="https://cdn.example/x.js"></script><img src="//img.example/a.png">')).toHaveLength(2);
    expect(foreignUrls('a.css', '@import "https://fonts.example/css"; a { background: url(https://x.example/b.png) }')).toHaveLength(2);
    expect(foreignUrls('a.js', 'fetch(`https://stats.example/hit`)')).toHaveLength(1);
    expect(foreignUrls('a.svg', '<svg xmlns="http://www.w3.org/2000/svg"><image href="/local.png"/></svg>')).toEqual([]);
  });
});
