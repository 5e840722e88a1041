import { describe, expect, it } from 'vitest';
import { offlineManifests, pageUrl, planPrecache, type BuiltFile } from '../../src/lib/offline/plan.ts';

const KB = 1024;
const site: BuiltFile[] = [
  { path: 'index.html', bytes: 2 * KB },
  { path: '_astro/Base.css', bytes: 10 * KB },
  { path: '_astro/page.js', bytes: 5 * KB },
  { path: 'favicon.svg', bytes: 1 * KB },
  { path: 'glossary/index.html', bytes: 9 * KB },
  { path: 'glossary/lv/index.html', bytes: 20 * KB },
  { path: 'search/index.html', bytes: 4 * KB },
  { path: 'search-index/meta.js', bytes: 3 * KB },
  { path: 'search-index/site-search.js', bytes: 30 * KB },
  { path: 'search-index/zh-1.js', bytes: 50 * KB },
  { path: '1958-09-25/p1/a/index.html', bytes: 100 * KB },
  { path: '1960-01-01/p2/b/index.html', bytes: 100 * KB },
  { path: 'sw.js', bytes: 3 * KB },
];

describe('planPrecache', () => {
  it('saves everything but the worker itself when the site fits the budget', () => {
    const plan = planPrecache(site, 1024 * KB);
    expect(plan.urls).toHaveLength(site.length - 1);
    expect(plan.urls).not.toContain('sw.js');
    expect(plan.deferred).toEqual({ files: 0, bytes: 0, pages: 0 });
  });

  it('orders assets, other pages, the search entry files, documents newest first, then index shards', () => {
    expect(planPrecache(site, 1024 * KB).urls).toEqual([
      '_astro/Base.css',
      '_astro/page.js',
      'favicon.svg',
      './',
      'glossary/',
      'glossary/lv/',
      'search/',
      'search-index/meta.js',
      'search-index/site-search.js',
      '1960-01-01/p2/b/',
      '1958-09-25/p1/a/',
      'search-index/zh-1.js',
    ]);
  });

  it('saves a document’s word data with its page, never in the shell', () => {
    const withWords = [...site, { path: '1958-09-25/p1/a/words.js', bytes: 20 * KB }];
    const urls = planPrecache(withWords, 1024 * KB).urls;
    expect(Math.abs(urls.indexOf('1958-09-25/p1/a/words.js') - urls.indexOf('1958-09-25/p1/a/')), 'beside its page').toBe(1);
    expect(planPrecache(withWords, 200 * KB).urls).not.toContain('1958-09-25/p1/a/words.js');
  });

  it('saves a glossary note with the glossary’s pages, after the first page, never among the assets that draw a page', () => {
    const withNote = [...site, { path: 'glossary/lv/note.js', bytes: 1 * KB }];
    const urls = planPrecache(withNote, 1024 * KB).urls;
    expect(urls.indexOf('glossary/lv/note.js'), 'beside its entry').toBe(urls.indexOf('glossary/lv/') + 1);
    expect(urls.indexOf('glossary/lv/note.js')).toBeGreaterThan(urls.indexOf('./'));
    expect(planPrecache(withNote, 200 * KB).urls, 'in the shell of a large site').toContain('glossary/lv/note.js');
  });

  it('saves only the shell of a site past the budget, leaving documents to first use or to the reader’s saves', () => {
    const plan = planPrecache(site, 200 * KB);
    expect(plan.urls.at(-1)).toBe('search-index/site-search.js');
    expect(plan.deferred).toEqual({ files: 3, bytes: 250 * KB, pages: 2 });
    expect(plan.bytes).toBeLessThanOrEqual(200 * KB);
  });

  it('always saves the assets and non-document pages, and says when they alone pass the budget', () => {
    const plan = planPrecache(site, 10 * KB);
    expect(plan.urls).toContain('glossary/lv/');
    expect(plan.urls).not.toContain('search-index/meta.js');
    expect(plan.overBudget).toBe(true);
  });
});

describe('pageUrl', () => {
  it('requests a page by its folder, as it is linked', () => {
    expect(pageUrl('index.html')).toBe('./');
    expect(pageUrl('glossary/lv/index.html')).toBe('glossary/lv/');
    expect(pageUrl('_astro/a.js')).toBe('_astro/a.js');
  });
});

describe('offlineManifests', () => {
  it('lists each month’s day and article pages with their size, by year, the year’s headlines and the site’s assets apart', () => {
    const manifests = offlineManifests([
      ...site,
      { path: '1958-09-25/index.html', bytes: 4 * KB },
      { path: '1958-10-01/index.html', bytes: 3 * KB },
      { path: '1958-10-01/p1/c/index.html', bytes: 50 * KB },
      { path: '1958/index.html', bytes: 9 * KB },
      { path: '1958/headlines.js', bytes: 7 * KB },
    ]);
    expect(manifests).toEqual([
      {
        year: '1958',
        extra: { urls: ['1958/headlines.js'], bytes: 7 * KB },
        assets: { urls: ['_astro/Base.css', '_astro/page.js'], bytes: 15 * KB },
        months: [
          { name: '1958-09', articles: 1, bytes: 104 * KB, urls: ['1958-09-25/', '1958-09-25/p1/a/'] },
          { name: '1958-10', articles: 1, bytes: 53 * KB, urls: ['1958-10-01/', '1958-10-01/p1/c/'] },
        ],
      },
      {
        year: '1960',
        extra: { urls: [], bytes: 0 },
        assets: { urls: ['_astro/Base.css', '_astro/page.js'], bytes: 15 * KB },
        months: [{ name: '1960-01', articles: 1, bytes: 100 * KB, urls: ['1960-01-01/p2/b/'] }],
      },
    ]);
  });
});
