import type { Page, Request } from 'playwright-core';
import { describe, expect } from 'vitest';
import { siteTest } from './support/fixtures.ts';
import { settle } from './support/page.ts';

// Issue 14, "Light": a reader who only reads downloads the text and its styles; the page's code
// comes with the first touch, key or pointer movement (src/elements/on-first-use.ts), and what the
// reader did before it arrived is not lost.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';

/**
 * Open the page without using it (no pointer, no key), recording the scripts it asks for. The
 * reading code is slowed down by 400 ms, so what the reader does first happens before it is in.
 */
async function openUnused(page: Page, url: string): Promise<Request[]> {
  await page.route(/\/_astro\/later\/document-page\.[^/]*\.js$/, async (route) => {
    await new Promise((done) => setTimeout(done, 400));
    await route.continue();
  });
  const scripts: Request[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await settle(page);
  return scripts;
}
const live = (page: Page) => page.locator('html').getAttribute('data-live');
const popoverOpen = (page: Page, selector: string) => page.$eval(selector, (el) => el.matches(':popover-open'));

describe('the document page before and after its first use', () => {
  test('loads its reading code only when the reader first uses the page', async ({ site, openPage }) => {
    const page = await openPage();
    const scripts = await openUnused(page, site.at(DOC));
    expect(await live(page)).toBe('waiting');
    const before = scripts.length;
    // The terms are still plain links to the glossary, the rows still numbered links.
    expect(await page.locator('.term[aria-haspopup]').count()).toBe(0);
    await page.hover('#p3 .cell.en');
    await expect.poll(() => live(page)).toBe('ready');
    expect(scripts.length).toBeGreaterThan(before);
    expect(await page.locator('.term[aria-haspopup]').count()).toBeGreaterThan(0);
  });

  test('a click on a term before the code is in opens its popover, and does not follow the link', async ({ site, openPage }) => {
    const page = await openPage();
    await openUnused(page, site.at(DOC));
    // No pointer movement first: the click itself is the first use.
    const term = page.locator('#p3 .cell.zh a.term[data-term="g-dayuejin"]').first();
    const box = (await term.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => popoverOpen(page, '#pop-g-dayuejin')).toBe(true);
    expect(new URL(page.url()).pathname).toBe(new URL(site.at(DOC)).pathname);
  });

  test('a tap on a word before the code is in looks it up', async ({ site, openPage }) => {
    const page = await openPage();
    await openUnused(page, site.at(DOC));
    const word = page.locator('#p3 .cell.zh zh-w').first();
    const box = (await word.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.$$eval('.word-pop', (els) => els.some((el) => el.matches(':popover-open')))).toBe(true);
  });

  test('a shift-click range made before the code is in is kept: rows 3 to 5', async ({ site, openPage }) => {
    const page = await openPage();
    await openUnused(page, site.at(DOC));
    await page.click('#p3 a.pn');
    await page.click('#p5 a.pn', { modifiers: ['Shift'] });
    await expect.poll(() => new URL(page.url()).hash).toBe('#p3-p5');
    await expect.poll(() => page.locator('.row.in-passage').count()).toBe(3);
  });

  test('a study mode chosen before the code is in is applied', async ({ site, openPage }) => {
    const page = await openPage();
    await openUnused(page, site.at(DOC));
    await page.selectOption('study-mode select', 'en');
    await expect.poll(() => page.locator('html').getAttribute('data-study')).toBe('en');
    await expect.poll(() => page.locator('.study-row').count()).toBeGreaterThan(0);
  });

  test('a page opened on a passage loads its code at once and shows the passage', async ({ site, openPage }) => {
    const page = await openPage();
    await openUnused(page, `${site.at(DOC)}#p3-p5`);
    expect(await live(page)).toBe('ready');
    expect(await page.locator('.row.in-passage').count()).toBe(3);
  });
});
