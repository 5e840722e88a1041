import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { PHONE, siteTest } from './support/fixtures.ts';
import { load, settle } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// Issue 14, "Light": the pinyin is not in the page's HTML but in its pinyin.js, loaded the first
// time pinyin is shown (src/elements/ruby-load.ts), which wraps the characters in the ruby the CSS
// draws (src/elements/ruby-apply.ts). Offline and file:// are in the offline-* files.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';

/** Requests for the page's pinyin.js, counted from before the page opens. */
function pinyinRequests(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.endsWith('/pinyin.js')) asked.push(r.url());
  });
  return asked;
}

const rubyIn = async (page: Page) => {
  await page.waitForSelector('html[data-ruby="on"]', { state: 'attached' });
  await settle(page);
};

/** The Chinese of the headline and rows: its text, its Han characters outside a ruby, and its rubies. */
const chinese = (page: Page) =>
  page.evaluate(() => {
    const blocks = [...document.querySelectorAll('.doc-head h1 .deck, .rows .cell.zh p')];
    let bare = 0;
    for (const b of blocks) {
      const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
      while (walker.nextNode())
        if (!walker.currentNode.parentElement?.closest('ruby')) bare += (walker.currentNode.nodeValue!.match(/\p{Script=Han}/gu) ?? []).length;
    }
    return {
      text: blocks.map((b) => b.textContent).join('\n'),
      bare,
      rubies: blocks.reduce((n, b) => n + b.querySelectorAll('ruby').length, 0),
      emptyRt: blocks.every((b) => [...b.querySelectorAll('rt')].every((rt) => rt.textContent === '' && !!(rt as HTMLElement).dataset.py)),
    };
  });

/**
 * Layout shifts the page reports (PerformanceObserver), from before its first paint, of what is in
 * <main> (the headline and rows) or below it. (The header's search box shifts at 375 px with or
 * without pinyin: not this test's business.)
 */
async function watchShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Shift = { value: number; hadRecentInput: boolean; sources: { node?: Node | null }[] };
    const shifts: { value: number; input: boolean }[] = [];
    (window as unknown as { shifts: typeof shifts }).shifts = shifts;
    const inPage = (node: Node | null | undefined) => !!(node instanceof Element ? node : node?.parentElement)?.closest('main, .site-foot');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Shift[])
        if (e.sources.some((s) => inPage(s.node))) shifts.push({ value: e.value, input: e.hadRecentInput });
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const shiftScore = (page: Page) =>
  page.evaluate(() => (window as unknown as { shifts: { value: number; input: boolean }[] }).shifts.filter((s) => !s.input).reduce((n, s) => n + s.value, 0));

describe('pinyin from the page’s pinyin.js', () => {
  test('is not asked for with pinyin off; switched on, it comes once and puts a ruby over every Chinese character', async ({ site, openPage }) => {
    const page = await openPage();
    const asked = pinyinRequests(page);
    await load(page, site.at(DOC));
    const before = await chinese(page);
    expect(before.rubies).toBe(0);
    expect(asked).toEqual([]);

    await page.locator('input[name="pinyin"]').check();
    await rubyIn(page);
    expect(asked).toHaveLength(1);
    const after = await chinese(page);
    // Every character once: the text is what it was, the readings are attributes, none left bare.
    expect(after.text).toBe(before.text);
    expect(after.bare).toBe(0);
    expect(after.rubies).toBeGreaterThan(1500);
    expect(after.emptyRt).toBe(true);

    await page.locator('input[name="pinyin"]').uncheck();
    await page.locator('input[name="pinyin"]').check();
    await settle(page);
    expect(asked).toHaveLength(1);
    expect((await chinese(page)).rubies).toBe(after.rubies);
  });

  for (const [how, prepare, hash] of [
    ['remembered', (p: Page) => p.addInitScript(() => localStorage.setItem('duizhao:pinyin', 'on')), ''],
    ['set by a lesson link', async () => {}, '#p5&pinyin=on'],
  ] as const) {
    test(`on at load (${how}): the ruby is in at the load event, and nothing moves when it arrives`, async ({ site, openPage }) => {
      const page = await openPage({ viewport: PHONE });
      await prepare(page);
      await watchShifts(page);
      const asked = pinyinRequests(page);
      // The file slowed down: the page must wait for it, not show its rows and then move them.
      await page.route('**/pinyin.js', async (route) => {
        await new Promise((r) => setTimeout(r, 600));
        await route.continue();
      });
      await page.goto(`${site.at(DOC)}${hash}`, { waitUntil: 'load' });
      await settle(page);
      expect(await page.locator('html').getAttribute('data-ruby')).toBe('on');
      expect((await chinese(page)).bare).toBe(0);
      expect(await page.locator('#p6 rt').first().isVisible()).toBe(true);
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
      expect(await shiftScore(page)).toBe(0);
      expect(asked).toHaveLength(1);
    });
  }

  test('(the measure sees a shift: pinyin turned on by a script, without input, moves the rows)', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    await watchShifts(page);
    await load(page, site.at(DOC));
    await page.evaluate(() => (document.documentElement.dataset.pinyin = 'on'));
    await rubyIn(page);
    expect(await shiftScore(page)).toBeGreaterThan(0.05);
  });

  test('shows the page without pinyin after 3 s when the file does not come, and never hides it for good', async ({ site, openPage }) => {
    const page = await openPage();
    await page.addInitScript(() => localStorage.setItem('duizhao:pinyin', 'on'));
    await page.route('**/pinyin.js', () => {
      /* never answered */
    });
    await page.goto(site.at(DOC), { waitUntil: 'domcontentloaded' });
    expect(await page.locator('html').getAttribute('data-ruby')).toBe('wait');
    expect(await page.locator('#p6 .cell.zh').evaluate((e) => getComputedStyle(e).visibility)).toBe('hidden');
    await page.waitForFunction(() => document.documentElement.dataset.ruby !== 'wait', null, { timeout: 5000 });
    expect(await page.locator('#p6 .cell.zh').evaluate((e) => getComputedStyle(e).visibility)).toBe('visible');
  });

  test('hides it in study mode (“hide pinyin”) with the switch off: the file comes, the readings covered', async ({ site, openPage }) => {
    const page = await openPage();
    const asked = pinyinRequests(page);
    await load(page, site.at(DOC));
    await page.locator('select[name="study"]').selectOption('pinyin');
    await rubyIn(page);
    expect(await page.locator('html').getAttribute('data-pinyin')).toBe('off');
    expect(asked).toHaveLength(1);
    const rt = page.locator('#p2 .cell.zh .s').first().locator('rt').first();
    expect(await rt.isVisible()).toBe(true);
    expect(await rt.evaluate((r) => getComputedStyle(r).color)).toBe('rgba(0, 0, 0, 0)');
  });

  test('prints with the pinyin over the characters when it is on, and without it when it is off', async ({ site, openPage }) => {
    const tones = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/gu;
    const dir = join(RESULTS_DIR, 'pdf');
    mkdirSync(dir, { recursive: true });
    const counts: Record<string, number> = {};
    const page = await openPage();
    for (const pinyin of ['off', 'on']) {
      await load(page, `${site.at(DOC)}#pinyin=${pinyin}`);
      if (pinyin === 'on') await rubyIn(page);
      await page.emulateMedia({ media: 'print' });
      const file = join(dir, `pinyin-${pinyin}.pdf`);
      writeFileSync(file, await page.pdf({ format: 'A4' }));
      await page.emulateMedia({ media: 'screen' });
      counts[pinyin] = (execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).match(tones) ?? []).length;
    }
    // Off: only the glossary notes' pinyin; on: a reading over most of the 1,500 characters.
    expect(counts.off).toBeLessThan(150);
    expect(counts.on).toBeGreaterThan(counts.off! + 800);
  });

  test('is not offered without JavaScript, which it needs', async ({ site, openPage }) => {
    const page = await openPage({ javaScriptEnabled: false });
    await load(page, site.at(DOC), { javaScript: false });
    expect(await page.locator('pinyin-switch').isVisible()).toBe(false);
    expect(await page.locator('layout-switch').isVisible()).toBe(true);
  });
});
