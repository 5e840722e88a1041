import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, siteTest } from './support/fixtures.ts';
import { cellText, load, numberedRowIds, rowBoxes, screenshot, settle, squash, type RowBoxes } from './support/page.ts';
import { openFirstDocument } from './support/archive.ts';

// What a reader does with the seed site: one document, 1958-09-25 page 1, twelve numbered rows.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const HEADLINE_ZH = '中共中央和国务院指示抓住大跃进中薄弱环节高速度发展铜铝工业动员全民土法冶炼，一年内把产量提高几倍';
const TITLE_EN = 'The CCP Central Committee and the State Council Issue Instructions to Seize Weak Links';
const LAYOUTS = ['side', 'interleaved', 'zh', 'en'];
const ROW_IDS = Array.from({ length: 12 }, (_, i) => `p${i + 1}`);

/** Both cells of every row take up room: a hidden cell has an empty box and proves nothing. */
function expectCellsShown(rows: RowBoxes[]): void {
  expect(rows.map((row) => row.id)).toEqual(ROW_IDS);
  for (const { id, zh, en } of rows) {
    expect(zh.width * zh.height, `${id} .cell.zh has an empty box`).toBeGreaterThan(0);
    expect(en.width * en.height, `${id} .cell.en has an empty box`).toBeGreaterThan(0);
  }
}

function expectSideBySide(rows: RowBoxes[]): void {
  expectCellsShown(rows);
  for (const { id, zh, en } of rows) {
    expect(Math.abs(zh.top - en.top), `${id}: zh top ${zh.top}, en top ${en.top}`).toBeLessThanOrEqual(2);
    expect(zh.right, `${id}: zh should end left of where en starts`).toBeLessThanOrEqual(en.left + 1);
  }
}

function expectStacked(rows: RowBoxes[]): void {
  expectCellsShown(rows);
  for (const { id, zh, en } of rows) {
    expect(en.top, `${id}: en top ${en.top} should be below zh bottom ${zh.bottom}`).toBeGreaterThanOrEqual(zh.bottom - 1);
  }
}

describe('the home page', () => {
  test('shows the year of the seed with its count, the year its day, the day the seed with headline and title', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    const years = page.locator('ol.year-list a.year-card');
    expect(await years.count()).toBe(1);
    expect(squash(await years.first().innerText())).toContain('1958年');
    expect(await years.first().innerText()).toContain('1 article');

    await Promise.all([page.waitForURL(site.at('1958/')), years.first().click()]);
    const days = page.locator('.cal td.has a');
    expect(await days.count()).toBe(1);
    expect(await page.locator('#m-1958-09 .cal td.has a').getAttribute('aria-label')).toBe('25 September: 1 article');

    await Promise.all([page.waitForURL(site.at('1958-09-25/')), days.first().click()]);
    expect(squash(await page.locator('h1').innerText())).toContain('1958年9月25日星期四');
    const items = page.locator('section.issue-page#page-1 ol.doc-list > li.doc-item');
    expect(await items.count()).toBe(1);
    const item = items.first();
    const href = await item.locator('a').first().getAttribute('href');
    expect(new URL(href ?? '', page.url()).pathname).toBe(new URL(site.at(DOC)).pathname);
    expect(squash(await item.locator('[lang="zh-Hans"].doc-zh').innerText())).toContain(HEADLINE_ZH);
    expect(await item.locator('[lang="en"].doc-en').innerText()).toContain(TITLE_EN);
  });

  test('opens the document from its day, and the document links back to its day', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await openFirstDocument(page);
    await page.waitForURL(site.at(DOC));
    expect(squash(await page.locator('h1').innerText())).toContain(HEADLINE_ZH);
    await Promise.all([page.waitForURL(site.at('1958-09-25/#page-1')), page.locator('.doc-nav a.day-link').click()]);
    expect(await page.locator('section.issue-page').count()).toBe(1);
  });
});

describe('the document page', () => {
  test('shows the Chinese headline and the English title', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    expect(squash(await page.locator('h1').innerText())).toContain(HEADLINE_ZH);
    expect(await page.locator('.title-en[lang="en"]').innerText()).toContain(TITLE_EN);
  });

  test('numbers the rows p1 to p12, each with a Chinese cell, an English cell and a link to itself', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    expect(await numberedRowIds(page)).toEqual(ROW_IDS);
    for (const id of ROW_IDS) {
      const row = page.locator(`.rows .row#${id}`);
      expect(await row.locator('.cell.zh[lang="zh-Hans"]').count(), `${id} Chinese cells`).toBe(1);
      expect(await row.locator('.cell.en[lang="en"]').count(), `${id} English cells`).toBe(1);
      expect(await row.locator(`a.pn[href="#${id}"]`).count(), `${id} row-number links`).toBe(1);
    }
  });

  test('keeps the paragraphs in source order, from the dispatch line to the closing paragraph', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    expect(await cellText(page, '#p1 .cell.zh')).toMatch(/^新华社24日讯/);
    expect(await cellText(page, '#p5 .cell.zh')).toMatch(/^有没有可能/);
    expect(await cellText(page, '#p5 .cell.en')).toMatch(/^Is it possible/);
    expect(await cellText(page, '#p12 .cell.zh')).toMatch(/^铜、铝的生产和基本建设任务虽然十分繁重/);
  });

  test('puts the dispatch line, the instruction title and the issue date on their own lines in p1', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    const lines = (await page.locator('#p1 .cell.en').innerText())
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const dispatch = lines.indexOf('Xinhua News Agency, September 24th:');
    const title = lines.findIndex((line) => line.startsWith('Instructions from the CCP Central Committee'));
    const issued = lines.indexOf('(Issued September 24, 1958)');
    expect(
      [dispatch, title, issued].every((index) => index >= 0),
      `lines found: ${JSON.stringify(lines)}`,
    ).toBe(true);
    expect(dispatch).toBeLessThan(title);
    expect(title).toBeLessThan(issued);
  });

  test('shows the seed rows side by side at 1280 px', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await load(page, site.at(DOC));
    await screenshot(page, 'seed-1280');
    expectSideBySide(await rowBoxes(page));
  });

  test('stacks English under Chinese at 375 px without scrolling sideways', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    await load(page, site.at(DOC));
    await screenshot(page, 'seed-375');
    expectStacked(await rowBoxes(page));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  test('scrolls to #p5 when the address names it, and marks it as the target', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await load(page, `${site.at(DOC)}#p5`);
    const p5 = await page.$eval('#p5', (row) => ({
      top: row.getBoundingClientRect().top,
      target: row.matches(':target'),
      scrollY: window.scrollY,
      viewport: window.innerHeight,
    }));
    expect(p5.target).toBe(true);
    expect(p5.scrollY, 'the page should have scrolled to reach #p5').toBeGreaterThan(0);
    expect(p5.top).toBeGreaterThanOrEqual(-1);
    expect(p5.top).toBeLessThan(p5.viewport);
  });
});

describe('the layout switch', () => {
  const layout = (page: Page) => page.locator('html').getAttribute('data-layout');
  const choose = async (page: Page, value: string) => {
    await page.locator(`fieldset.layout-switch input[name="layout"][value="${value}"]`).check();
    await settle(page);
  };

  test('offers four layouts and starts side by side', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    const radios = page.locator('fieldset.layout-switch input[type="radio"][name="layout"]');
    expect(await radios.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(LAYOUTS);
    expect(await page.locator('input[name="layout"]:checked').getAttribute('value')).toBe('side');
    expect(await layout(page)).toBe('side');
  });

  test('hides the English cells when reading Chinese only', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await choose(page, 'zh');
    expect(await layout(page)).toBe('zh');
    await expectVisibility(page, '.cell.en', false);
    await expectVisibility(page, '.cell.zh', true);
  });

  test('hides the Chinese cells when reading English only', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await choose(page, 'en');
    expect(await layout(page)).toBe('en');
    await expectVisibility(page, '.cell.zh', false);
    await expectVisibility(page, '.cell.en', true);
  });

  test('stacks English under Chinese when interleaved, even at 1280 px', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await load(page, site.at(DOC));
    await choose(page, 'interleaved');
    expect(await layout(page)).toBe('interleaved');
    expectStacked(await rowBoxes(page));
  });

  test('moves to the next layout with the right arrow key', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('input[name="layout"]:checked').focus();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    expect(await page.locator('input[name="layout"]:checked').getAttribute('value')).toBe('interleaved');
    expect(await layout(page)).toBe('interleaved');
  });

  test('remembers the chosen layout after a reload and a visit to the home page', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await choose(page, 'en');
    expect(await page.evaluate(() => localStorage.getItem('duizhao:layout'))).toBe('en');

    await page.reload({ waitUntil: 'load' });
    await settle(page);
    expect(await layout(page)).toBe('en');
    expect(await page.locator('input[name="layout"]:checked').getAttribute('value')).toBe('en');

    await load(page, site.url);
    await openFirstDocument(page);
    await page.waitForURL(site.at(DOC));
    await settle(page);
    expect(await layout(page)).toBe('en');
    expect(await page.locator('input[name="layout"]:checked').getAttribute('value')).toBe('en');
  });

  test('shows the rows side by side without JavaScript', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP, javaScriptEnabled: false });
    await load(page, site.at(DOC), { javaScript: false });
    expectSideBySide(await rowBoxes(page));
  });
});

/** Every element matching `selector` (at least one per row) is shown, or none is. */
async function expectVisibility(page: Page, selector: string, visible: boolean): Promise<void> {
  const cells = await page.locator(selector).all();
  expect(cells.length, `cells matching ${selector}`).toBeGreaterThanOrEqual(ROW_IDS.length);
  const shown = await Promise.all(cells.map((cell) => cell.isVisible()));
  expect(shown.filter((isShown) => isShown !== visible).length, `${selector} cells that are ${visible ? 'hidden' : 'shown'}`).toBe(0);
}
