import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, PHONE, siteTest } from './support/fixtures.ts';
import { load, settle } from './support/page.ts';

// Issue 14, "Accessible": axe-core finds nothing on the pages a reader uses, in either theme, with
// pinyin on and a popover open; and the seed page works from the keyboard alone.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations on the page as it is now, one line per element. */
async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`));
}

const PAGES = [
  ['the home page', ''],
  ['a document', DOC],
  ['the glossary', 'glossary/'],
  ['a glossary entry', 'glossary/tuyangbingju/'],
  ['the search page with results', 'search/?q=铝'],
  ['the status page', 'status/'],
] as const;

describe('axe-core', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, path] of PAGES) {
      test(`finds no violation on ${name}, ${theme} theme, pinyin on`, async ({ site, openPage }) => {
        // The theme chosen in the settings (dark) and the system's (light): both ways into a theme.
        const page = await openPage({ colorScheme: theme === 'light' ? 'light' : 'no-preference', bypassCSP: true });
        await page.addInitScript(
          ([t]) => {
            localStorage.setItem('duizhao:pinyin', 'on');
            if (t === 'dark') localStorage.setItem('duizhao:theme', 'dark');
          },
          [theme],
        );
        await load(page, site.at(path));
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme === 'dark' ? 'dark' : 'system');
        if (path.startsWith('search/')) await page.locator('.sr-doc').first().waitFor();
        expect(await violations(page)).toEqual([]);
      });
    }

    test(`finds no violation on a document with a popover open, the settings open and study mode on, ${theme} theme`, async ({ site, openPage }) => {
      const page = await openPage({ colorScheme: theme, bypassCSP: true });
      await load(page, `${site.at(DOC)}#p5&pinyin=on&study=en`);
      await page.locator('#p6 .cell.zh a.term').first().click();
      await expect.poll(() => page.locator('.term-pop:popover-open').count()).toBe(1);
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('.settings summary').click();
      expect(await violations(page)).toEqual([]);
    });

    // What the page's code builds when it arrives (elements/passage-bar.ts, word-lookup.ts, word-list.ts).
    test(`finds no violation with the passage bar, the cite dialog, a word's popover and the word list open, ${theme} theme`, async ({ site, openPage }) => {
      const page = await openPage({ colorScheme: theme, bypassCSP: true });
      await load(page, `${site.at(DOC)}#p3-p5`);
      await expect.poll(() => page.locator('.passage-bar').isVisible()).toBe(true);
      expect(await violations(page)).toEqual([]);
      await page.locator('.passage-bar [data-act="cite"]').click();
      await expect.poll(() => page.locator('.cite-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('#p3 .cell.zh zh-w').first().click();
      await expect.poll(() => page.locator('#word-pop:popover-open .wp-readings').count()).toBe(1);
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await page.locator('.word-list summary').click();
      await page.locator('.wl-table tbody tr').first().waitFor();
      expect(await violations(page)).toEqual([]);
    });
  }

  test('finds no violation on a document at 375 px with pinyin on, in the dark', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE, colorScheme: 'dark', bypassCSP: true });
    await load(page, `${site.at(DOC)}#pinyin=on`);
    expect(await violations(page)).toEqual([]);
  });
});

/** What has focus, as a reader would name it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') || (el as HTMLInputElement).value || el.textContent || '';
    const tag =
      el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '');
    return `${tag} ${name.replace(/\s+/g, ' ').trim().slice(0, 40)}`.trim();
  });
}

/** Which part of the page has focus: 0 before the header (the skip link), 1 header, 2 main, 3 footer. */
const part = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.closest('.site-foot') ? 3 : el?.closest('main') ? 2 : el?.closest('.site-head') ? 1 : 0;
  });

/** Presses Tab until focus leaves the page (at most `n` times) and records where it lands each time. */
async function tabThrough(page: Page, n: number): Promise<string[]> {
  const stops: string[] = [];
  for (let k = 0; k < n; k++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (stop === 'body') break;
    stops.push(`${await part(page)} ${stop}`);
  }
  return stops;
}

describe('the keyboard', () => {
  test('tabs through the seed page in reading order: skip link, header, document, rows in order, footer', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await load(page, site.at(DOC));
    const stops = await tabThrough(page, 600);
    const at = (pattern: RegExp) => stops.findIndex((s) => pattern.test(s.slice(2)));
    // Skip link, header, main, footer: never back to an earlier part.
    const parts = stops.map((s) => Number(s[0]));
    expect(parts, `stops: ${stops.join(' | ')}`).toEqual([...parts].sort((a, b) => a - b));
    expect(parts.at(-1), 'the last stop is in the footer').toBe(3);
    const order = [
      at(/^a\.skip Skip to content/),
      at(/^a\.brand /),
      at(/^input#site-search-q/),
      at(/^a Glossary/),
      at(/^input on$/), // pinyin
      at(/^input (Side by side|Interleaved|Chinese only|English only)$/),
      at(/^summary Aa Display/),
      at(/^a All years/),
      at(/^select /), // study mode
      at(/Paragraph 1$/),
      at(/Paragraph 2$/),
      at(/Paragraph 12$/),
      at(/^a\.day-link/),
    ];
    expect(
      order.every((k) => k >= 0),
      `stops: ${stops.join(' | ')}`,
    ).toBe(true);
    expect(
      [...order].sort((a, b) => a - b),
      `stops: ${stops.join(' | ')}`,
    ).toEqual(order);
    // Rows in order: every "Paragraph N" stop comes after N − 1's.
    const rows = stops
      .map((s) => /Paragraph (\d+)$/.exec(s)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(rows).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
    // Each layout radio group is one stop (arrows move inside it); the row's copy button follows its number.
    expect(stops.filter((s) => /^\d input (Side by side|Interleaved|Chinese only|English only)$/.test(s))).toHaveLength(1);
    expect(stops[at(/Paragraph 5$/) + 1]).toMatch(/Copy link to paragraph 5/);
  });

  test('draws a focus outline on every stop, the passage bar’s buttons too', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await load(page, site.at(DOC));
    const invisible: string[] = [];
    for (let k = 0; k < 60; k++) {
      await page.keyboard.press('Tab');
      const shown = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // A visually hidden input shows its focus on the label's span after it.
        const drawn = el.matches('input[type="radio"], input[type="checkbox"]') ? (el.nextElementSibling as HTMLElement) : el;
        const style = getComputedStyle(drawn);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      });
      if (!shown) invisible.push(await focused(page));
    }
    // The passage bar, once a passage is offered: its buttons too.
    await page.locator('#p5 a.pn').focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('.passage-bar [data-act="link"]').focus();
    for (let k = 0; k < 5; k++) {
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      if (ring === 'none') invisible.push(await focused(page));
      await page.keyboard.press('Tab');
    }
    expect(invisible).toEqual([]);
  });

  test('skips to the content with the first Tab and Enter', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Skip to content/);
    expect(await page.locator('a.skip').evaluate((a) => a.getBoundingClientRect().left >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
  });

  test('opens a glossary popover with Enter, moves into it, and Esc returns to the term', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    const mark = page.locator('#p6 .cell.zh a.term').first();
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.term-pop:popover-open').count()).toBe(1);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.term-pop'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.term-pop'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.term-pop:popover-open').count()).toBe(0);
    expect(await mark.evaluate((m) => m === document.activeElement)).toBe(true);
  });

  test('offers a sentence from the keyboard and runs the passage bar: → from a row number, Tab to the bar, Cite', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('#p5 a.pn').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p5.1');
    const bar = page.locator('.passage-bar');
    await expect.poll(() => bar.isVisible()).toBe(true);
    await page.locator('.passage-bar [data-act="cite"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.cite-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await page.locator('.cite-text').innerText()).toContain('¶5.1');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cite-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  test('searches from the keyboard: / to the box, type, ↓ to a result, Enter opens it', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.url);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.type('铝');
    await page.locator('[role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('[role="option"][aria-selected="true"]').getAttribute('href');
    expect(chosen).toBeTruthy();
    await Promise.all([page.waitForURL(new URL(chosen!, page.url()).href), page.keyboard.press('Enter')]);
    await settle(page);
    expect(new URL(page.url()).pathname).not.toBe('/');
  });
});
