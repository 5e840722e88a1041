import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { siteTest } from './support/fixtures.ts';
import { rowInk } from './support/ink.ts';
import { load } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// Issue 14, "Typography worthy of a scholarly edition": the first lines of a row's two cells level,
// no CJK punctuation starting a line, Latin and numbers spaced inside Chinese, a quiet apparatus;
// screenshots at four widths in both themes with pinyin on, for people to look at.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const WIDTHS = [375, 768, 1280, 1920];
/** Side by side from 700 px (reader.css); below that the English is under the Chinese. */
const SIDE_BY_SIDE = WIDTHS.filter((w) => w > 700);
const SHOTS = join(RESULTS_DIR, 'screenshots');

/** Punctuation that must not begin a line of Chinese (closing marks, pause and stop marks). */
const NO_START = '，。、；：？！）》」』】〕”’…—·';

/** The first character of every line of every Chinese paragraph of the rows (ruby text left out). */
function lineStarts(page: Page): Promise<{ id: string; char: string }[]> {
  return page.$$eval('.rows .cell.zh p', (ps) =>
    ps.flatMap((p) => {
      const starts: { id: string; char: string }[] = [];
      const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('rt') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      const range = document.createRange();
      let last = -Infinity;
      for (let node = walk.nextNode() as Text | null; node; node = walk.nextNode() as Text | null) {
        for (let k = 0; k < node.data.length; k++) {
          if (/\s/.test(node.data[k]!)) continue;
          range.setStart(node, k);
          range.setEnd(node, k + 1);
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          if (rect.top > last + rect.height * 0.6) starts.push({ id: p.closest('.row')!.id, char: node.data[k]! });
          last = Math.max(last, rect.top);
        }
      }
      return starts;
    }),
  );
}

async function open(page: Page, url: string, width: number, theme: 'light' | 'dark'): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.emulateMedia({ colorScheme: theme });
  await load(page, url);
}

describe('the rows', () => {
  for (const pinyin of ['off', 'on']) {
    test(`start level: the first characters of a row’s Chinese and English at the same height, pinyin ${pinyin}`, async ({ site, openPage }) => {
      const page = await openPage();
      for (const width of SIDE_BY_SIDE) {
        await open(page, `${site.at(DOC)}#pinyin=${pinyin}`, width, 'light');
        const rows = await rowInk(page);
        expect(rows).toHaveLength(12);
        for (const { id, zh, en, pinyin: py } of rows) {
          expect(Math.abs(zh - en), `${id} at ${width} px: Chinese ink at ${zh}, English at ${en}`).toBeLessThanOrEqual(3);
          if (pinyin === 'on') expect(py, `${id} at ${width} px: the pinyin above its characters`).toBeLessThan(zh);
          else expect(py).toBeNull();
        }
      }
    });
  }

  test('never start a line of Chinese with a closing mark or a pause, at any width, pinyin on or off', async ({ site, openPage }) => {
    const page = await openPage();
    let lines = 0;
    for (const width of WIDTHS) {
      for (const pinyin of ['off', 'on']) {
        await open(page, `${site.at(DOC)}#pinyin=${pinyin}`, width, 'light');
        const starts = await lineStarts(page);
        lines += starts.length;
        expect(
          starts.filter((s) => NO_START.includes(s.char)),
          `${width} px, pinyin ${pinyin}`,
        ).toEqual([]);
      }
    }
    expect(lines, 'lines measured').toBeGreaterThan(200);
  });

  test('space Latin letters and numbers apart from the Han characters around them', async ({ site, openPage }) => {
    const page = await openPage();
    await open(page, site.at(DOC), 1280, 'light');
    // 新华社24日讯: "24" between 社 and 日. The width of 社24日 with and without the spacing.
    const widths = await page.$eval('#p1 .cell.zh p', (p) => {
      // Every character with its text node (each Han character sits in its own <ruby>).
      const chars: { node: Text; at: number; char: string }[] = [];
      const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement?.closest('rt') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let node = walk.nextNode() as Text | null; node; node = walk.nextNode() as Text | null) {
        for (let k = 0; k < node.data.length; k++) chars.push({ node, at: k, char: node.data[k]! });
      }
      const from = chars
        .map((c) => c.char)
        .join('')
        .indexOf('社24日');
      if (from < 0) return null;
      const range = document.createRange();
      range.setStart(chars[from]!.node, chars[from]!.at);
      range.setEnd(chars[from + 3]!.node, chars[from + 3]!.at + 1);
      const spaced = range.getBoundingClientRect().width;
      (p as HTMLElement).style.setProperty('text-autospace', 'no-autospace');
      const tight = range.getBoundingClientRect().width;
      return { spaced, tight };
    });
    expect(widths, 'p1 holds 社24日').not.toBeNull();
    expect(widths!.spaced - widths!.tight).toBeGreaterThan(1.5);
  });
});

describe('the apparatus', () => {
  test('keeps row numbers, dates, counts and crumbs quiet: muted, smaller than the text, not in the link colour', async ({ site, openPage }) => {
    const page = await openPage();
    await open(page, site.at(DOC), 1280, 'light');
    const look = (selector: string) =>
      page.$eval(selector, (el) => {
        const s = getComputedStyle(el);
        return { color: s.color, size: parseFloat(s.fontSize), numbers: s.fontVariantNumeric };
      });
    const text = await look('#p2 .cell.zh');
    const muted = await page.evaluate(() => getComputedStyle(document.querySelector('.doc-count')!).color);
    for (const selector of ['.row .pn', '.meta dd', '.doc-count', '.crumbs a']) {
      const quiet = await look(selector);
      expect(quiet.color, selector).toBe(muted);
      expect(quiet.size, selector).toBeLessThan(text.size * 0.85);
    }
    expect((await look('.row .pn')).numbers).toBe('tabular-nums');
    expect((await look('.meta dd')).numbers).toBe('tabular-nums');
  });
});

describe('the home page', () => {
  test('keeps the space between the count and its noun (Astro drops a line break between two expressions)', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    expect(await page.locator('.lede').innerText()).toMatch(/^1 article from 25 September 1958/);
  });
});

describe('screenshots', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`saves the seed page with pinyin on at 375, 768, 1280 and 1920 px, ${theme} theme (test-results/screenshots/)`, async ({ site, openPage }) => {
      await mkdir(SHOTS, { recursive: true });
      const page = await openPage();
      for (const width of WIDTHS) {
        await open(page, `${site.at(DOC)}#pinyin=on`, width, theme);
        expect(await page.locator('html').getAttribute('data-pinyin')).toBe('on');
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width} px scrolls sideways`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: join(SHOTS, `seed-pinyin-${width}-${theme}.png`), fullPage: true });
      }
      await open(page, `${site.at(DOC)}#p3-p5&study=en`, 1280, theme);
      await page.screenshot({ path: join(SHOTS, `seed-study-en-1280-${theme}.png`) });
    });
  }
});
