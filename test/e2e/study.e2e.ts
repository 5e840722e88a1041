import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { PHONE, siteTest } from './support/fixtures.ts';
import { load, rowBoxes, settle, type Box } from './support/page.ts';

// Issue 14, "Study mode": hide the English, the Chinese or the pinyin; reveal a sentence or a row by
// tapping it, or all at once; nothing moves; a lesson link opens a page in study mode; print leaves
// the hidden side blank.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const SHOWN = 'study-shown';

/** Whether the text of each matching element can be seen: its colour is not transparent. */
const inkVisible = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => getComputedStyle(el).color !== 'rgba(0, 0, 0, 0)' && getComputedStyle(el).visibility === 'visible'));
const study = (page: Page) => page.locator('html').getAttribute('data-study');
/** The rows' cell boxes in page coordinates (a tap may scroll). */
async function pageBoxes(page: Page) {
  const y = await page.evaluate(() => window.scrollY);
  const shift = (b: Box) => ({ ...b, top: b.top + y, bottom: b.bottom + y });
  return (await rowBoxes(page)).map((r) => ({ id: r.id, zh: shift(r.zh), en: shift(r.en) }));
}
const covered = (page: Page, selector: string) => page.$$eval(selector, (els, shown) => els.filter((el) => !el.classList.contains(shown)).length, SHOWN);

describe('a lesson link in study mode', () => {
  test('opens the page with the English covered and the Chinese shown (#p2,p5-p7&study=en), the rows where they would be', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p2,p5-p7`);
    const before = await pageBoxes(page);
    await page.goto(`${site.at(DOC)}#p2,p5-p7&study=en`);
    await page.reload();
    await settle(page);
    expect(await study(page)).toBe('en');
    expect(await page.locator('study-mode select').inputValue()).toBe('en');
    expect(new Set(await inkVisible(page, '#p5 .cell.en .s'))).toEqual(new Set([false]));
    expect(new Set(await inkVisible(page, '#p5 .cell.zh .s'))).toEqual(new Set([true]));
    // The covered side keeps its space: every cell's box is where it is without study mode.
    expect(await pageBoxes(page)).toEqual(before);
    // The passage is still the link's, and the mode is not remembered for the next visit.
    expect(await page.locator('.row.in-passage').count()).toBe(4);
    await load(page, site.at(DOC));
    expect(await study(page)).toBe('off');
  });

  test('takes study mode from a changed address too, and ignores an unknown value', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p3&study=everything`);
    expect(await study(page)).toBe('off');
    expect(await page.locator('.study-row:visible').count()).toBe(0);
    await page.evaluate(() => (location.hash = '#p3&study=zh'));
    await expect.poll(() => study(page)).toBe('zh');
    expect(new Set(await inkVisible(page, '#p3 .cell.zh .s'))).toEqual(new Set([false]));
  });
});

describe('revealing', () => {
  test('reveals one sentence by tapping it and covers it again with a second tap, without moving anything', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE, hasTouch: true });
    await load(page, `${site.at(DOC)}#study=en`);
    const before = await pageBoxes(page);
    const first = page.locator('#p2 .cell.en .s').first();
    await first.tap();
    expect(await first.evaluate((s, c) => s.classList.contains(c), SHOWN)).toBe(true);
    expect(await inkVisible(page, '#p2 .cell.en .s')).toEqual([true, false, false, false]);
    expect(await pageBoxes(page)).toEqual(before);
    await first.tap();
    expect(await inkVisible(page, '#p2 .cell.en .s')).toEqual([false, false, false, false]);
  });

  test('a tap on a covered glossary term reveals its sentence and opens no popover', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#study=en`);
    const term = page.locator('#p2 .cell.en a.term').first();
    await term.click();
    expect(await page.locator('.term-pop:popover-open').count()).toBe(0);
    expect(await term.evaluate((t, c) => t.closest('.s')!.classList.contains(c), SHOWN)).toBe(true);
    // Revealed, the term is a term again.
    await term.click();
    await expect.poll(() => page.locator('.term-pop:popover-open').count()).toBe(1);
  });

  test('from the keyboard, Enter or Space on a covered glossary term reveals its sentence and opens no popover', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#study=zh`);
    // The first mark of two different sentences.
    const sentences = page.locator('#p3 .cell.zh .s:has(a.term)');
    for (const [k, key] of [
      [0, 'Enter'],
      [1, ' '],
    ] as const) {
      const mark = sentences.nth(k).locator('a.term').first();
      await mark.focus();
      await page.keyboard.press(key);
      expect(await page.locator('.term-pop:popover-open').count(), key).toBe(0);
      expect(await mark.evaluate((t, c) => t.closest('.s')!.classList.contains(c), SHOWN), key).toBe(true);
    }
  });

  test('reveals a row with its button and the page with Reveal all; Hide all covers everything again', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#study=en`);
    const button = page.locator('#p4 button.study-row');
    expect(await button.getAttribute('aria-label')).toBe('Reveal the English of paragraph 4');
    await button.click();
    expect(await covered(page, '#p4 .cell.en .s')).toBe(0);
    expect(await covered(page, '#p5 .cell.en .s')).toBeGreaterThan(0);
    expect(await button.getAttribute('aria-label')).toBe('Hide the English of paragraph 4');
    await button.click();
    expect(await covered(page, '#p4 .cell.en .s')).toBeGreaterThan(0);

    const all = page.locator('study-mode button.study-all');
    await all.click();
    expect(await covered(page, '.rows .cell.en .s')).toBe(0);
    expect(await all.innerText()).toBe('Hide all');
    await all.click();
    expect(await covered(page, '.rows .cell.en .s')).toBe(await page.locator('.rows .cell.en .s').count());
    expect(await all.innerText()).toBe('Reveal all');
  });

  test('hides the Chinese, and a tap reveals a sentence without offering it as a passage', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('study-mode select').selectOption('zh');
    expect(await study(page)).toBe('zh');
    expect(new Set(await inkVisible(page, '#p5 .cell.zh .s'))).toEqual(new Set([false]));
    expect(new Set(await inkVisible(page, '#p5 .cell.en .s'))).toEqual(new Set([true]));
    await page.locator('#p5 .cell.zh .s').nth(1).click();
    expect(await inkVisible(page, '#p5 .cell.zh .s')).toEqual(
      [false, true, false, false, false, false, false, false].slice(0, await page.locator('#p5 .cell.zh .s').count()),
    );
    expect(await page.locator('.passage-bar').isVisible()).toBe(false);
    // Another mode starts covered again.
    await page.locator('study-mode select').selectOption('en');
    expect(await page.locator(`.${SHOWN}`).count()).toBe(0);
  });

  test('hides the pinyin: shown covered even with the pinyin switch off, revealed sentence by sentence', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#study=pinyin`);
    expect(await page.locator('html').getAttribute('data-pinyin')).toBe('off');
    const rt = page.locator('#p2 .cell.zh .s').first().locator('rt').first();
    expect(await rt.isVisible()).toBe(true);
    expect(await rt.evaluate((r) => getComputedStyle(r).color)).toBe('rgba(0, 0, 0, 0)');
    expect(new Set(await inkVisible(page, '#p2 .cell.zh .s'))).toEqual(new Set([true]));
    await page.locator('#p2 .cell.zh .s').first().click();
    expect(await rt.evaluate((r) => getComputedStyle(r).color)).not.toBe('rgba(0, 0, 0, 0)');
  });

  test('works from the keyboard: Tab to a row button and Enter; → to a Chinese sentence and Enter reveals its English', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#study=en`);
    await page.locator('#p3 a.pn').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Reveal the English of paragraph 3');
    await page.keyboard.press('Enter');
    expect(await covered(page, '#p3 .cell.en .s')).toBe(0);

    await page.locator('#p5 a.pn').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p5.1');
    await page.keyboard.press('Enter');
    const partners = await page.$$eval('#p5 .cell.en .s', (ss, c) => ss.filter((s) => s.classList.contains(c)).map((s) => s.getAttribute('data-s')), SHOWN);
    expect(partners.length).toBeGreaterThan(0);
    expect(partners.every((ids) => ids?.split(' ').includes('p5.1'))).toBe(true);
  });
});

describe('printing in study mode', () => {
  test('leaves the hidden side blank, revealed sentences too, and keeps its space for writing', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#study=en`);
    await page.locator('#p2 .cell.en .s').first().click();
    await page.emulateMedia({ media: 'print' });
    await settle(page);
    expect(new Set(await inkVisible(page, '.rows .cell.en .s'))).toEqual(new Set([false]));
    expect(new Set(await inkVisible(page, '.rows .cell.zh .s'))).toEqual(new Set([true]));
    const boxes = await rowBoxes(page);
    for (const { id, en } of boxes) expect(en.height, `${id}: the English cell keeps its height`).toBeGreaterThan(10);
    expect(await page.locator('study-mode').isVisible()).toBe(false);
    expect(await page.locator('.study-row').first().isVisible()).toBe(false);
  });
});

describe('without JavaScript', () => {
  test('shows no study control, and the page reads as usual', async ({ site, openPage }) => {
    const page = await openPage({ javaScriptEnabled: false });
    await load(page, `${site.at(DOC)}#study=en`, { javaScript: false });
    expect(await page.locator('study-mode').isVisible()).toBe(false);
    expect(new Set(await inkVisible(page, '.rows .cell.en .s'))).toEqual(new Set([true]));
  });
});
