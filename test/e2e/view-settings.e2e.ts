import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { PHONE, siteTest } from './support/fixtures.ts';
import { load, settle } from './support/page.ts';

// Issue 14: a remembered theme switch (system, light, dark), a text-size control and
// prefers-reduced-motion, applied before first paint by Base.astro's one inline script.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const LIGHT_BG = 'rgb(251, 250, 247)';
const DARK_BG = 'rgb(23, 22, 20)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const rootFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const data = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement.dataset;
    return { layout: d.layout, pinyin: d.pinyin, study: d.study, theme: d.theme, size: d.size };
  });

async function choose(page: Page, name: 'theme' | 'size', value: string): Promise<void> {
  await page.locator('.settings summary').click();
  await page.locator(`.settings input[name="${name}"][value="${value}"]`).check();
  await settle(page);
}

describe('the theme', () => {
  test('follows the system until the reader chooses, then keeps the choice on every page', async ({ site, openPage }) => {
    const page = await openPage({ colorScheme: 'dark' });
    await load(page, site.at(DOC));
    expect((await data(page)).theme).toBe('system');
    expect(await background(page)).toBe(DARK_BG);

    await choose(page, 'theme', 'light');
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.evaluate(() => localStorage.getItem('duizhao:theme'))).toBe('light');
    await load(page, site.at('glossary/'));
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.locator('.settings input[name="theme"]:checked').getAttribute('value')).toBe('light');

    await choose(page, 'theme', 'system');
    expect(await background(page)).toBe(DARK_BG);
  });

  test('turns dark on a light system, and the page says so to the browser (color-scheme)', async ({ site, openPage }) => {
    const page = await openPage({ colorScheme: 'light' });
    await load(page, site.url);
    await choose(page, 'theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  });

  test('is applied before first paint: with every module script blocked, the saved view still shows', async ({ site, openPage }) => {
    const page = await openPage({ colorScheme: 'light' });
    await page.addInitScript(() => {
      localStorage.setItem('duizhao:theme', 'dark');
      localStorage.setItem('duizhao:size', 'l');
      localStorage.setItem('duizhao:layout', 'en');
    });
    // Only the inline script in <head> can apply it now.
    await page.route(/\.js(\?.*)?$/, (route) => route.abort());
    await load(page, `${site.at(DOC)}#study=zh`);
    expect(await data(page)).toEqual({ layout: 'en', pinyin: 'off', study: 'zh', theme: 'dark', size: 'l' });
    expect(await background(page)).toBe(DARK_BG);
    expect(await rootFontSize(page)).toBeCloseTo(16 * 1.15, 1);
  });

  test('ignores garbage in storage and in the address: the defaults, no error', async ({ site, openPage }) => {
    const page = await openPage({ colorScheme: 'light' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      localStorage.setItem('duizhao:theme', 'purple');
      localStorage.setItem('duizhao:size', '<script>');
      localStorage.setItem('duizhao:layout', 'toString');
      localStorage.setItem('duizhao:pinyin', 'yes');
    });
    await load(page, `${site.at(DOC)}#layout=constructor&study=__proto__`);
    expect(await data(page)).toEqual({ layout: 'side', pinyin: 'off', study: 'off', theme: 'system', size: 'm' });
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await page.locator('.settings input[name="theme"]:checked').getAttribute('value')).toBe('system');
    expect(errors).toEqual([]);
  });
});

describe('printing', () => {
  for (const [name, options, saved] of [
    ['the chosen dark theme', { colorScheme: 'light' }, 'dark'],
    ['a dark system', { colorScheme: 'dark' }, null],
    ['a dark system without JavaScript', { colorScheme: 'dark', javaScriptEnabled: false }, null],
  ] as const) {
    test(`prints dark text on white paper from ${name}, at the normal size`, async ({ site, openPage }) => {
      const page = await openPage(options);
      if (saved) {
        await page.addInitScript((theme) => {
          localStorage.setItem('duizhao:theme', theme);
          localStorage.setItem('duizhao:size', 'xl');
        }, saved);
      }
      await load(page, site.at(DOC), { javaScript: options.javaScriptEnabled !== false });
      expect(await background(page)).toBe(DARK_BG);
      await page.emulateMedia({ media: 'print' });
      expect(await background(page)).toBe('rgb(255, 255, 255)');
      expect(await page.$eval('#p2 .cell.en', (c) => getComputedStyle(c).color)).toBe('rgb(0, 0, 0)');
      expect(await rootFontSize(page)).toBe(16);
    });
  }
});

describe('the text size', () => {
  test('scales the text from the browser’s size, is remembered, and never makes a phone scroll sideways or hides the panel', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    await load(page, site.at(DOC));
    const base = await rootFontSize(page);
    const cell = () => page.$eval('#p2 .cell.zh', (c) => parseFloat(getComputedStyle(c).fontSize));
    const normal = await cell();
    await choose(page, 'size', 'xl');
    expect(await rootFontSize(page)).toBeCloseTo(base * 1.32, 1);
    expect(await cell()).toBeCloseTo(normal * 1.32, 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.reload();
    await settle(page);
    expect((await data(page)).size).toBe('xl');
    await page.locator('.settings summary').click();
    const panel = await page.locator('.settings-panel').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(PHONE.width);
    await page.locator('.settings input[name="size"][value="s"]').check();
    expect(await cell()).toBeLessThan(normal);
  });
});

describe('the settings panel', () => {
  test('opens from the keyboard, moves with the arrows, and Esc closes it and gives focus back', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await page.locator('.settings summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.settings').getAttribute('open')).not.toBeNull();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('theme');
    await page.keyboard.press('ArrowRight');
    expect((await data(page)).theme).toBe('light');
    await page.keyboard.press('Escape');
    expect(await page.locator('.settings').getAttribute('open')).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  });

  test('closes with a click elsewhere', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await page.locator('.settings summary').click();
    await page.locator('main h1').click();
    expect(await page.locator('.settings').getAttribute('open')).toBeNull();
  });

  test('is hidden without JavaScript, where the system theme applies', async ({ site, openPage }) => {
    const still = await openPage({ javaScriptEnabled: false, colorScheme: 'dark' });
    await load(still, site.url, { javaScript: false });
    expect(await still.locator('reading-settings').isVisible()).toBe(false);
    expect(await background(still)).toBe(DARK_BG);
  });
});

describe('reduced motion', () => {
  const duration = (page: Page) => page.$eval('.row-link', (b) => getComputedStyle(b).transitionDuration);

  test('keeps the short transitions otherwise', async ({ site, openPage }) => {
    const moving = await openPage({ reducedMotion: 'no-preference' });
    await load(moving, site.at(DOC));
    expect(await duration(moving)).toBe('0.15s');
  });

  test('drops transitions and animations when the system asks for less motion', async ({ site, openPage }) => {
    const still = await openPage({ reducedMotion: 'reduce' });
    await load(still, `${site.at(DOC)}#study=en`);
    expect(await duration(still)).toBe('0s');
    await still.locator('#p2 .cell.en .s').first().click();
    expect(await still.$eval('#p2 .cell.en .s', (s) => getComputedStyle(s).animationDuration)).toBe('0s');
  });
});
