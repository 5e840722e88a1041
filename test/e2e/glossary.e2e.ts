import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { DESKTOP, isCI, PHONE, siteBuild, siteTest } from './support/fixtures.ts';
import { load, settle } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// What a reader does with glossary terms, popovers and pinyin on the seed site (issue 3), and with
// a named entity from an archive document's own name list on the corpus site.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const TERM = 'g-tuyangbingju';
const POP = `#pop-${TERM}`;
const ZH_MARK = `#p6 .cell.zh a.term[data-term="${TERM}"]`;
const EN_MARK = `#p6 .cell.en a.term.term-en[data-term="${TERM}"]`;
const RENDERING = 'combining indigenous and foreign methods';
const GLOSSARY_SIZE = 31;

/** Is the popover shown (Popover API top layer)? A term's popover is made when first opened: none yet is not shown. */
const isOpen = (page: Page, selector = POP) => page.locator(selector).evaluateAll((els) => els.some((el) => el.matches(':popover-open')));
const hasClass = (locator: Locator, name: string) => locator.evaluate((el, n) => el.classList.contains(n), name);
const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

/** A screenshot of what is on screen (a full-page shot would move a fixed popover) for people to look at. */
async function viewportShot(page: Page, name: string): Promise<void> {
  const dir = join(RESULTS_DIR, 'screens');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'element has no box (hidden?)').not.toBeNull();
  return b!;
}

/** The popover's box lies inside the viewport. */
async function expectInsideViewport(page: Page, popover: Locator): Promise<void> {
  const b = await box(popover);
  const { width, height } = page.viewportSize()!;
  expect(b.x, 'popover left edge').toBeGreaterThanOrEqual(0);
  expect(b.y, 'popover top edge').toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `popover right edge, viewport ${width}`).toBeLessThanOrEqual(width);
  expect(b.y + b.height, `popover bottom edge, viewport ${height}`).toBeLessThanOrEqual(height);
}

async function openDoc(page: Page, url: string, options?: { javaScript?: boolean }) {
  await load(page, url, options);
}

describe('glossary marks on the seed page', () => {
  test('marks 土洋并举 in the Chinese of #p6, as a link to its glossary page', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    expect(await mark.count()).toBe(1);
    expect(await mark.textContent()).toBe('土洋并举');
    expect(new URL((await mark.getAttribute('href'))!, page.url()).pathname).toBe(new URL(site.at('glossary/tuyangbingju/')).pathname);
  });

  test('marks its English rendering in the English cell of #p6, and nowhere else', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    expect(await page.locator(EN_MARK).count()).toBe(1);
    expect(await page.locator(EN_MARK).textContent()).toBe(RENDERING);
    expect(await page.locator(`a.term[data-term="${TERM}"]`).count(), 'marks of 土洋并举 on the page').toBe(2);
  });

  test('gives every English mark a Chinese partner of the same term in its row', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const orphans = await page.$$eval('a.term.term-en', (marks) =>
      marks
        .filter((m) => !m.closest('.row, .headline')?.querySelector(`a.term:not(.term-en)[data-term="${(m as HTMLElement).dataset.term}"]`))
        .map((m) => m.textContent),
    );
    expect(await page.locator('a.term.term-en').count()).toBeGreaterThan(10);
    expect(orphans).toEqual([]);
  });

  test('hovering the Chinese mark lights its English partner, and hovering the English lights the Chinese', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const zh = page.locator(ZH_MARK);
    const en = page.locator(EN_MARK);
    expect(await hasClass(en, 'term-lit')).toBe(false);

    await zh.hover();
    await expect.poll(() => hasClass(en, 'term-lit')).toBe(true);
    expect(await hasClass(zh, 'term-lit')).toBe(true);

    await page.locator('#p6 .num').hover();
    await expect.poll(() => hasClass(en, 'term-lit')).toBe(false);

    await en.hover();
    await expect.poll(() => hasClass(zh, 'term-lit')).toBe(true);
    // Only the partners of this term are lit.
    expect(await page.locator('.term-lit').count()).toBe(2);
  });

  test('keyboard focus on either mark lights its partner', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    await page.locator(ZH_MARK).focus();
    await expect.poll(() => hasClass(page.locator(EN_MARK), 'term-lit')).toBe(true);
    await page.locator(EN_MARK).focus();
    await expect.poll(() => hasClass(page.locator(ZH_MARK), 'term-lit')).toBe(true);
    await page.locator('#p7 a.pn').first().focus();
    await expect.poll(() => page.locator('.term-lit').count()).toBe(0);
  });

  test('reaches the mark with Tab: marks are in the tab order', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    // Focus the row number link just before the Chinese cell of #p6, then Tab into the cell.
    await page.locator('#p6 a.pn').last().focus();
    for (let i = 0; i < 40 && !(await isFocused(page.locator(ZH_MARK))); i++) await page.keyboard.press('Tab');
    expect(await isFocused(page.locator(ZH_MARK))).toBe(true);
  });
});

describe('the term popover', () => {
  test('opens on click beside the mark, with hanzi, pinyin, gloss, note and a glossary link', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    expect(await isOpen(page)).toBe(false);
    await mark.click();
    await expect.poll(() => isOpen(page)).toBe(true);

    const pop = page.locator(POP);
    expect(await pop.locator('.tp-hanzi').textContent()).toBe('土洋并举');
    expect(await pop.locator('.tp-pinyin').textContent()).toBe('tǔ yáng bìng jǔ');
    expect(await pop.locator('.tp-gloss').textContent()).toMatch(/combining indigenous and modern/);
    expect((await pop.locator('.tp-note').innerText()).length).toBeGreaterThan(50);
    const link = pop.locator('a', { hasText: 'Glossary entry' });
    expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toBe(new URL(site.at('glossary/tuyangbingju/')).pathname);
    expect(await mark.getAttribute('aria-expanded')).toBe('true');
    expect(page.url(), 'the click must not follow the link').toBe(site.at(DOC));

    // Beside the mark: its top edge within a line or two of the mark, not somewhere else on screen.
    const m = await box(mark);
    const p = await box(pop);
    expect(Math.min(Math.abs(p.y - (m.y + m.height)), Math.abs(p.y + p.height - m.y)), 'distance from mark to popover').toBeLessThan(24);
    await expectInsideViewport(page, pop);
    await viewportShot(page, 'glossary-popover-1280');
  });

  test('closes on Esc and gives focus back to the mark', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    await mark.click();
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await isFocused(mark)).toBe(true);
    expect(await mark.getAttribute('aria-expanded')).toBe('false');
  });

  test('opens with Enter on the focused mark and closes with Esc', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    await mark.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(page.url(), 'Enter must not follow the link').toBe(site.at(DOC));
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await isFocused(mark)).toBe(true);
  });

  test('opens with Space on the focused mark, without scrolling the page', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    await mark.focus();
    const scrollY = await page.evaluate(() => window.scrollY);
    await page.keyboard.press(' ');
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await isFocused(mark)).toBe(true);
  });

  test('closes on a click outside it', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    await page.locator(ZH_MARK).click();
    await expect.poll(() => isOpen(page)).toBe(true);
    await page.locator('#p5 .cell.zh').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => isOpen(page)).toBe(false);
  });

  test('closes with its Close button and gives focus back to the mark', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    await mark.click();
    await page.locator(`${POP} button.tp-close`).click();
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await isFocused(mark)).toBe(true);
  });

  test('is announced as a dialog named by its term, opened from a button that says it has one', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    const mark = page.locator(ZH_MARK);
    expect(await mark.getAttribute('role')).toBe('button');
    expect(await mark.getAttribute('aria-haspopup')).toBe('dialog');
    await mark.click();
    const dialog = page.getByRole('dialog', { name: '土洋并举' });
    // Opened for the first time, it shows once its note (glossary/…/note.js) is in.
    await expect.poll(() => dialog.count()).toBe(1);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getAttribute('id')).toBe(`pop-${TERM}`);
    // Focus moves into the dialog, so a screen reader reads it.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  });

  test('stays inside a 375 × 800 viewport', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    await openDoc(page, site.at(DOC));
    await page.locator(ZH_MARK).click();
    await expect.poll(() => isOpen(page)).toBe(true);
    await expectInsideViewport(page, page.locator(POP));
    await viewportShot(page, 'glossary-popover-375');
  });

  test('stays inside a 375 px viewport for the mark nearest the right edge', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    await openDoc(page, site.at(DOC));
    // The Chinese mark whose right edge is furthest right (ties: the first).
    const index = await page.$$eval('.rows a.term', (marks) => {
      let best = 0;
      marks.forEach((m, k) => {
        if (m.getBoundingClientRect().right > marks[best]!.getBoundingClientRect().right) best = k;
      });
      return best;
    });
    const mark = page.locator('.rows a.term').nth(index);
    await mark.scrollIntoViewIfNeeded();
    const right = (await box(mark)).x + (await box(mark)).width;
    expect(right, 'a mark near the right edge').toBeGreaterThan(PHONE.width - 60);
    const id = await mark.getAttribute('data-term');
    await mark.click();
    const pop = page.locator(`#pop-${id}`);
    await expect.poll(() => isOpen(page, `#pop-${id}`)).toBe(true);
    await expectInsideViewport(page, pop);
    await viewportShot(page, 'glossary-popover-375-right-edge');
  });

  test('stays inside the viewport at 1280 px for an English mark near the right edge, low on the screen', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await openDoc(page, site.at(DOC));
    const mark = page.locator(EN_MARK);
    // Put the mark near the bottom of the window: the popover has to open above it.
    await mark.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 20));
    await settle(page);
    await mark.click();
    await expect.poll(() => isOpen(page)).toBe(true);
    await expectInsideViewport(page, page.locator(POP));
  });
});

describe('without JavaScript', () => {
  test('a term is a plain link to its glossary entry, and following it opens that page', async ({ site, openPage }) => {
    const page = await openPage({ javaScriptEnabled: false });
    await openDoc(page, site.at(DOC), { javaScript: false });
    const mark = page.locator(ZH_MARK);
    expect(await mark.getAttribute('role')).toBeNull();
    expect(await page.locator(POP).isVisible()).toBe(false);
    await mark.click();
    await page.waitForURL(site.at('glossary/tuyangbingju/'));
    expect((await page.locator('h1').textContent())?.trim()).toBe('土洋并举');
  });
});

describe('the pinyin switch', () => {
  const pinyinState = (page: Page) => page.locator('html').getAttribute('data-pinyin');
  /** Wait until the page's pinyin.js has put its ruby in (`<html data-ruby="on">`). */
  const rubyIn = async (page: Page) => {
    await page.waitForSelector('html[data-ruby="on"]', { state: 'attached' });
    await settle(page);
  };
  const rtShown = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((rt) => getComputedStyle(rt).display !== 'none' && rt.getBoundingClientRect().height > 0);
  /** The reading of `ch` where it starts `word` in the element, as the page shows it (CSS content of rt::before). */
  const readingIn = (page: Page, scope: string, word: string) =>
    page.locator(scope).evaluate((el, w) => {
      const rubies = [...el.querySelectorAll('ruby')];
      const chars = rubies.map((r) => r.firstChild?.textContent ?? '').join('');
      const at = chars.indexOf(w);
      if (at < 0) return null;
      const rt = rubies[at]!.querySelector('rt')!;
      return { attr: rt.dataset.py, shown: getComputedStyle(rt, '::before').content.replace(/^"|"$/g, '') };
    }, word);

  test('starts off: no ruby in the page and its pinyin.js not asked for', async ({ site, openPage }) => {
    const page = await openPage();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    await openDoc(page, site.at(DOC));
    expect(await pinyinState(page)).toBe('off');
    expect(await page.locator('input[type="checkbox"][name="pinyin"]').isChecked()).toBe(false);
    expect(await page.locator('.rows rt').count()).toBe(0);
    expect(asked.filter((u) => u.endsWith('/pinyin.js'))).toEqual([]);
  });

  test('shows a reading over every Chinese character when switched on: 薄 in 薄弱 reads bó, 重 in 重要 zhòng', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await openDoc(page, site.at(DOC));
    await page.locator('input[name="pinyin"]').check();
    await rubyIn(page);
    expect(await pinyinState(page)).toBe('on');
    expect(await rtShown(page, '#p6 rt')).toBe(true);
    expect(await rtShown(page, 'h1 rt')).toBe(true);
    // In the term 薄弱环节 (p3), and on its own in 基础是很薄弱的 (p4), where only context decides.
    expect(await readingIn(page, '#p3 .cell.zh', '薄弱环节')).toEqual({ attr: 'bó', shown: 'bó' });
    expect(await readingIn(page, '#p4 .cell.zh', '很薄弱')).toEqual({ attr: 'hěn', shown: 'hěn' });
    expect(await readingIn(page, '#p4 .cell.zh', '薄弱的')).toEqual({ attr: 'bó', shown: 'bó' });
    expect(await readingIn(page, '#p12 .cell.zh', '重要')).toEqual({ attr: 'zhòng', shown: 'zhòng' });
    expect(await readingIn(page, '#p12 .cell.zh', '繁重')).toEqual({ attr: 'fán', shown: 'fán' });
    // No reading in English, and the text of the page is still the plain text.
    expect(await page.locator('.cell.en rt').count()).toBe(0);
    expect((await page.locator('#p6 .cell.zh').innerText()).replace(/\s+/g, '')).toContain('这样土洋并举，首先以土为主');
    await page.locator('#p6').scrollIntoViewIfNeeded();
    await viewportShot(page, 'glossary-pinyin-on-1280');
  });

  test('is remembered after a reload', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    await page.locator('input[name="pinyin"]').check();
    expect(await page.evaluate(() => localStorage.getItem('duizhao:pinyin'))).toBe('on');
    await page.reload({ waitUntil: 'load' });
    await rubyIn(page);
    expect(await pinyinState(page)).toBe('on');
    expect(await page.locator('input[name="pinyin"]').isChecked()).toBe(true);
    expect(await rtShown(page, '#p6 rt')).toBe(true);

    await page.locator('input[name="pinyin"]').uncheck();
    // The switch's code comes with the first use of the reloaded page: the choice is written then.
    await expect.poll(() => pinyinState(page)).toBe('off');
    await page.reload({ waitUntil: 'load' });
    await settle(page);
    expect(await pinyinState(page)).toBe('off');
    expect(await page.locator('#p6 rt').count()).toBe(0);
  });

  test('shows the readings at 375 px too', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE });
    await openDoc(page, site.at(DOC));
    await page.locator('input[name="pinyin"]').check();
    await rubyIn(page);
    await page.locator('#p6').scrollIntoViewIfNeeded();
    expect(await rtShown(page, '#p6 rt')).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await viewportShot(page, 'glossary-pinyin-on-375');
  });

  test('reads a marked term as the glossary does: the rt of the 土洋并举 mark join to the popover pinyin', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    await page.locator('input[name="pinyin"]').check();
    await rubyIn(page);
    const ruby = await page.locator(ZH_MARK).evaluate((el) => [...el.querySelectorAll('rt')].map((rt) => (rt as HTMLElement).dataset.py).join(' '));
    await page.locator(ZH_MARK).click();
    await expect.poll(() => isOpen(page)).toBe(true);
    const popover = await page.locator(`${POP} .tp-pinyin`).textContent();
    expect(ruby).toBe('tǔ yáng bìng jǔ');
    expect(ruby).toBe(popover);
  });

  test('reads every marked term as its popover does', async ({ site, openPage }) => {
    const page = await openPage();
    await openDoc(page, site.at(DOC));
    await page.locator('input[name="pinyin"]').check();
    await rubyIn(page);
    // Each term's popover, opened from its first mark (a popover is made when first opened).
    const popovers = await page.$$eval('a.term:not(.term-en)', async (marks) => {
      const pinyin: Record<string, string | null> = {};
      for (const m of marks as HTMLElement[]) {
        const term = m.dataset.term!;
        if (term in pinyin) continue;
        m.click();
        const until = Date.now() + 3000;
        let pop = document.getElementById(`pop-${term}`);
        while (!pop?.matches(':popover-open') && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 20));
          pop = document.getElementById(`pop-${term}`);
        }
        pinyin[term] = pop?.matches(':popover-open') ? (pop.querySelector('.tp-pinyin')?.textContent ?? null) : null;
        pop?.hidePopover();
      }
      return pinyin;
    });
    const pairs = await page.$$eval('a.term:not(.term-en)', (marks) =>
      marks.map((m) => ({
        term: (m as HTMLElement).dataset.term!,
        ruby: [...m.querySelectorAll('rt')].map((rt) => (rt as HTMLElement).dataset.py).join(' '),
      })),
    );
    expect(pairs.length).toBeGreaterThan(30);
    expect(pairs.filter((p) => p.ruby !== popovers[p.term])).toEqual([]);
  });
});

describe('the glossary pages', () => {
  const toneless = (s: string) =>
    s
      .normalize('NFD')
      .replace(/u\u0308/g, 'v')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .trim();

  test(`/glossary/ lists all ${GLOSSARY_SIZE} entries with hanzi, pinyin and gloss, sorted by toneless pinyin`, async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('glossary/'));
    const items = await page.$$eval('ol.glossary-list > li', (lis) =>
      lis.map((li) => ({
        hanzi: li.querySelector('.gl-hanzi')?.textContent?.trim() ?? '',
        pinyin: li.querySelector('.gl-pinyin')?.textContent?.trim() ?? '',
        gloss: li.querySelector('.gl-gloss')?.textContent?.trim() ?? '',
        href: li.querySelector('a')?.getAttribute('href') ?? '',
      })),
    );
    expect(items).toHaveLength(GLOSSARY_SIZE);
    for (const item of items) {
      expect(item.hanzi, JSON.stringify(item)).toMatch(/\p{Script=Han}/u);
      expect(item.pinyin, JSON.stringify(item)).not.toBe('');
      expect(item.gloss, JSON.stringify(item)).not.toBe('');
    }
    const keys = items.map((i) => toneless(i.pinyin));
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    expect(items.find((i) => i.hanzi === '土洋并举')).toMatchObject({ pinyin: 'tǔ yáng bìng jǔ' });
  });

  test('/glossary/tuyangbingju/ lists the occurrence in p6 with the Chinese sentence and its English, terms marked', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('glossary/tuyangbingju/'));
    const items = page.locator('ol.concordance > li');
    expect(await items.count()).toBe(1);
    const href = await items.first().locator('a.where').getAttribute('href');
    expect(href).toMatch(/#p6$/);
    expect(new URL(href!, page.url()).pathname).toBe(new URL(site.at(DOC)).pathname);
    expect(await items.first().locator('.kwic [lang="zh-Hans"] mark').textContent()).toBe('土洋并举');
    expect(await items.first().locator('.kwic [lang="en"] mark').textContent()).toBe(RENDERING);
    expect(await items.first().locator('.kwic [lang="zh-Hans"]').textContent()).toBe(
      '这样土洋并举，首先以土为主，然后由土到洋的作法，将能迅速地提高我国的铜产量。',
    );
    await viewportShot(page, 'glossary-entry-1280');
  });

  test('following an occurrence lands on its row, #p6, as the target', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('glossary/tuyangbingju/'));
    await page.locator('ol.concordance > li a.where').first().click();
    await page.waitForURL(`${site.at(DOC)}#p6`);
    await settle(page);
    const p6 = await page.$eval('#p6', (row) => ({ target: row.matches(':target'), top: row.getBoundingClientRect().top, viewport: window.innerHeight }));
    expect(p6.target).toBe(true);
    expect(p6.top).toBeGreaterThanOrEqual(-1);
    expect(p6.top).toBeLessThan(p6.viewport);
  });
});

// The corpus: an archive document whose translation ends with a **Named Entities** block.
const corpusTest = siteTest('corpus');
const corpusSkip = siteBuild('corpus').status === 'absent' && !isCI;
const POEM = '1966-01-05/p6/he-xinlang/';

describe.skipIf(corpusSkip)('named entities on the corpus site', () => {
  corpusTest('marks 雷锋 as a named entity whose popover gives its pinyin and says where it comes from', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(POEM));
    const mark = page.locator('.rows a.term:not(.term-en)', { hasText: '雷锋' });
    expect(await mark.count()).toBe(1);
    const id = await mark.getAttribute('data-term');
    expect(id).toMatch(/^n-\d+$/);
    expect(await page.locator(`.rows a.term.term-en[data-term="${id}"]`).textContent()).toBe('Lei Feng');

    await mark.click();
    await expect.poll(() => isOpen(page, `#pop-${id}`)).toBe(true);
    const pop = page.locator(`#pop-${id}`);
    expect(await pop.locator('.tp-hanzi').textContent()).toBe('雷锋');
    expect(await pop.locator('.tp-pinyin').textContent()).toBe('léi fēng');
    expect(await pop.locator('.tp-source').isVisible()).toBe(true);
    expect(await pop.locator('.tp-source').textContent()).toMatch(/translation/i);
    await viewportShot(page, 'glossary-entity-popover-1280');
  });

  corpusTest('never shows the raw Named Entities block as a row', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(POEM));
    const rows = await page.$$eval('.rows .row', (els) => els.map((r) => r.textContent ?? ''));
    expect(rows.length).toBeGreaterThan(0);
    for (const raw of ['Named Entities', 'Léi Fēng (Lei Feng', 'Zhōngguó (China)', '雷锋\tLéi']) {
      expect(
        rows.filter((r) => r.includes(raw)),
        raw,
      ).toEqual([]);
    }
  });
});
