import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { siteTest } from './support/fixtures.ts';
import { firstUse, settle } from './support/page.ts';
import { LAYOUTS, STORAGE } from '../../src/lib/passage/view.ts';

// Hostile content and URLs (issue 11): a site built from documents and glossary entries written to
// attack the reader (test/fixtures/hostile-site), and hostile addresses and stored values. Every
// payload sets `window.__pwned`; a page fails if that is ever set, if the console shows an error
// (a blocked script, style or load is one), if it has an element or attribute that could run code,
// or if it is blank. Longer than 250 lines because the lists of hostile addresses and values, and
// the one check every page must pass, belong beside the tests that use them.
const test = siteTest('hostile');
const portable = siteTest('portable');

const DOC = '1960-02-01/p1/markup-everywhere/';
/** Garbage for every value the site reads from an address or from storage. */
const GARBAGE = [
  `<img src=x onerror="window.__pwned = 'stored'">`,
  '"><script>window.__pwned = 1</script>',
  'javascript:window.__pwned = 1',
  '{"__proto__":{"polluted":1}}',
  '%E0%A4%A',
  'x'.repeat(10_000),
];
const HOSTILE_FRAGMENTS = [
  '#p999',
  '#p5-p3',
  '#p5.99',
  '#p0',
  '#p1.0-p1.0',
  '#p99999999999999999999',
  '#p1-',
  '#-p1',
  `#<img src=x onerror="window.__pwned = 'fragment'">`,
  `#p1,<img src=x onerror=window.__pwned=1>,p2`,
  `#${'p1,'.repeat(3_333)}p2`,
  `#${'x'.repeat(10_000)}`,
  ...GARBAGE.flatMap((g) => [`#p2&layout=${encodeURIComponent(g)}`, `#p2&pinyin=${encodeURIComponent(g)}&layout=${g}`]),
  '#layout=&pinyin=',
  '#p2&layout=zh&layout=<b>&pinyin=on&pinyin=%ZZ',
  '#%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E',
];
const HOSTILE_QUERIES = [...GARBAGE.map((g) => `?layout=${encodeURIComponent(g)}&pinyin=${encodeURIComponent(g)}`), `?q=${encodeURIComponent(GARBAGE[0]!)}`];

interface Watched {
  page: Page;
  /** Errors, console errors (Chromium reports every blocked script, style and load there) and page crashes. */
  problems: string[];
}

async function watched(openPage: (o?: BrowserContextOptions) => Promise<Page>): Promise<Watched> {
  const page = await openPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('crash', () => problems.push('the page crashed'));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} for ${r.url()}`));
  return { page, problems };
}

/** Elements and attributes that could run code or restyle the page, wherever they are: none may exist. */
function dangerous(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const sel = 'iframe, frame, object, embed, base, form[action^="javascript:" i], meta[http-equiv="refresh" i], svg script, math, details[ontoggle]';
    for (const el of document.querySelectorAll(sel)) found.push(el.outerHTML.slice(0, 120));
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.localName} ${a.name}="${a.value}"`);
        if (/^(href|src|action|formaction|data|srcdoc)$/i.test(a.name) && /^\s*(javascript|data|vbscript):/i.test(a.value))
          found.push(`${el.localName} ${a.name}="${a.value}"`);
      }
    }
    // The site's own markup has no style attributes; content must not bring one (an open popover
    // has the position its script set).
    for (const el of document.querySelectorAll('main [style]:not([popover])')) found.push(`style: ${el.outerHTML.slice(0, 120)}`);
    // Scripts: the site's own, from its own files (the payloads all name __pwned).
    for (const s of document.querySelectorAll('script')) {
      const foreign = s.src && location.protocol !== 'file:' && new URL(s.src).origin !== location.origin;
      if (foreign || /__pwned/.test(s.textContent ?? '')) found.push(`script: ${s.outerHTML.slice(0, 120)}`);
    }
    return found;
  });
}

/** The page ran nothing it was given, shows no error, has nothing dangerous and is not blank. */
async function expectSafe({ page, problems }: Watched, what: string): Promise<void> {
  await page.waitForLoadState('load');
  await settle(page);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), `${what}: an injected script ran`).toBeUndefined();
  expect(problems, `${what}: errors`).toEqual([]);
  expect(await dangerous(page), `${what}: dangerous markup`).toEqual([]);
  const text = await page.evaluate(() => document.querySelector('main')?.innerText.trim() ?? '');
  expect(text.length, `${what}: the page is blank`).toBeGreaterThan(20);
  const view = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  expect(LAYOUTS as readonly string[], `${what}: data-layout`).toContain(view.layout);
  expect(['on', 'off'], `${what}: data-pinyin`).toContain(view.pinyin);
}

function pages(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('index.html'))
    .map((f) =>
      relative(root, join(root, f))
        .split(sep)
        .join('/')
        .replace(/index\.html$/, ''),
    )
    .sort();
}

describe('hostile documents and glossary entries', () => {
  test('every page of the site runs none of their markup, shows no error and is not blank', { timeout: 180_000 }, async ({ site, openPage }) => {
    const w = await watched(openPage);
    const all = pages(site.build.outDir);
    expect(all).toEqual(expect.arrayContaining(['', 'glossary/', 'glossary/eyijiaoben/', 'status/', 'search/', DOC]));
    for (const path of all) {
      await w.page.goto(site.at(path));
      await expectSafe(w, path || '/');
    }
  });

  test('shows the markup of a document as text, in every field', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at(DOC));
    await expectSafe(w, DOC);
    const text = (selector: string) => w.page.locator(selector).first().innerText();
    expect(await w.page.title()).toContain(`<script>window.__pwned = 'title'</script>`);
    expect(await text('h1')).toContain(`标题<script>window.__pwned = 'zh-title'</script>`);
    expect(await text('main')).toContain(`<img src=x onerror="window.__pwned = 'title-img'"> Title`);
    expect(await text('#p1 .cell.zh')).toContain(`第一段有<script>window.__pwned = 'zh1'</script>恶意脚本`);
    expect(await text('#p2 .cell.en')).toContain(`<p style="position:fixed;inset:0;background:red" onmouseover="window.__pwned = 'en2'">styled</p>`);
    expect(await text('#p3 .cell.zh')).toContain(`<iframe srcdoc="<script>parent.__pwned = 'zh3'</script>"></iframe>`);
    expect(await text('#p4 .cell.en')).toContain('<style>body { display: none }</style> A style element');
    expect(await text('#p5 .cell.en')).toContain(`&lt;script&gt;window.__pwned = 'en5'&lt;/script&gt; &amp; <svg>`);
    expect(await w.page.locator('main').textContent()).toContain(`<img src=x onerror="window.__pwned = 'entity'"> fake link`);
  });

  test('a Markdown file is read as text, not rendered as Markdown', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at('1960-02-02/p1/markdown-file/'));
    await expectSafe(w, 'the .md document');
    expect(await w.page.locator('main').innerText()).toContain(`[javascript link](javascript:window.__pwned = 'md-link')`);
  });

  test('file names full of markup give clean addresses, and /status/ names a refused one as text', async ({ site, openPage }) => {
    const w = await watched(openPage);
    for (const path of ['1960-02-04/p1/img-src-x-onerror-window-pwned-1/', '1960-02-03/p2/svg-onload-window-pwned-slug-report/']) {
      await w.page.goto(site.at(path));
      await expectSafe(w, path);
    }
    await w.page.goto(site.at('status/'));
    await expectSafe(w, 'status');
    expect(await w.page.locator('main').innerText()).toContain('1960-02-05-p1-<svg onload=window.__pwned=4>.txt');
  });

  test('a glossary note keeps its Markdown and loses its scripts, frames, styles and javascript: links', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at('glossary/eyijiaoben/'));
    await expectSafe(w, 'the glossary entry');
    const note = w.page.locator('.entry-note');
    expect(await note.locator('strong').innerText()).toBe('bold text');
    const hrefs = await note.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((href) => href !== null)).toEqual(['https://example.org/']);
    expect(await note.locator('script, style, img, iframe, svg, math, form, object, embed, [style]').count()).toBe(0);
    const main = await w.page.locator('main').innerText();
    expect(main).toContain(`<b onmouseover="window.__pwned = 'gloss'">hostile</b> script`);
    expect(main).toContain(`<script>window.__pwned = 'source'</script> A Source`);
    expect(main).toContain(`<img src=x onerror="window.__pwned = 'related'">`);
    await w.page.goto(site.at('glossary/jialianjie/'));
    await expectSafe(w, 'the second glossary entry');
    expect(await w.page.locator('.entry-note code').innerText()).toBe(`<script>window.__pwned = 'note2-code'</script>`);
  });

  test('the term popover shows the sanitised note and runs nothing', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at(DOC));
    await settle(w.page);
    await w.page.locator('#p1 a.term').first().click();
    const pop = w.page.locator('[popover]:popover-open');
    await expect.poll(() => pop.count()).toBe(1);
    expect(await pop.innerText()).toContain('bold text');
    expect(await pop.locator('script, img, iframe, svg, math, form, object, embed, style').count()).toBe(0);
    await expectSafe(w, 'the open popover');
  });

  test('search finds the hostile text and shows it as text, in the box, on /search/ and on the page it opens', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at(DOC));
    await w.page.focus('site-search input[name="q"]');
    await w.page.fill('site-search input[name="q"]', 'pwned');
    await w.page.waitForFunction(() => document.querySelectorAll('site-search .sr-row').length > 0);
    expect(await w.page.locator('site-search').innerText()).toContain('<script>');
    await expectSafe(w, 'search results in the box');
    await w.page.locator('site-search .sr-row').first().click();
    await w.page.waitForURL(/\?q=pwned#/);
    await expectSafe(w, 'the row a result opened');
    for (const q of ['pwned', '恶意脚本', GARBAGE[0]!, GARBAGE[1]!]) {
      await w.page.goto(site.at(`search/?q=${encodeURIComponent(q)}`));
      await w.page.waitForFunction(() => !!document.querySelector('site-search .sr-status'));
      await expectSafe(w, `/search/?q=${q}`);
    }
    expect(await w.page.locator('main').innerText()).not.toContain('polluted');
  });
});

describe('hostile addresses and stored values', () => {
  test('fragments that name no passage, or garbage, leave the page whole and run nothing', { timeout: 180_000 }, async ({ site, openPage }) => {
    const w = await watched(openPage);
    for (const hash of HOSTILE_FRAGMENTS) {
      // A fresh load each time: a changed fragment alone would not reload the page.
      await w.page.goto('about:blank');
      await w.page.goto(site.at(DOC) + hash);
      await expectSafe(w, `${DOC}${hash.slice(0, 60)}`);
      expect(await w.page.locator('#p1 .cell.zh').innerText()).toContain('第一段');
    }
  });

  test('a reversed range is read the right way round', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at(`${DOC}#p5-p3`));
    await expectSafe(w, '#p5-p3');
    await expect.poll(() => w.page.locator('.row.in-passage').evaluateAll((rows) => rows.map((r) => r.id))).toEqual(['p3', 'p4', 'p5']);
  });

  test('query parameters with garbage leave the page whole and run nothing', async ({ site, openPage }) => {
    const w = await watched(openPage);
    for (const query of HOSTILE_QUERIES) {
      for (const path of [DOC, '', 'search/']) {
        await w.page.goto(site.at(path) + query);
        await expectSafe(w, `${path}${query.slice(0, 60)}`);
      }
    }
  });

  test('garbage in every value the site keeps in localStorage is ignored', async ({ site, openPage }) => {
    // Every key the built scripts name (`duizhao:…`), so keys added later are covered too.
    const built = (readdirSync(site.build.outDir, { recursive: true }) as string[]).filter((f) => /\.(js|html)$/.test(f));
    const named = built.flatMap((f) => readFileSync(join(site.build.outDir, f), 'utf8').match(/duizhao:[\w-]+/g) ?? []);
    const keys = [...new Set([...Object.values(STORAGE), ...named])];
    const w = await watched(openPage);
    await w.page.goto(site.at(DOC));
    for (const value of GARBAGE) {
      await w.page.evaluate(({ keys, value }) => keys.forEach((k) => localStorage.setItem(k, value)), { keys, value });
      for (const path of [DOC, '', 'glossary/eyijiaoben/', 'search/?q=pwned']) {
        await w.page.goto(site.at(path));
        await expectSafe(w, `${path} with ${value.slice(0, 30)} stored`);
        expect(await w.page.evaluate(() => document.documentElement.dataset.layout)).toBe(LAYOUTS[0]);
      }
    }
  });
});

describe('the content security policy', () => {
  test('every page has one that forbids inline script except its own, and every other origin', async ({ site }) => {
    for (const path of pages(site.build.outDir)) {
      const html = readFileSync(join(site.build.outDir, path, 'index.html'), 'utf8');
      const policy = /^<!DOCTYPE html><html[^>]*><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="([^"]+)">/i.exec(html)?.[1];
      expect(policy, `${path}: the policy must come first in <head>`).toBeDefined();
      expect(policy).toMatch(
        /^default-src 'self'; script-src 'self'( 'sha256-[\w+/=]+')*; style-src 'self'( 'sha256-[\w+/=]+')*; object-src 'none'; base-uri 'none'; form-action 'self'$/,
      );
    }
  });

  test('blocks a script and an event handler that get into a page anyway', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at(DOC));
    await settle(w.page);
    await w.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = "inline"';
      document.body.append(s);
      document.querySelector('main')!.insertAdjacentHTML('beforeend', `<img src="/favicon.svg" onload="window.__pwned = 'handler'">`);
    });
    await w.page.waitForTimeout(300);
    expect(await w.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(w.problems.join('\n')).toMatch(/Content Security Policy/);
  });
});

describe('the reader under its security policy', () => {
  test('switches layout and pinyin, prints, and filters the year with its headlines script, refusing nothing', async ({ site, openPage }) => {
    const w = await watched(openPage);
    await w.page.goto(site.at(DOC));
    await settle(w.page);
    await firstUse(w.page);
    await w.page.locator('layout-switch input[value="zh"]').check({ force: true });
    await w.page.locator('pinyin-switch input').check({ force: true });
    expect(await w.page.evaluate(() => ({ ...document.documentElement.dataset }))).toMatchObject({ layout: 'zh', pinyin: 'on' });
    // Printing fills in the page footer through a constructed stylesheet (elements/reader-print.ts).
    await w.page.emulateMedia({ media: 'print' });
    expect((await w.page.pdf({ format: 'A4' })).length).toBeGreaterThan(1000);
    await w.page.emulateMedia({ media: 'screen' });
    await expectSafe(w, 'switches and print');
    await w.page.goto(site.at('1960/'));
    await w.page.fill('#year-filter-q', 'pwned');
    await w.page.waitForFunction(() => (document.querySelector('year-filter')?.textContent ?? '').includes('Markup'));
    await expectSafe(w, 'the year filter');
  });
});

describe('the portable build, from file://', () => {
  portable('keeps its policy, and hostile fragments and stored values run nothing', async ({ site, openPage }) => {
    const root = site.build.outDir;
    const doc = pathToFileURL(join(root, '1958-09-25/p1/copper-and-aluminum/index.html')).href;
    const w = await watched(openPage);
    await w.page.addInitScript((value) => {
      if (location.protocol === 'file:') localStorage.setItem('duizhao:layout', value);
    }, GARBAGE[0]!);
    for (const hash of ['#p5-p3', `#<img src=x onerror="window.__pwned = 'fragment'">`, '#p2&layout=<b>&pinyin=<i>']) {
      await w.page.goto('about:blank');
      await w.page.goto(doc + hash);
      await expectSafe(w, `file:// ${hash}`);
    }
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toMatch(/<head><meta charset="utf-8"><meta http-equiv="content-security-policy"/);
  });
});
