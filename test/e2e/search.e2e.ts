import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { listDocumentFiles, loadDocument } from '../../src/node/load.ts';
import { isCI, PHONE, siteBuild, siteTest } from './support/fixtures.ts';
import { load, screenshot } from './support/page.ts';
import { searchAll } from '../../src/node/search-probe.ts';

// Search on the site built from the 200-article corpus. Expected rows are computed here from the
// source files by plain text search, never taken from search output.
const test = siteTest('corpus');
const build = siteBuild('corpus');
const skip = build.status === 'absent' && !isCI;
if (skip) console.warn(`\n[e2e] SKIPPING the search tests: ${build.problem}\n`);

const docs = skip ? [] : listDocumentFiles(build.contentDir).map((f) => loadDocument(build.contentDir, f).data);

/** `path#anchor` of every row (and `path#` of every headline) whose text passes `test`. */
function truth(test: (zh: string, en: string) => boolean): string[] {
  const out: string[] = [];
  for (const d of docs) {
    if (test(d.headlineZh.join(' '), d.title)) out.push(`${d.path}#`);
    for (const r of d.rows) {
      const anchor = r.zh[0] ? `p${r.zh[0].n}` : `e${r.en[0]!.e}`;
      if (test(r.zh.map((z) => z.text).join('\n'), r.en.map((e) => e.text).join('\n'))) out.push(`${d.path}#${anchor}`);
    }
  }
  return out.sort();
}
const hasZh = (term: string) => (zh: string) => zh.includes(term);
const hasWord = (...forms: string[]) => {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
  return (_zh: string, en: string) => re.test(en.normalize('NFD').replace(/\p{M}/gu, ''));
};

/** Opens the home page, wakes the search box and runs a query through the page's own search. */
async function searchIn(page: Page, query: string): Promise<string[]> {
  const found = await page.evaluate(searchAll, { query });
  return found.rows.map((r) => `${r.path}#${r.anchor}`).sort();
}

async function openSearch(page: Page, url: string): Promise<void> {
  await load(page, url);
  await page.focus('site-search input[name="q"]');
  await page.waitForFunction(() => !!customElements.get('site-search'));
}

/** Types into the header box and waits until the panel shows results for exactly this text. */
async function typeQuery(page: Page, query: string): Promise<void> {
  await page.fill('site-search input[name="q"]', query);
  await page.waitForFunction((q) => document.querySelector<HTMLElement>('site-search .sr-status')?.dataset.query === q, query);
}

// Chinese and English: every row that contains the query, and (Chinese) nothing else.
const EXACT: [string, (zh: string, en: string) => boolean][] = [
  ['铝', hasZh('铝')],
  ['土地', hasZh('土地')],
  ['社会主义', hasZh('社会主义')],
  ['毛主席', hasZh('毛主席')],
  ['帝国主义', hasZh('帝国主义')],
  ['人民日报', hasZh('人民日报')],
];
const ENGLISH: [string, (zh: string, en: string) => boolean][] = [
  ['aluminum', hasWord('aluminum', 'aluminums')],
  ['ALUMINUM', hasWord('aluminum', 'aluminums')],
  ['mining', hasWord('mine', 'mines', 'mined', 'mining')],
  ['mines', hasWord('mine', 'mines', 'mined', 'mining')],
  ['smelting', hasWord('smelt', 'smelts', 'smelted', 'smelting')],
  ['Soviet', hasWord('soviet', 'soviets')],
  ['imperialism', hasWord('imperialism', 'imperialisms')],
  ['sóviet', hasWord('soviet', 'soviets')],
];
// Pinyin: every row containing the characters (homophones may add more).
const PINYIN: [string, string][] = [
  ['shehuizhuyi', '社会主义'],
  ['she hui zhu yi', '社会主义'],
  ['shèhuì zhǔyì', '社会主义'],
  ['maozhuxi', '毛主席'],
  ['mao zhu x', '毛主席'],
  ['diguozhuyi', '帝国主义'],
  ['renminribao', '人民日报'],
];

describe.skipIf(skip)('search on the corpus site', () => {
  test('loads no search code or index until the box is used', async ({ site, openPage }) => {
    const page = await openPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await load(page, site.url);
    expect(requests.filter((u) => u.includes('search-index/'))).toEqual([]);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await page.waitForFunction(() => customElements.get('site-search'));
    expect(requests.some((u) => /search-index\/site-search\.js/.test(u))).toBe(true);
  });

  test('ships one classic script of search code, without the pinyin dictionary', async ({ site }) => {
    const code = await (await fetch(site.at('search-index/site-search.js'))).text();
    // A budget for the browser side of search: FlexSearch's compact build plus ours.
    expect(code.length).toBeLessThan(64 * 1024);
    expect(code).not.toMatch(/pinyin-pro|@pinyin-pro/);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  test.for(EXACT)('finds every row containing %s, and only those', async ([query, test], { site, openPage }) => {
    const expected = truth(test);
    expect(expected.length, `the corpus should contain ${query}`).toBeGreaterThan(0);
    const page = await openPage();
    await openSearch(page, site.url);
    expect(await searchIn(page, query)).toEqual(expected);
  });

  test('never matches Chinese characters that only occur apart (土地 is not 土…地)', async ({ site, openPage }) => {
    const apart = truth((zh) => /土[^土地]+地/.test(zh) && !zh.includes('土地'));
    expect(apart.length, 'rows with 土…地 apart').toBeGreaterThan(0);
    const page = await openPage();
    await openSearch(page, site.url);
    const found = new Set(await searchIn(page, '土地'));
    expect(apart.filter((r) => found.has(r))).toEqual([]);
  });

  test.for(ENGLISH)('finds every row with %s in any case, accent or inflection', async ([query, test], { site, openPage }) => {
    const expected = truth(test);
    expect(expected.length).toBeGreaterThan(0);
    const page = await openPage();
    await openSearch(page, site.url);
    const found = await searchIn(page, query);
    expect(
      expected.filter((r) => !found.includes(r)),
      'rows missed',
    ).toEqual([]);
    expect(
      found.filter((r) => !expected.includes(r)),
      'rows without the word',
    ).toEqual([]);
  });

  test.for(PINYIN)('finds every row containing the characters of %s (%s)', async ([query, zh], { site, openPage }) => {
    const expected = truth(hasZh(zh));
    expect(expected.length).toBeGreaterThan(0);
    const page = await openPage();
    await openSearch(page, site.url);
    const found = await searchIn(page, query);
    expect(
      expected.filter((r) => !found.includes(r)),
      'rows missed',
    ).toEqual([]);
  });

  test('a mixed query needs both languages in the row', async ({ site, openPage }) => {
    const expected = truth((zh, en) => zh.includes('铝') && /aluminum/i.test(en));
    expect(expected.length).toBeGreaterThan(0);
    const page = await openPage();
    await openSearch(page, site.url);
    expect(await searchIn(page, '铝 aluminum')).toEqual(expected);
  });

  test('a quoted phrase needs its words in order', async ({ site, openPage }) => {
    const expected = truth((_zh, en) => /copper and aluminum/i.test(en));
    expect(expected.length).toBeGreaterThan(0);
    const page = await openPage();
    await openSearch(page, site.url);
    expect(await searchIn(page, '"copper and aluminum"')).toEqual(expected);
  });

  test('shows a glossary term first, by hanzi, pinyin or English', async ({ site, openPage }) => {
    const terms = readdirSync('content/glossary').filter((f) => f.endsWith('.yaml'));
    expect(terms).toContain('tuyangbingju.yaml');
    const page = await openPage();
    await openSearch(page, site.url);
    for (const q of ['土洋并举', 'tuyangbingju', 'tu yang bing ju']) {
      await typeQuery(page, q);
      const first = page.locator('site-search [role="option"]').first();
      expect(await first.getAttribute('class'), q).toBe('sr-term');
      expect(await first.getAttribute('href'), q).toMatch(/\/glossary\/tuyangbingju\/$/);
    }
  });

  test.for([
    ['empty', ''],
    ['punctuation only', '，。！？、；：「」'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['10,000 Chinese characters', '铝'.repeat(10_000)],
    ['hostile markup', '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'],
  ] as const)('answers a %s query without error or injected markup', async ([, query], { site, openPage }) => {
    const page = await openPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openSearch(page, site.url);
    await page.fill('site-search input[name="q"]', query);
    await page.waitForTimeout(400);
    await page.waitForFunction(() => !document.querySelector('site-search .sr-status') || document.querySelector('site-search .sr-status')?.textContent);
    expect(await searchIn(page, query)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('site-search img, site-search script').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('shows results while typing, grouped by document, matches marked in both languages', async ({ site, openPage }) => {
    const page = await openPage();
    await openSearch(page, site.url);
    await typeQuery(page, '铝 aluminum');
    const groups = page.locator('site-search .sr-doc');
    expect(await groups.count()).toBeGreaterThan(0);
    const row = page.locator('site-search .sr-row').first();
    expect(await row.locator('.sr-zh mark').first().textContent()).toBe('铝');
    expect((await row.locator('.sr-en mark').first().textContent())?.toLowerCase()).toBe('aluminum');
    expect(await row.getAttribute('href')).toMatch(/\?q=%E9%93%9D(\+|%20)aluminum#p\d+$/);
    await screenshot(page, 'search-box-1280');
  });

  test('↓ and Enter open a row: scrolled to, highlighted, the query marked in it; Esc clears', async ({ site, openPage }) => {
    const page = await openPage();
    await openSearch(page, site.url);
    await typeQuery(page, 'smelting');
    await page.keyboard.press('ArrowDown');
    const active = page.locator('site-search [role="option"][aria-selected="true"]');
    expect(await active.count()).toBe(1);
    const href = (await active.getAttribute('href'))!;
    await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')]);
    const anchor = new URL(href).hash.slice(1);
    expect(anchor).toMatch(/^p\d+$|^e\d+$|^$/);
    if (anchor) {
      await page.waitForSelector(`#${anchor} mark.search-mark`);
      expect(await page.evaluate((id) => document.querySelector(`#${id}`)!.matches(':target'), anchor)).toBe(true);
      const box = await page.locator(`#${anchor}`).boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(-1);
      expect(box!.y).toBeLessThan(800);
      expect((await page.locator(`#${anchor} mark.search-mark`).first().textContent())?.toLowerCase()).toMatch(/^smelt/);
    }
    await page.focus('site-search input[name="q"]');
    await page.keyboard.press('Escape');
    expect(await page.inputValue('site-search input[name="q"]')).toBe('');
    expect(await page.locator('mark.search-mark').count()).toBe(0);
  });

  test('the search page carries the query in its URL and shows the same results', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('search/?q=%E7%A4%BE%E4%BC%9A%E4%B8%BB%E4%B9%89'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sr-status')?.dataset.query === '社会主义');
    const expectedDocs = new Set(truth(hasZh('社会主义')).map((r) => r.split('#')[0]));
    expect(await page.locator('.sr-doc').count()).toBe(Math.min(20, expectedDocs.size));
    await page.fill('#search-page-q', 'aluminum');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'aluminum');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sr-status')?.dataset.query === 'aluminum');
    expect(await page.locator('.sr-row mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'search-page-1280');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'search-page-375');
  });

  test('the header box shows the newest documents first, and "More results" adds more until none are left', async ({ site, openPage }) => {
    const expectedDocs = new Set(truth(hasZh('毛主席')).map((r) => r.split('#')[0]));
    expect(expectedDocs.size).toBeGreaterThan(12);
    const page = await openPage();
    await openSearch(page, site.url);
    await typeQuery(page, '毛主席');
    const groups = page.locator('site-search .sr-doc');
    expect(await groups.count()).toBe(6);
    const more = page.locator('site-search .sr-more-results');
    for (let shown = 6; (await more.count()) > 0;) {
      await more.click();
      await expect.poll(() => groups.count()).toBeGreaterThan(shown);
      shown = await groups.count();
    }
    const dates = await page.locator('site-search .sr-doc-head time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    const paths = await page.locator('site-search .sr-doc-head').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice(1)));
    expect(new Set(paths)).toEqual(expectedDocs);
    expect(await page.locator('site-search .sr-status').textContent()).not.toMatch(/so far/);
    expect(await page.locator('site-search .sr-all').getAttribute('href')).toMatch(/\/search\/\?q=%E6%AF%9B%E4%B8%BB%E5%B8%AD$/);
  });

  test('the search page keeps years and a page in its URL and finds every document of them', async ({ site, openPage }) => {
    const inFilter = (path: string) => {
      const d = docs.find((x) => x.path === path)!;
      return d.date >= '1949' && d.date < '1955' && d.page === 1;
    };
    const expectedDocs = new Set(
      truth(hasZh('毛主席'))
        .map((r) => r.split('#')[0]!)
        .filter(inFilter),
    );
    expect(expectedDocs.size).toBeGreaterThan(1);
    const page = await openPage();
    await load(page, site.at('search/?q=%E6%AF%9B%E4%B8%BB%E5%B8%AD&from=1949&to=1954&page=1'));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sr-status')?.dataset.query === '毛主席');
    expect(await page.inputValue('input[name="from"]')).toBe('1949');
    expect(await page.inputValue('input[name="to"]')).toBe('1954');
    expect(await page.inputValue('select[name="page"]')).toBe('1');
    expect(await page.locator('.sr-status').textContent()).toMatch(/1949–1954, page 1/);
    const more = page.locator('.sr-more-results');
    while ((await more.count()) > 0) {
      const before = await page.locator('.sr-doc').count();
      await more.click();
      await expect.poll(async () => (await page.locator('.sr-doc').count()) > before || (await more.count()) === 0).toBe(true);
    }
    const paths = await page.locator('.sr-doc-head').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice(1)));
    expect(new Set(paths)).toEqual(expectedDocs);
    expect(await page.locator('.sr-doc-head .sr-page').allTextContents()).toEqual(paths.map(() => 'p. 1'));
    await screenshot(page, 'search-filters-1280');
    await page.selectOption('select[name="page"]', '');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('page'));
    expect(new URL(page.url()).searchParams.get('from')).toBe('1949');
    await page.waitForFunction(() => !/page 1/.test(document.querySelector('.sr-status')?.textContent ?? ''));
    expect(await page.locator('.sr-doc').count()).toBeGreaterThan(expectedDocs.size);
  });

  test('without JavaScript the form goes to the search page, which says search needs it', async ({ site, browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.fill('site-search input[name="q"]', '铝');
    await Promise.all([page.waitForURL(/\/search\/\?q=%E9%93%9D$/), page.press('site-search input[name="q"]', 'Enter')]);
    expect(await page.locator('.search-noscript').textContent()).toMatch(/needs JavaScript/);
    await context.close();
  });

  test('the search box is on every kind of page, and works on a phone', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    for (const path of ['', docs[0]!.path, 'glossary/']) {
      await load(page, site.at(path));
      expect(await page.locator('header site-search input[name="q"]').count(), path || 'home').toBe(1);
    }
    await page.focus('site-search input[name="q"]');
    await typeQuery(page, 'maozhuxi');
    const panel = await page.locator('site-search [data-panel]').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(PHONE.width + 1);
    await screenshot(page, 'search-box-375');
  });
});
