import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { DESKTOP, PHONE, siteTest, type Site } from './support/fixtures.ts';
import { load, settle, squash } from './support/page.ts';
import { REPO_ROOT } from './support/build.ts';
import { RESULTS_DIR } from './support/sites.ts';

// What a teacher does with passages on the seed document (issue 5): link a row, a range, a
// sentence; send a lesson link; cite; copy; print a handout.
const test = siteTest('seed');
const DOC = '1958-09-25/p1/copper-and-aluminum/';
const HEADLINE_ZH = '中共中央和国务院指示抓住大跃进中薄弱环节高速度发展铜铝工业动员全民土法冶炼，一年内把产量提高几倍';
const TITLE_EN =
  'The CCP Central Committee and the State Council Issue Instructions to Seize Weak Links in the Great Leap Forward and Develop the Copper and Aluminum Industries at High Speed; Mobilize the People to Refine Using Indigenous Methods, Increasing Output Several Times Within a Year';
const SCREENS = join(RESULTS_DIR, 'screens');
const PDFS = join(RESULTS_DIR, 'pdf');

/** The seed's paragraphs straight from the source file: what copied text must match. */
const seed = buildDocument(parseDocument(readFileSync(join(REPO_ROOT, 'content/documents/1958-09-25-p1-copper-and-aluminum.txt'), 'utf8'), 'seed'));
const zhOf = (n: number) => seed.rows.flatMap((r) => r.zh).find((z) => z.n === n)!.text;
const enOf = (n: number) =>
  seed.rows
    .find((r) => r.zh.some((z) => z.n === n))!
    .en.map((e) => e.text)
    .join('\n');

/** Today in the reader's words, "November 25, 2026" (Node and Chromium share the machine's clock and zone). */
const todayLong = () => new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

/** A page whose clipboard the test can read, primed with a sentinel so a stale value cannot pass. */
async function withClipboard(page: Page, site: Site): Promise<Page> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  return page;
}

async function primeClipboard(page: Page): Promise<void> {
  await page.evaluate(() => navigator.clipboard.writeText('(nothing copied yet)'));
}

/** The clipboard once something has been copied into it. */
async function copied(page: Page): Promise<string> {
  let text = '';
  await expect
    .poll(async () => {
      text = await page.evaluate(() => navigator.clipboard.readText());
      return text;
    })
    .not.toBe('(nothing copied yet)');
  return text;
}

/** Ids of the rows marked as in the passage, and every other element so marked. */
function marked(page: Page): Promise<{ rows: string[]; others: string[] }> {
  return page.$$eval('.in-passage', (els) => ({
    rows: els.filter((e) => e.classList.contains('row')).map((e) => e.id),
    others: els
      .filter((e) => !e.classList.contains('row'))
      .map((e) => `${e.tagName.toLowerCase()}[data-s="${e.getAttribute('data-s')}"]${e.id ? `#${e.id}` : ''}`),
  }));
}

/** The sentences lit as counterparts: `zh p5.6` / `en p5.6`. */
function lit(page: Page): Promise<string[]> {
  return page.$$eval('.s-lit', (els) => els.map((e) => `${e.closest('.cell.zh') ? 'zh' : e.closest('.cell.en') ? 'en' : '?'} ${e.getAttribute('data-s')}`));
}

/** Move the mouse to the middle of the first line of an element (a sentence may wrap over lines). */
async function pointAt(page: Page, selector: string): Promise<void> {
  const box = await page.$eval(selector, (el) => {
    el.scrollIntoView({ block: 'center' });
    const r = el.getClientRects()[0]!;
    return { x: r.left + Math.min(20, r.width / 2), y: r.top + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
}

const bar = (page: Page) => page.locator('reader-passages .passage-bar');

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `passages-${name}.png`) });
}

/** pdftotext, pdfinfo and pdftoppm come with Debian's poppler-utils (README, "Requirements"). */
function requirePoppler(): void {
  const missing = ['pdftotext', 'pdfinfo', 'pdftoppm'].filter((tool) => spawnSync(tool, ['-v']).error);
  if (missing.length)
    throw new Error(
      `${missing.join(', ')} not found: the print tests read the PDF with poppler-utils. Install it with\n    apt-get install -y poppler-utils\n(.ci/run does this when it is missing).`,
    );
}

/** Print the page to PDF as Chromium does for window.print (page.pdf() fires beforeprint), and read its text. */
async function printed(page: Page, name: string): Promise<{ text: string; layout: string; pages: number; lastPage: string }> {
  mkdirSync(PDFS, { recursive: true });
  const file = join(PDFS, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  mkdirSync(SCREENS, { recursive: true });
  requirePoppler();
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENS, `passages-${name}`)]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  return {
    text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
    layout: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    pages,
    lastPage: execFileSync('pdftotext', ['-layout', '-f', String(pages), '-l', String(pages), file, '-'], { encoding: 'utf8' }),
  };
}

/** The numbers of the printed glossary notes (`12. 第一个五年计划 …`), from the heading to the citation. */
function noteNumbers(layout: string): number[] {
  const notes = layout.slice(layout.indexOf('Glossary notes'), layout.lastIndexOf('“中共中央'));
  return [...notes.matchAll(/(?:^|\s)(\d+)\.(?=\s)/g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

/** The row number printed in the margin just before the first characters of the row's Chinese. */
function hasRowNumber(layout: string, n: number): boolean {
  const start = zhOf(n).slice(0, 3);
  return new RegExp(`(^|\\n)\\s*${n}\\s*\\n\\s*${start}`).test(layout);
}

describe('row links', () => {
  test('shows the link button of a row only on hover or keyboard focus', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    const button = page.locator('#p7 .num button.row-link');
    const opacity = () => button.evaluate((b) => Number(getComputedStyle(b).opacity));
    expect(await page.locator('.rows .row .num button.row-link').count()).toBe(12);
    expect(await button.getAttribute('aria-label')).toBe('Copy link to paragraph 7');
    expect(await opacity()).toBe(0);

    await page.locator('#p7 .cell.en').hover();
    await expect.poll(opacity).toBe(1);

    await page.mouse.move(0, 0);
    await page.locator('#p3 .cell.en').hover();
    await expect.poll(opacity).toBe(0);
    await page.locator('#p7 a.pn').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.row')?.id + ' ' + document.activeElement?.className)).toBe('p7 row-link');
    await expect.poll(opacity).toBe(1);
  });

  test('copies the row URL …/copper-and-aluminum/#p7 to the clipboard', async ({ site, openPage }) => {
    const page = await withClipboard(await openPage(), site);
    await load(page, site.at(DOC));
    await primeClipboard(page);
    await page.locator('#p7 .cell.zh').hover();
    await page.locator('#p7 .num button.row-link').click();
    expect(await copied(page)).toBe(`${site.at(DOC)}#p7`);
    await expect.poll(() => bar(page).locator('.pb-status').textContent()).toBe('Link copied');
  });
});

describe('ranges', () => {
  test('shift-click on row number 5 after row number 3 makes the range #p3-p5', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('#p3 a.pn').click();
    await page.locator('#p5 a.pn').click({ modifiers: ['Shift'] });
    await settle(page);
    expect(new URL(page.url()).hash).toBe('#p3-p5');
    expect(page.context().pages()).toHaveLength(1); // shift-click did not open the link in a new window
    expect(await marked(page)).toEqual({ rows: ['p3', 'p4', 'p5'], others: [] });
    expect(await bar(page).locator('.pb-label').textContent()).toBe('¶3–5');
  });

  test('opening #p3-p5 scrolls row 3 into view and highlights rows 3 to 5', async ({ site, openPage }) => {
    const page = await openPage({ viewport: DESKTOP });
    await load(page, `${site.at(DOC)}#p3-p5`);
    const p3 = await page.$eval('#p3', (row) => ({ top: row.getBoundingClientRect().top, scrollY: window.scrollY, viewport: window.innerHeight }));
    expect(p3.scrollY, 'the page should have scrolled down to row 3').toBeGreaterThan(0);
    expect(p3.top).toBeGreaterThanOrEqual(-1);
    expect(p3.top).toBeLessThan(p3.viewport / 4);
    expect(await marked(page)).toEqual({ rows: ['p3', 'p4', 'p5'], others: [] });
    const background = await page.$eval('#p4', (row) => getComputedStyle(row).backgroundColor);
    expect(background, 'a highlighted row is visibly marked').not.toBe('rgba(0, 0, 0, 0)');
  });

  test('a lesson link #p2,p5-p7 highlights rows 2, 5, 6 and 7 and nothing else', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p2,p5-p7`);
    expect(await marked(page)).toEqual({ rows: ['p2', 'p5', 'p6', 'p7'], others: [] });
    expect(await bar(page).locator('.pb-label').textContent()).toBe('¶2, 5–7');
  });

  test('follows the address when it changes to another passage', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p3-p5`);
    await page.evaluate(() => (location.hash = '#p9'));
    await expect.poll(() => marked(page)).toEqual({ rows: ['p9'], others: [] });
  });
});

describe('sentences', () => {
  const P56 = ['zh p5.6', 'en p5.6', 'en p5.6'];

  test('hovering the Chinese sentence p5.6 lights both English sentences that translate it, and nothing else', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    expect(await page.locator('.cell.en .s[data-s="p5.6"]').count()).toBe(2);
    await pointAt(page, '[id="p5.6"]');
    await expect.poll(() => lit(page)).toEqual(P56);
    await pointAt(page, '[id="p5.2"]');
    await expect.poll(() => lit(page)).toEqual(['zh p5.2', 'en p5.2']);
    expect(await page.locator('.cell.en .s.s-lit').textContent()).toBe('We believe that we are fully capable of completing this task. ');
  });

  test('hovering an English sentence lights its Chinese counterpart', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await pointAt(page, '.cell.en .s[data-s="p5.2"]');
    await expect.poll(() => lit(page)).toEqual(['zh p5.2', 'en p5.2']);
  });

  test('focusing a sentence lights its counterparts and offers it in the passage bar', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('[id="p5.6"]').focus();
    await expect.poll(() => lit(page)).toEqual(P56);
    expect(await bar(page).isVisible()).toBe(true);
    expect(await bar(page).locator('.pb-label').textContent()).toBe('¶5.6');
  });

  test('reaches sentences from the keyboard: → from a row number, → and ← between sentences, Esc back', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.locator('#p5 a.pn').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p5.1');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p5.2');
    await expect.poll(() => lit(page)).toEqual(['zh p5.2', 'en p5.2']);
    expect(await bar(page).locator('.pb-label').textContent()).toBe('¶5.2');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p5.1');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('5');
  });

  test('#p5.2 marks that sentence and its English counterpart as the passage', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p5.2`);
    expect(await marked(page)).toEqual({ rows: ['p5'], others: ['span[data-s="p5.2"]#p5.2', 'span[data-s="p5.2"]'] });
    expect(await page.locator('.cell.en .s.in-passage').textContent()).toBe('We believe that we are fully capable of completing this task. ');
    const top = await page.$eval('[id="p5.2"]', (s) => s.getBoundingClientRect().top);
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThan(DESKTOP.height);
  });
});

describe('lesson links', () => {
  const LESSON = '#p2,p5-p7&layout=zh&pinyin=on';

  test('show Chinese only with pinyin, without changing the reader’s saved layout', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    await page.evaluate(() => {
      localStorage.setItem('duizhao:layout', 'en');
      localStorage.setItem('duizhao:pinyin', 'off');
    });
    await load(page, `${site.at(DOC)}${LESSON}`);

    expect(await page.locator('html').getAttribute('data-layout')).toBe('zh');
    expect(await page.locator('html').getAttribute('data-pinyin')).toBe('on');
    expect(await page.locator('input[name="layout"]:checked').getAttribute('value')).toBe('zh');
    expect(await page.locator('input[name="pinyin"]').isChecked()).toBe(true);

    const cells = await page.$$eval('.rows .row', (rows) =>
      rows.map((row) => {
        const box = (sel: string) => row.querySelector(sel)?.getBoundingClientRect();
        return { id: row.id, zh: (box('.cell.zh')?.height ?? 0) > 0, en: (box('.cell.en')?.height ?? 0) > 0 };
      }),
    );
    expect(
      cells.filter((c) => !c.zh || c.en),
      'every row should show its Chinese cell and hide its English one',
    ).toEqual([]);

    const ruby = await page.$eval('[id="p5.2"] rt', (rt) => ({
      display: getComputedStyle(rt).display,
      pinyin: getComputedStyle(rt, '::before').content,
      height: rt.getBoundingClientRect().height,
    }));
    expect(ruby.display).not.toBe('none');
    expect(ruby.pinyin).toBe('"wǒ"');
    expect(ruby.height).toBeGreaterThan(0);

    expect(await marked(page)).toEqual({ rows: ['p2', 'p5', 'p6', 'p7'], others: [] });
    expect(await page.evaluate(() => [localStorage.getItem('duizhao:layout'), localStorage.getItem('duizhao:pinyin')])).toEqual(['en', 'off']);

    await load(page, site.at(DOC));
    expect(await page.locator('html').getAttribute('data-layout'), 'the next visit without the lesson link uses the saved layout').toBe('en');
    expect(await page.locator('html').getAttribute('data-pinyin')).toBe('off');
  });

  test('keep the lesson’s layout and pinyin in a link copied from it', async ({ site, openPage }) => {
    const page = await withClipboard(await openPage(), site);
    await load(page, `${site.at(DOC)}${LESSON}`);
    await primeClipboard(page);
    await bar(page).getByRole('button', { name: 'Copy link' }).click();
    expect(await copied(page)).toBe(`${site.at(DOC)}${LESSON}`);
  });
});

describe('the passage bar', () => {
  test('shows ¶3–5 with Copy link, Cite, Copy passage and Print passage', async ({ site, openPage }) => {
    const page = await withClipboard(await openPage(), site);
    await load(page, `${site.at(DOC)}#p3-p5`);
    expect(await bar(page).isVisible()).toBe(true);
    expect(await bar(page).getAttribute('aria-label')).toBe('Passage');
    expect(await bar(page).locator('.pb-label').textContent()).toBe('¶3–5');
    const names = await bar(page)
      .locator('button')
      .evaluateAll((bs) => bs.map((b) => b.textContent?.trim()));
    expect(names.slice(0, 4)).toEqual(['Copy link', 'Cite', 'Copy passage', 'Print passage']);

    await primeClipboard(page);
    await bar(page).getByRole('button', { name: 'Copy link' }).click();
    expect(await copied(page)).toBe(`${site.at(DOC)}#p3-p5`);
  });

  test('Cite gives a Chicago citation of rows 3–5 with both headlines, the URL and today as the access date', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p3-p5`);
    await bar(page).getByRole('button', { name: 'Cite' }).click();
    const dialog = page.locator('dialog.cite-dialog');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    const text = (await dialog.locator('.cite-text').textContent()) ?? '';
    for (const part of [
      '《人民日报》',
      'People’s Daily',
      'September 25, 1958',
      'page 1',
      '¶3–5',
      TITLE_EN,
      `${site.at(DOC)}#p3-p5`,
      `Accessed ${todayLong()}`,
    ]) {
      expect(text, `the citation should contain ${JSON.stringify(part)}`).toContain(part);
    }
    expect(squash(text)).toContain(HEADLINE_ZH);
    expect(text.indexOf('《人民日报》')).toBeGreaterThan(text.indexOf(TITLE_EN));
    expect(await page.locator('#cite-title').textContent()).toBe('Cite this passage');
  });

  test('Copy passage copies the Chinese, then the English, then the citation, then the URL', async ({ site, openPage }) => {
    const page = await withClipboard(await openPage(), site);
    await load(page, `${site.at(DOC)}#p3-p5`);
    await primeClipboard(page);
    await bar(page).getByRole('button', { name: 'Copy passage' }).click();
    const text = await copied(page);
    const url = `${site.at(DOC)}#p3-p5`;
    const [zh, en, citation, link, ...rest] = text.split('\n\n');
    expect(zh).toBe([3, 4, 5].map(zhOf).join('\n'));
    expect(en).toBe([3, 4, 5].map(enOf).join('\n'));
    expect(citation).toMatch(/^“中共中央.*《人民日报》 \(People’s Daily\), September 25, 1958, page 1, ¶3–5\. /);
    expect(citation).toContain(`Accessed ${todayLong()}. ${url}.`);
    expect(link).toBe(url);
    expect(rest).toEqual([]);
  });

  test('selecting text from row 3 into row 4 offers ¶3–4', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    expect(await bar(page).isVisible()).toBe(false);
    const from = await page.$eval('[id="p3.2"]', (s) => {
      s.scrollIntoView({ block: 'center' });
      const r = s.getBoundingClientRect();
      return { x: r.left + 10, y: r.top + 8 };
    });
    const to = await page.$eval('[id="p4.1"]', (s) => {
      const r = s.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + 8 };
    });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    expect(await page.evaluate(() => String(document.getSelection()))).toMatch(/如果这个问题[\s\S]*我国/);
    await expect.poll(() => bar(page).isVisible()).toBe(true);
    expect(await bar(page).locator('.pb-label').textContent()).toBe('¶3–4');
    expect(new URL(page.url()).hash, 'selecting does not change the address').toBe('');
  });

  test('selecting over rows picks up no control text (the link button’s “#”)', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    const selected = await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.getElementById('p3.3')!, 0);
      range.setEnd(document.getElementById('p4.1')!, 1);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return String(document.getSelection());
    });
    expect(selected).toContain('因此');
    expect(
      selected.split('\n').map((line) => line.trim()),
      'a line holding only the button’s “#”',
    ).not.toContain('#');
  });

  for (const [name, viewport] of [
    ['1280', DESKTOP],
    ['375', PHONE],
  ] as const) {
    test(`fits the bar and the cite dialog in a ${name} px window`, async ({ site, openPage }) => {
      const page = await openPage({ viewport });
      await load(page, `${site.at(DOC)}#p3-p5`);
      const barBox = (await bar(page).boundingBox())!;
      await shot(page, `bar-${name}`);
      expect(barBox.x).toBeGreaterThanOrEqual(0);
      expect(barBox.x + barBox.width).toBeLessThanOrEqual(viewport.width);
      expect(barBox.y + barBox.height).toBeLessThanOrEqual(viewport.height);
      const lines = new Set(
        await bar(page)
          .locator('button')
          .evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top))),
      );
      expect(lines.size, `the bar's buttons take ${lines.size} lines in a ${barBox.width.toFixed(0)} px wide bar`).toBeLessThanOrEqual(2);

      await bar(page).getByRole('button', { name: 'Cite' }).click();
      const dialog = page.locator('dialog.cite-dialog');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await settle(page);
      await shot(page, `cite-${name}`);
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  }
});

describe('printing', () => {
  test('prints the page with row numbers, numbered glossary notes with pinyin, the citation, and no controls', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at(DOC));
    const pdf = await printed(page, 'print-page');

    const missing = Array.from({ length: 12 }, (_, k) => k + 1).filter((n) => !hasRowNumber(pdf.layout, n));
    expect(missing, 'rows whose number is not printed beside them').toEqual([]);

    expect(pdf.text).toContain('Glossary notes');
    const notes = pdf.layout.slice(pdf.layout.indexOf('Glossary notes'));
    expect(pdf.lastPage, 'the citation should not stand alone on the last page').toMatch(/Glossary notes|\d+\.\s+\p{Script=Han}/u);
    expect(notes).toMatch(/\d+\.\s+土洋并举\s+tǔ yáng bìng jǔ\s+—\s+combining indigenous/);
    const numbers = noteNumbers(pdf.layout);
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers, 'the notes are numbered 1, 2, 3 … without gaps').toEqual(numbers.map((_, k) => k + 1));

    const flat = squash(pdf.text);
    expect(flat).toContain(squash('《人民日报》 (People’s Daily), September 25, 1958, page 1.'));
    expect(flat).toContain(squash(`Accessed ${todayLong()}. ${site.at(DOC)}.`));
    for (const control of [
      'Copy link',
      'Cite this',
      'Copy passage',
      'Print passage',
      'Side by side',
      'Interleaved',
      'Previous',
      'Next',
      'Skip to content',
      'Pinyin',
      'Content version',
    ]) {
      expect(pdf.text, `the handout shows "${control}"`).not.toContain(control);
    }
  });

  test('“Print passage” for #p3-p5 prints only rows 3 to 5, their notes, and the passage’s citation', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, `${site.at(DOC)}#p3-p5`);
    // Stand in for the browser's print dialog: record the call; page.pdf() below fires beforeprint.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await bar(page).getByRole('button', { name: 'Print passage' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('html').getAttribute('class')).toContain('print-passage');

    const pdf = await printed(page, 'print-passage');
    const flat = squash(pdf.text);
    for (const n of [3, 4, 5]) expect(flat, `row ${n}`).toContain(squash(zhOf(n).slice(0, 12)));
    for (const n of [1, 2, 6, 7, 12]) expect(flat, `row ${n} should not be printed`).not.toContain(squash(zhOf(n).slice(4, 16)));
    expect(pdf.layout).toMatch(/(^|\n)\s*3\s*\n/);

    const notes = pdf.layout.slice(pdf.layout.indexOf('Glossary notes'));
    expect(notes, 'a note for a term in row 4 (第一个五年计划)').toMatch(/1?\d\.\s+第一个五年计划/);
    expect(notes, 'no note for 土洋并举, which is in row 6').not.toContain('土洋并举');
    const numbers = noteNumbers(pdf.layout);
    expect(numbers.length).toBeGreaterThan(3);
    expect(numbers, 'the passage’s notes are numbered from 1').toEqual(numbers.map((_, k) => k + 1));

    expect(flat).toContain(squash('page 1, ¶3–5.'));
    expect(flat).toContain(squash(`${site.at(DOC)}#p3-p5`));
    expect(pdf.lastPage, 'the citation should not stand alone on the last page').toMatch(/Glossary notes|\d+\.\s+\p{Script=Han}/u);
    expect(pdf.pages, 'three rows (about 1.5 pages of text) with their notes').toBeLessThanOrEqual(3);
  });
});
