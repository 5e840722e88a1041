import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { listDocumentFiles, loadDocument } from '../../src/node/load.ts';
import { sortDocuments } from '../../src/lib/archive/order.ts';
import { archiveDocuments } from './support/archive.ts';
import { isCI, PHONE, siteBuild, siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// Browsing a generated archive of 3,000 documents (1950–1953) as a reader does: year → month →
// day → article and back, with the mouse, the arrow keys and swipes (issue 10).
const test = siteTest('archive');
const build = siteBuild('archive');
const skip = build.status === 'absent' && !isCI;
if (skip) console.warn(`\n[e2e] SKIPPING the archive tests: ${build.problem}\n`);

/** The documents of the generated archive, read from their files as the loader reads them. */
const sources = skip
  ? []
  : (() => {
      const taken = new Map<string, string>();
      return listDocumentFiles(build.contentDir).map((f) => loadDocument(build.contentDir, f, taken).data);
    })();

const path = (page: Page) => new URL(page.url()).pathname + new URL(page.url()).hash;

/** The busiest day of 1951 and its articles in reading order. */
function busiestDay(year: string) {
  const byDay = new Map<string, typeof sources>();
  for (const d of sources.filter((d) => d.date.startsWith(year))) byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
  const [date, articles] = [...byDay.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
  return [date, sortDocuments(articles)] as const;
}

describe.skipIf(skip)('the archive by date', () => {
  test('lists its years with counts that add up to every document, and no article on the home page', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    const cards = await page.locator('ol.year-list a.year-card').evaluateAll((as) =>
      as.map((a) => ({
        year: a.querySelector('.year-name')!.textContent!.replace('年', ''),
        count: Number(a.querySelector('.year-count')!.textContent!.replace(/\D/g, '')),
      })),
    );
    const years = [...new Set(sources.map((d) => d.date.slice(0, 4)))].sort();
    expect(cards.map((c) => c.year)).toEqual(years);
    for (const c of cards) expect(c.count, c.year).toBe(sources.filter((d) => d.date.startsWith(c.year)).length);
    expect(cards.reduce((n, c) => n + c.count, 0)).toBe(3000);
    expect(await page.locator('.doc-item').count()).toBe(0);
  });

  test('reaches every document exactly once through the year and day pages', async ({ site, openPage }) => {
    const listed = await archiveDocuments(await openPage(), site.url);
    expect(listed).toHaveLength(sources.length);
    const want = new Set(sources.map((d) => site.at(d.path)));
    expect(new Set(listed.map((d) => d.href))).toEqual(want);
  });

  test('goes year → month → day → article and back with the mouse', async ({ site, openPage }) => {
    const [date, articles] = busiestDay('1951');
    const page = await openPage();
    await load(page, site.url);
    await Promise.all([page.waitForURL(site.at('1951/')), page.locator('a.year-card', { hasText: '1951' }).click()]);
    const month = page.locator(`#m-${date.slice(0, 7)}`);
    expect(await month.locator('h2').innerText()).toContain(`${Number(date.slice(5, 7))}月`);
    const cell = month.locator(`td.has a[href$="/${date}/"]`);
    expect(await cell.locator('.n').innerText()).toBe(String(articles.length));

    await Promise.all([page.waitForURL(site.at(`${date}/`)), cell.click()]);
    const sections = await page.locator('section.issue-page').evaluateAll((ss) => ss.map((s) => Number((s as HTMLElement).dataset.page)));
    expect(sections).toEqual([...new Set(articles.map((a) => a.page))].sort((a, b) => a - b));
    const listed = await page.locator('section.issue-page li.doc-item a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(listed).toEqual(articles.map((a) => `/${a.path}`));
    const titles = await page.locator('section.issue-page li.doc-item .doc-en').allInnerTexts();
    expect(titles).toEqual(articles.map((a) => a.title));

    const target = articles[1]!;
    await Promise.all([page.waitForURL(site.at(target.path)), page.locator(`li.doc-item a[href$="/${target.path}"]`).click()]);
    expect(await page.locator('.rows .row').count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(site.at(`${date}/#page-${target.page}`)), page.locator('.doc-nav a.day-link').click()]);
    expect(await page.locator('section.issue-page:not([hidden])').evaluateAll((ss) => ss.map((s) => (s as HTMLElement).dataset.page))).toEqual([
      String(target.page),
    ]);
    await Promise.all([page.waitForURL(site.at(`1951/#m-${date.slice(0, 7)}`)), page.locator('.crumbs a', { hasText: '1951' }).click()]);
    await Promise.all([page.waitForURL(site.url), page.locator('.crumbs a', { hasText: 'All years' }).click()]);
  });

  test('steps through the articles of a day and on to the next day with ← and →', async ({ site, openPage }) => {
    const [date, articles] = busiestDay('1952');
    const all = sources.map((d) => d.path).sort();
    const page = await openPage();
    await load(page, site.at(articles[0]!.path));
    for (const a of articles.slice(1)) {
      await Promise.all([page.waitForURL(site.at(a.path)), page.keyboard.press('ArrowRight')]);
    }
    // Past the last article of the day: the first of the next day that has articles.
    const last = articles.at(-1)!;
    const nextDay = sortDocuments(sources.filter((d) => d.date > date))[0]!;
    await Promise.all([page.waitForURL(site.at(nextDay.path)), page.keyboard.press('ArrowRight')]);
    await Promise.all([page.waitForURL(site.at(last.path)), page.keyboard.press('ArrowLeft')]);
    expect(all).toContain(last.path);
  });

  test('leaves ← and → to the search box and the sentence keys', async ({ site, openPage }) => {
    const [, articles] = busiestDay('1952');
    const page = await openPage();
    await load(page, site.at(articles[1]!.path));
    await page.locator('site-search input').first().fill('铝');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(site.at(articles[1]!.path));
    await page.locator('#p1 a.pn').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(`/${articles[1]!.path}`);
  });

  test('steps through days on a day page and months, then years, on a year page', async ({ site, openPage }) => {
    const dates = [...new Set(sources.map((d) => d.date))].sort();
    const page = await openPage();
    await load(page, site.at(`${dates[1]}/`));
    await Promise.all([page.waitForURL(site.at(`${dates[2]}/`)), page.keyboard.press('ArrowRight')]);
    await Promise.all([page.waitForURL(site.at(`${dates[1]}/`)), page.keyboard.press('ArrowLeft')]);
    await Promise.all([page.waitForURL(site.at(`${dates[0]}/`)), page.keyboard.press('ArrowLeft')]);

    const year = '1950';
    const months = [...new Set(sources.filter((d) => d.date.startsWith(year)).map((d) => d.date.slice(0, 7)))].sort();
    await load(page, site.at(`${year}/`));
    for (const m of months) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => path(page)).toBe(`/${year}/#m-${m}`);
      expect(await page.evaluate(() => document.activeElement?.closest('section')?.id)).toBe(`m-${m}`);
    }
    await Promise.all([page.waitForURL(site.at('1951/')), page.keyboard.press('ArrowRight')]);
    // Back from a year's start: the previous year, at its last month, then its month before.
    await Promise.all([page.waitForURL(site.at(`${year}/#m-${months.at(-1)}`)), page.keyboard.press('ArrowLeft')]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => path(page)).toBe(`/${year}/#m-${months.at(-2)}`);
  });

  test('turns to the next article with a leftward swipe on a phone', async ({ site, openPage }) => {
    const [, articles] = busiestDay('1953');
    const page = await openPage({ viewport: PHONE, hasTouch: true, isMobile: true });
    await load(page, site.at(articles[0]!.path));
    const cdp = await page.context().newCDPSession(page);
    const swipe = async (from: number, to: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y: 400 }] });
      for (let k = 1; k <= 5; k++)
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from + ((to - from) * k) / 5, y: 402 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await Promise.all([page.waitForURL(site.at(articles[1]!.path)), swipe(300, 60)]);
    await Promise.all([page.waitForURL(site.at(articles[0]!.path)), swipe(60, 300)]);
  });

  test('shows one page (版) of a day at a time from the page chips, and all again', async ({ site, openPage }) => {
    const [date, articles] = busiestDay('1950');
    const pages = [...new Set(articles.map((a) => a.page))].sort((a, b) => a - b);
    const page = await openPage();
    await load(page, site.at(`${date}/`));
    const visible = () => page.locator('section.issue-page:not([hidden])').evaluateAll((ss) => ss.map((s) => Number((s as HTMLElement).dataset.page)));
    expect(await visible()).toEqual(pages);
    const p = pages.at(-1)!;
    await page.locator(`.page-chips a[data-page="${p}"]`).click();
    expect(await visible()).toEqual([p]);
    expect(path(page)).toBe(`/${date}/#page-${p}`);
    expect(await page.locator('section.issue-page:not([hidden]) li.doc-item').count()).toBe(articles.filter((a) => a.page === p).length);
    await page.locator('.page-chips a', { hasText: 'All' }).click();
    expect(await visible()).toEqual(pages);
    await load(page, site.at(`${date}/#page-${pages[0]}`));
    expect(await visible()).toEqual([pages[0]]);
  });

  test('finds words in the headlines of a year, in Chinese and in English, and only that year', async ({ site, openPage }) => {
    const year = '1951';
    const ofYear = sources.filter((d) => d.date.startsWith(year));
    const page = await openPage();
    await load(page, site.at(`${year}/`));
    for (const query of ['人民', 'chairman']) {
      const want = ofYear.filter((d) => d.headlineZh.join(' ').includes(query) || d.title.toLowerCase().includes(query)).map((d) => `/${d.path}`);
      expect(want.length, `headlines of ${year} with ${query}`).toBeGreaterThan(0);
      await page.locator('year-filter input').fill(query);
      await expect.poll(() => page.locator('.year-filter-status').innerText()).toContain(`of ${ofYear.length} articles`);
      const got = await page.locator('.year-filter-results a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(got.sort()).toEqual(want.slice(0, 200).sort());
    }
    await page.locator('year-filter input').fill('铝土洋并举不存在');
    await expect.poll(() => page.locator('.year-filter-status').innerText()).toContain('No headline of 1951');
  });

  test('gives documents that would share a URL one each, and the build says which', async ({ site }) => {
    const log = readFileSync(join(RESULTS_DIR, 'build-archive.log'), 'utf8');
    const moved = sources.filter((d) => /-\d+\/$/.test(d.path) && sources.some((o) => o.path === d.path.replace(/-\d+\/$/, '/')));
    expect(moved.length).toBeGreaterThan(0);
    expect(log).toContain('would share a URL with another');
    for (const d of moved) {
      expect(log).toContain(`so this one is at /${d.path}`);
      expect((await fetch(site.at(d.path))).status).toBe(200);
      expect((await fetch(site.at(d.path.replace(/-\d+\/$/, '/')))).status).toBe(200);
    }
  });
});

describe.skipIf(skip)('saving a month of the archive for offline reading', () => {
  test('shows the size first, saves with progress, reads it with the network off, and removes it', async ({ site, openPage }) => {
    const month = '1950-03';
    const ofMonth = sortDocuments(sources.filter((d) => d.date.startsWith(month)));
    const elsewhere = sortDocuments(sources.filter((d) => d.date.startsWith('1950-05')))[0]!;
    const page = await openPage();
    await load(page, site.at('1950/'));
    const footer = page.locator('offline-status');
    // 3,000 documents are past the 40 MB budget: the worker saves the shell, not the documents.
    await expect.poll(() => footer.getAttribute('data-state'), { timeout: 45_000 }).toBe('partial');
    expect(await footer.innerText()).toContain('save a month or a year');

    const panel = page.locator('offline-save');
    await panel.locator('summary').click();
    const option = panel.locator(`option[value="${month}"]`);
    await expect.poll(() => option.count()).toBe(1);
    expect(await option.innerText()).toMatch(new RegExp(`^March 1950 — ${ofMonth.length} articles, \\d+\\.\\d MB$`));
    expect(await panel.locator('option[value="1950"]').innerText()).toMatch(/^All of 1950 — [\d,]+ articles/);
    await panel.locator('select').selectOption(month);
    const progress: number[] = [];
    await page.exposeFunction('__progress', (v: number) => progress.push(v));
    await page.evaluate(() =>
      new MutationObserver(() =>
        (window as unknown as { __progress(v: number): void }).__progress(
          document.querySelector('offline-save progress')!.getAttribute('value') === null
            ? -1
            : (document.querySelector('offline-save progress') as HTMLProgressElement).value,
        ),
      ).observe(document.querySelector('offline-save .save-status')!, { childList: true, characterData: true, subtree: true }),
    );
    await panel.locator('button[data-act="save"]').click();
    await expect.poll(() => panel.locator('.save-status').innerText(), { timeout: 60_000 }).toContain('Saved');
    expect(
      progress.some((v) => v > 0 && v < 1),
      `progress went through ${progress.join(', ')}`,
    ).toBe(true);
    expect(await panel.locator('.saved-list li').allInnerTexts()).toEqual([expect.stringContaining(`March 1950 — ${ofMonth.length} articles`)]);
    await expect.poll(() => footer.innerText()).toContain(`saved here: March 1950 (${ofMonth.length} articles)`);

    await page.context().setOffline(true);
    for (const d of [ofMonth[0]!, ofMonth.at(-1)!]) {
      const response = await page.goto(site.at(d.path), { waitUntil: 'load' });
      expect(response?.status(), d.path).toBe(200);
      expect(await page.locator('.rows .row').count()).toBeGreaterThan(0);
    }
    const day = await page.goto(site.at(`${ofMonth[0]!.date}/`), { waitUntil: 'load' });
    expect(day?.status()).toBe(200);
    const other = await page.goto(site.at(elsewhere.path), { waitUntil: 'load' });
    expect(other?.status()).toBe(503);
    expect(await page.locator('h1').innerText()).toBe('This page is not saved on this device');

    await page.context().setOffline(false);
    await load(page, site.at('1950/'));
    await page.locator('offline-save summary').click();
    await expect.poll(() => page.locator('offline-save .saved-list li').count()).toBe(1);
    await page.locator('offline-save .saved-list button[data-remove="1950-03"]').click();
    await expect.poll(() => page.locator('offline-save .saved-list li').count()).toBe(0);
    await page.context().setOffline(true);
    const removed = await page.goto(site.at(ofMonth[1]!.path), { waitUntil: 'load' });
    expect(removed?.status()).toBe(503);
  });
});

describe.skipIf(skip)('searching the archive of 3,000 documents', () => {
  test('finds 人民 within the year asked for, newest first, and every such document through "More results"', async ({ site, openPage }) => {
    const has = (d: (typeof sources)[number]) => d.headlineZh.join('').includes('人民') || d.rows.some((r) => r.zh.some((z) => z.text.includes('人民')));
    const want = sources.filter((d) => d.date.startsWith('1951') && has(d));
    expect(want.length, 'documents of 1951 with 人民').toBeGreaterThan(20);
    const page = await openPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await load(page, site.at(`search/?q=${encodeURIComponent('人民')}&from=1951&to=1951`));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.sr-status')?.dataset.query === '人民');
    expect(await page.locator('.sr-status').textContent()).toMatch(/1951/);
    const heads = page.locator('.sr-doc-head');
    const first = await heads.count();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(want.length);
    const more = page.locator('.sr-more-results');
    while ((await more.count()) > 0) {
      const before = await heads.count();
      await more.click();
      await expect.poll(async () => (await heads.count()) > before || (await more.count()) === 0).toBe(true);
    }
    const paths = await heads.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.slice(1)));
    expect(new Set(paths)).toEqual(new Set(want.map((d) => d.path)));
    const dates = await page.locator('.sr-doc-head time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates.every((d) => d.startsWith('1951'))).toBe(true);
    // The text of each shown document is loaded in small parts (lib/search/text.ts).
    expect(requests.filter((p) => p.includes('/search-index/text/')).length).toBeGreaterThanOrEqual(want.length);

    await Promise.all([page.waitForURL((u) => u.pathname === `/${paths[0]}` && u.searchParams.get('q') === '人民'), heads.first().click()]);
    await expect.poll(() => page.locator('mark.search-mark').count()).toBeGreaterThan(0);
  });
});
