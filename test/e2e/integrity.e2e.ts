import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { isCI, siteBuild, siteTest, type Site } from './support/fixtures.ts';
import type { Page } from 'playwright-core';
import { archiveDocuments, openFirstDocument } from './support/archive.ts';
import { naiveBodies, squash } from '../unit/support/integrity.ts';
import { pinyinSyllables } from '../../src/node/pinyin/reading.ts';

/**
 * Every character of a source document reaches its page exactly once, in order. The source side is
 * read with a deliberately naive reader (naiveBodies: lines between the markers), not with the parser,
 * so a parser that drops or duplicates a line cannot also hide it. Comparison ignores white space
 * only (indentation, full-width spaces, literal `\t` escapes).
 */
async function pageBodies(page: Page): Promise<{ h1: string; zh: string; enHead: string; en: string }> {
  return page.evaluate(() => {
    const text = (sel: string) =>
      [...document.querySelectorAll(sel)]
        .filter((e) => !e.closest('.note'))
        .map((e) => e.textContent ?? '')
        .join('');
    return {
      h1: text('.doc-head h1 .deck'),
      zh: text('.rows .cell.zh > p:not(.note)'),
      enHead: text('.doc-head .headline-en .deck'),
      en: text('.rows .cell.en > p:not(.note)'),
    };
  });
}

/**
 * With `pinyin` on, each page is read once its pinyin.js has put the ruby in, and no Han character
 * of its Chinese that has a reading may be left outside a ruby (the readings are attributes: the
 * text stays the same).
 */
async function checkSite(site: Site, openPage: (o?: object) => Promise<Page>, pinyin: 'on' | 'off' = 'off'): Promise<number> {
  const files = readdirSync(site.build.contentDir).filter((f) => /\.(md|txt)$/.test(f) && !/^readme\./i.test(f));
  expect(files.length).toBeGreaterThan(0);
  const page = await openPage();
  if (pinyin === 'on') await page.addInitScript(() => localStorage.setItem('duizhao:pinyin', 'on'));
  const links = (await archiveDocuments(page, site.url)).map((d) => d.href);
  expect(links.length).toBe(files.length);
  // Pair pages with files through the file name the page cannot know: compare bodies both ways.
  const sources = files.map((f) => ({ file: f, ...naiveBodies(readFileSync(join(site.build.contentDir, f), 'utf8')) }));
  const unmatched = new Set(sources.map((s) => s.file));
  const problems: string[] = [];
  for (const href of links) {
    await page.goto(href);
    if (pinyin === 'on') {
      await page.waitForSelector('html[data-ruby="on"]', { state: 'attached' });
      const bare: string[] = await page.evaluate(() =>
        [...document.querySelectorAll('.doc-head h1 .deck, .rows .cell.zh > p:not(.note)')].flatMap((p) => {
          const found: string[] = [];
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          while (walker.nextNode())
            if (!walker.currentNode.parentElement?.closest('ruby')) found.push(...(walker.currentNode.nodeValue!.match(/\p{Script=Han}/gu) ?? []));
          return found;
        }),
      );
      // A character the pinyin reader has no reading for (瓩) has no ruby, as it never had.
      const unread = bare.filter((c) => pinyinSyllables(c)[0]);
      if (unread.length > 0) problems.push(`${href}: ${unread.join('')} without pinyin with pinyin on`);
    }
    const got = await pageBodies(page);
    const zhPage = squash(got.zh);
    const src = sources.find((s) => unmatched.has(s.file) && (s.zh === squash(got.h1) + zhPage || s.zh === zhPage));
    if (!src) {
      problems.push(`${href}: its Chinese text matches no source file exactly (first 40: ${zhPage.slice(0, 40)})`);
      continue;
    }
    unmatched.delete(src.file);
    const enPage = squash(got.enHead) + squash(got.en);
    if (enPage !== src.en) problems.push(`${src.file}: the English on the page differs from the source (page ${enPage.length} chars, source ${src.en.length})`);
  }
  for (const f of unmatched) problems.push(`${f}: no page shows this file's Chinese text`);
  expect(problems).toEqual([]);
  return links.length;
}

const seed = siteTest('seed');
describe('integrity of the seed site', () => {
  seed('shows every character of the seed, Chinese and English, once and in order', async ({ site, openPage }) => {
    expect(await checkSite(site, openPage)).toBe(1);
  });
  seed('shows every character of the seed once and in order with pinyin on, each Chinese one under its reading', async ({ site, openPage }) => {
    expect(await checkSite(site, openPage, 'on')).toBe(1);
  });
});

const fixtures = siteTest('fixtures');
describe('hostile source text', () => {
  fixtures('shows <script> and <img onerror> from a source file as text, and runs none of it', async ({ site, openPage }) => {
    const page = await openPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(site.url);
    await openFirstDocument(page);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.rows script, .rows img, .doc-head script, h1 script').count()).toBe(0);
    await expect.poll(() => page.locator('#p1 .cell.zh').textContent()).toContain('<script>window.__pwned = 3</script>');
    expect(await page.locator('#p2 .cell.en').textContent()).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(await page.locator('h1').textContent()).toContain('标题<script>alert(1)</script>');
    expect(await page.title()).toContain('<script>alert("title")</script>');
    expect(errors).toEqual([]);
  });
  fixtures('keeps every character of the fixture documents', async ({ site, openPage }) => {
    expect(await checkSite(site, openPage)).toBeGreaterThan(0);
  });
  fixtures('keeps every character of the fixture documents with pinyin on', async ({ site, openPage }) => {
    expect(await checkSite(site, openPage, 'on')).toBeGreaterThan(0);
  });
});

const corpus = siteTest('corpus');
const build = siteBuild('corpus');
const skip = build.status === 'absent' && !isCI;
if (skip) console.warn(`\n[e2e] SKIPPING the corpus integrity test: ${build.problem}\n`);
describe.skipIf(skip)('integrity of the corpus site', () => {
  corpus('shows every character of every corpus document once and in order', { timeout: 300_000 }, async ({ site, openPage }) => {
    expect(await checkSite(site, openPage)).toBe(200);
  });
  corpus('shows every character of every corpus document once and in order with pinyin on', { timeout: 300_000 }, async ({ site, openPage }) => {
    expect(await checkSite(site, openPage, 'on')).toBe(200);
  });
});
