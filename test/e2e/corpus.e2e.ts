import { readdirSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { isCI, siteBuild, siteTest } from './support/fixtures.ts';
import { archiveDocuments } from './support/archive.ts';

// The site built from the 200 People's Daily articles in ../shared/corpus/rmrb.
const test = siteTest('corpus');
const build = siteBuild('corpus');

// Without the corpus these tests cannot say anything: skip them loudly on a laptop, fail under CI
// (the `site` fixture throws the reason).
const skip = build.status === 'absent' && !isCI;
if (skip) console.warn(`\n[e2e] SKIPPING the corpus tests: ${build.problem}\n`);

describe.skipIf(skip)('the corpus site', () => {
  test('lists every document of the corpus once, through its year and day pages', async ({ site, openPage }) => {
    const sources = readdirSync(build.contentDir).filter((name) => name.endsWith('.md'));
    expect(sources.length, `.md files in ${build.contentDir}`).toBeGreaterThan(0);

    const page = await openPage();
    const listed = await archiveDocuments(page, site.url);
    expect(listed.length).toBe(sources.length);
    expect(new Set(listed.map((d) => d.href)).size, 'distinct document links').toBe(sources.length);
  });

  test('gives every listed document its headline and title, day by day and page by page', async ({ site, openPage }) => {
    const page = await openPage();
    const items = await archiveDocuments(page, site.url);
    expect(items.length).toBeGreaterThan(0);
    const incomplete = items.filter((item) => !item.zh || !item.en || !/^\d{4}-\d{2}-\d{2}$/.test(item.date));
    expect(incomplete, 'items without a Chinese headline, an English title or a day').toEqual([]);
    const order = items.map((item) => `${item.date} ${String(item.page).padStart(3, '0')}`);
    expect(order).toEqual([...order].sort());
    const misplaced = items.filter((item) => !item.href.includes(`/${item.date}/p${item.page}/`));
    expect(misplaced, 'documents listed under another day or page than their URL says').toEqual([]);
  });

  test('serves every listed document as a page with rows', async ({ site, openPage }) => {
    const page = await openPage();
    const hrefs = (await archiveDocuments(page, site.url)).map((d) => d.href);
    expect(hrefs.length).toBeGreaterThan(0);

    const broken: string[] = [];
    for (const href of hrefs) {
      const response = await fetch(href);
      if (response.status !== 200) {
        broken.push(`${href}: HTTP ${response.status}`);
        continue;
      }
      const html = await response.text();
      const rows = await page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').querySelectorAll('.row').length, html);
      if (rows === 0) broken.push(`${href}: no .row`);
    }
    expect(broken).toEqual([]);
  });
});
