import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { PHONE, siteBuild, siteTest } from './support/fixtures.ts';
import { load, screenshot } from './support/page.ts';

// Looking up any word, keeping the words one learns (issue 13), on the seed site and on the
// portable build opened from file://.
const test = siteTest('seed');
const portable = siteTest('portable');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const POP = '#word-pop';
const word = (page: Page, text: string) => page.locator('.cell.zh zh-w', { hasText: new RegExp(`^${text}$`) }).first();
const isOpen = (page: Page, selector = POP) => page.locator(selector).evaluate((el) => el.matches(':popover-open'));

/** Every response's size in bytes, by URL. */
function recordSizes(page: Page): Map<string, number> {
  const sizes = new Map<string, number>();
  page.on('response', async (r) => {
    try {
      sizes.set(r.url(), (await r.body()).length);
    } catch {
      /* a redirect or an aborted load has no body */
    }
  });
  return sizes;
}

describe('looking up a word on the seed page', () => {
  test('tapping 开采, not a glossary term, opens a popover with kāi cǎi, 開採 and an English sense', async ({ site, openPage }) => {
    const page = await openPage({ viewport: PHONE, hasTouch: true, isMobile: true });
    await load(page, site.at(DOC));
    const w = word(page, '开采');
    expect(await w.evaluate((el) => el.closest('a.term'))).toBeNull();
    await w.tap();
    await expect.poll(() => isOpen(page)).toBe(true);
    const pop = page.locator(POP);
    await expect.poll(() => pop.locator('.wp-readings').count()).toBe(1);
    expect(await pop.locator('.tp-hanzi').textContent()).toBe('开采');
    expect(await pop.locator('.tp-pinyin').textContent()).toBe('kāi cǎi');
    expect(await pop.locator('.tp-head .wp-trad').textContent()).toBe('開採');
    expect(await pop.locator('.wp-item-here .wp-senses').innerText()).toMatch(/to mine/);
    expect(await pop.getAttribute('role')).toBe('dialog');
    expect(await pop.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await pop.locator('.wp-credit').innerText()).toMatch(/CC-CEDICT.*CC BY-SA 4\.0/);
    const b = (await pop.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'word-popover-375');
  });

  test('shows a polyphone’s readings with the one read here first', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    // 了 reads le after a verb here; the dictionary also has liǎo.
    await word(page, '了').click();
    await expect.poll(() => page.locator(`${POP} .wp-py`).count()).toBeGreaterThan(1);
    const readings = await page.locator(`${POP} .wp-py`).allTextContents();
    expect(readings[0]).toBe('le');
    expect(readings).toContain('liǎo');
  });

  test('clicking another word moves the lookup to it, with one word marked expanded', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await word(page, '开采').click();
    await expect.poll(() => page.locator(`${POP} .wp-readings`).count()).toBe(1);
    await word(page, '冶炼').click();
    await expect.poll(() => page.locator(`${POP} .tp-hanzi`).textContent()).toBe('冶炼');
    expect(await isOpen(page)).toBe(true);
    expect(await page.locator('zh-w[aria-expanded="true"]').allTextContents()).toEqual(['冶炼']);
  });

  test('土洋并举 still opens its glossary entry first, with the dictionary’s senses below', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('#p6 .cell.zh a.term[data-term="g-tuyangbingju"]').click();
    const pop = page.locator('#pop-g-tuyangbingju');
    await expect.poll(() => isOpen(page, '#pop-g-tuyangbingju')).toBe(true);
    await expect.poll(() => pop.locator('.wp-dict .wp-senses').count()).toBe(1);
    const order = await pop.evaluate((el) => [...el.querySelectorAll('.tp-gloss, .tp-note, .wp-dict')].map((e) => e.className));
    expect(order).toEqual(['tp-gloss', 'tp-note', 'wp-dict']);
    expect(await pop.locator('.wp-dict').innerText()).toMatch(/combining native and foreign methods/);
    expect(await isOpen(page)).toBe(false);
  });

  test('from a focused sentence, Enter steps into its words, → moves, Enter looks up, Esc goes back', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('#p6 a.pn').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p6.1');
    const keys = await page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(keys, 'the focused sentence describes the word keys').toMatch(/Enter.*words/);
    await page.keyboard.press('Enter');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toBe('为了');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('保证');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('button');
    await page.keyboard.press('Enter');
    await expect.poll(() => isOpen(page)).toBe(true);
    expect(await page.locator(`${POP} .tp-hanzi`).textContent()).toBe('保证');
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('保证');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p6.1');
    // Words are never Tab stops.
    expect(await page.locator('zh-w[tabindex="0"]').count()).toBe(0);
  });

  test('a word the dictionary lacks is shown character by character', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await word(page, '开采').click();
    await expect.poll(() => page.locator(`${POP} .wp-readings`).count()).toBe(1);
    const onPage = await page.$$eval('.cell.zh zh-w', (els) => [...new Set(els.map((el) => el.textContent ?? ''))]);
    const src = await page.locator('word-lookup').getAttribute('data-src');
    const script = await (await page.request.get(new URL(src!, page.url()).href)).text();
    const data = JSON.parse(script.slice(script.indexOf('(', script.indexOf('&&')) + 1, script.lastIndexOf(')'))) as { dict: Record<string, unknown> };
    const lacking = onPage.find((w) => Array.from(w).length > 1 && !data.dict[w]);
    expect(lacking, 'the seed has a word CC-CEDICT lacks').toBeDefined();
    await page.keyboard.press('Escape');
    await word(page, lacking!).click();
    await expect.poll(() => page.locator(`${POP} .wp-chars dt`).allTextContents()).toEqual(Array.from(lacking!));
  });

  test('a starred word survives a reload and is listed on My words with its sentence and link', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await word(page, '开采').click();
    await expect.poll(() => page.locator(`${POP} .wp-readings`).count()).toBe(1);
    const star = page.locator(`${POP} .wp-star`);
    expect(await star.getAttribute('aria-pressed')).toBe('false');
    await star.click();
    await expect.poll(() => star.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await word(page, '开采').click();
    await expect.poll(() => page.locator(`${POP} .wp-star`).getAttribute('aria-pressed')).toBe('true');
    await load(page, site.at('words/'));
    const items = page.locator('.my-words li');
    expect(await items.count()).toBe(1);
    expect(await items.locator('.mw-word').textContent()).toBe('开采');
    expect(await items.locator('.mw-sentence').textContent()).toContain('土法开采和冶炼');
    const href = await items.locator('.mw-link a').getAttribute('href');
    expect(new URL(href!).hash).toMatch(/^#p6\.\d+$/);
    const download = page.waitForEvent('download');
    await page.locator('[data-export="anki"]').click();
    const tsv = readFileSync((await (await download).path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(tsv.slice(3)).toHaveLength(1);
    expect(tsv[3]!.split('\t')[0]).toBe('开采');
    expect(tsv[3]).toContain('kāi cǎi');
  });

  test('Words in this document lists each word once, filters by HSK level and exports the rows it shows as Anki TSV', async ({ site, openPage }) => {
    const page = await openPage();
    const sizes = recordSizes(page);
    await load(page, site.at(DOC));
    await page.locator('.word-list summary').click();
    const rows = page.locator('.wl-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(300);
    const all = await rows.count();
    const texts = await page.locator('.wl-table tbody .wl-word').allTextContents();
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('开采');
    expect(texts).toContain('土洋并举');
    const kaicai = rows.filter({ has: page.locator('.wl-word', { hasText: /^开采$/ }) });
    expect(await kaicai.locator('td').nth(1).textContent()).toBe('kāi cǎi');
    expect(await kaicai.locator('td').nth(3).textContent()).toBe('6');
    expect(await kaicai.locator('a').getAttribute('href')).toMatch(/^#p6\.\d+$/);

    await page.locator('.wl-level').selectOption('1');
    const level1 = await rows.count();
    expect(level1).toBeGreaterThan(5);
    expect(level1).toBeLessThan(all);
    expect(new Set(await rows.locator('td:nth-child(4)').allTextContents())).toEqual(new Set(['1']));

    // Marking a word known and hiding known words takes it out of the list.
    await rows.first().locator('.wl-known').check();
    await page.locator('.wl-hide-known').check();
    await expect.poll(() => rows.count()).toBe(level1 - 1);

    const download = page.waitForEvent('download');
    await page.locator('word-list [data-export="anki"]').click();
    const lines = readFileSync((await (await download).path())!, 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack']);
    expect(lines.slice(3)).toHaveLength(level1 - 1);
    for (const line of lines.slice(3)) expect(line.split('\t')).toHaveLength(2);

    const big = [...sizes].filter(([, n]) => n > 200 * 1024);
    expect(big, 'responses over 200 KB').toEqual([]);
    const words = [...sizes].find(([url]) => url.endsWith('/words.js'));
    expect(words, 'the page’s words.js was loaded').toBeDefined();
    await screenshot(page, 'word-list-1280');
  });

  test('loads nothing for words before the first lookup', async ({ site, openPage }) => {
    const page = await openPage();
    const sizes = recordSizes(page);
    await load(page, site.at(DOC));
    expect([...sizes.keys()].filter((u) => u.endsWith('words.js'))).toEqual([]);
    expect(await page.locator('.cell.zh zh-w').count()).toBeGreaterThan(500);
  });
});

describe('looking up a word in the portable build', () => {
  portable('opens the word popover from file://, with its entries', async ({ openPage }) => {
    const build = siteBuild('portable');
    if (build.status === 'failed' || build.status === 'absent') throw new Error(build.problem);
    const page = await openPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await load(page, pathToFileURL(join(build.outDir, DOC, 'index.html')).href);
    await word(page, '开采').click();
    await expect.poll(() => page.locator(`${POP} .wp-readings`).count()).toBe(1);
    expect(await page.locator(`${POP} .tp-pinyin`).textContent()).toBe('kāi cǎi');
    // Its links and the word list's are built by the page's code, not in the HTML the build makes
    // relative: each must still name a file (a folder opens as a listing from file://).
    await page.keyboard.press('Escape');
    await page.locator('.word-list summary').click();
    await page.locator('.wl-table tbody tr').first().waitFor();
    const links = await page.$$eval(`${POP} a, .wl-foot a`, (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBe(4);
    for (const href of links) expect(existsSync(fileURLToPath(href.replace(/#.*$/, ''))) && !href.replace(/#.*$/, '').endsWith('/'), href).toBe(true);
    expect(problems).toEqual([]);
  });
});
