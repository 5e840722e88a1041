import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './sites.ts';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

export interface RowBoxes {
  id: string;
  zh: Box;
  en: Box;
}

export interface SettleOptions {
  /** Whether the page runs scripts. Without them no animation frame ever comes. @default true */
  javaScript?: boolean;
  /**
   * Whether to start using the page, as a reader's first touch or key does, and wait until the
   * code that waits for it is in (src/elements/on-first-use.ts). @default javaScript
   */
  use?: boolean;
}

/** Go to `url` and wait until the page is loaded and its fonts are in, so boxes are final. */
export async function load(page: Page, url: string, options: SettleOptions = {}): Promise<void> {
  await page.goto(url, { waitUntil: 'load' });
  if (options.use ?? options.javaScript ?? true) await firstUse(page);
  await settle(page, options);
}

/**
 * The reader's first use of the page (a pointer passing over it), then wait until the page's
 * code that waits for it is in: `<html data-live="ready">`. Nothing to do on a page without such code.
 */
export async function firstUse(page: Page): Promise<void> {
  const live = await page.evaluate(() => document.documentElement.dataset.live);
  if (live === undefined || live === 'ready') return;
  await page.evaluate(() => document.body.dispatchEvent(new PointerEvent('pointerover', { bubbles: true })));
  await page.waitForSelector('html[data-live="ready"]', { state: 'attached' });
}

/** Wait for the fonts, then two frames so that whatever a script changed has been laid out. */
export async function settle(page: Page, { javaScript = true }: SettleOptions = {}): Promise<void> {
  await page.evaluate(async (frames) => {
    await document.fonts.ready;
    if (frames) await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, javaScript);
}

/** The ids of the numbered rows (`.rows .row#pN`), in document order. */
export function numberedRowIds(page: Page): Promise<string[]> {
  return page.$$eval('.rows .row', (rows) => rows.map((row) => row.id).filter((id) => /^p\d+$/.test(id)));
}

/** The Chinese and English cell boxes of every numbered row, in document order. */
export function rowBoxes(page: Page): Promise<RowBoxes[]> {
  return page.$$eval('.rows .row', (rows) => {
    const box = (element: Element | null) => {
      const { top, bottom, left, right, width, height } = element?.getBoundingClientRect() ?? new DOMRect();
      return { top, bottom, left, right, width, height };
    };
    return rows
      .filter((row) => /^p\d+$/.test(row.id))
      .map((row) => ({ id: row.id, zh: box(row.querySelector('.cell.zh')), en: box(row.querySelector('.cell.en')) }));
  });
}

/** A cell's text without its row-number link, trimmed. */
export function cellText(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (cell) => {
    const copy = cell.cloneNode(true) as Element;
    for (const link of copy.querySelectorAll('a.pn')) link.remove();
    return (copy.textContent ?? '').trim();
  });
}

/** Save a full-page screenshot to test-results/screens/<name>.png for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(RESULTS_DIR, 'screens');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Remove all whitespace: headlines may be split over lines or joined with spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
