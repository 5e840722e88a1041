import { readdirSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { isCI, siteBuild, siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';

// The site built from the 200 People's Daily articles in ../shared/corpus/rmrb.
const test = siteTest('corpus');
const build = siteBuild('corpus');

// Without the corpus these tests cannot say anything: skip them loudly on a laptop, fail under CI
// (the `site` fixture throws the reason).
const skip = build.status === 'absent' && !isCI;
if (skip) console.warn(`\n[e2e] SKIPPING the corpus tests: ${build.problem}\n`);

const ITEM = 'ol.doc-list > li.doc-item';

describe.skipIf(skip)('the corpus site', () => {
	test('lists every document of the corpus once on the home page', async ({ site, openPage }) => {
		const sources = readdirSync(build.contentDir).filter((name) => name.endsWith('.md'));
		expect(sources.length, `.md files in ${build.contentDir}`).toBeGreaterThan(0);

		const page = await openPage();
		await load(page, site.url);
		const hrefs = await page.locator(`${ITEM} a`).evaluateAll((links) =>
			links.map((link) => (link as HTMLAnchorElement).href),
		);
		expect(await page.locator(ITEM).count()).toBe(sources.length);
		expect(new Set(hrefs).size, 'distinct document links').toBe(sources.length);
	});

	test('gives every listed document its headline, title and date, newest first', async ({ site, openPage }) => {
		const page = await openPage();
		await load(page, site.url);
		const items = await page.locator(ITEM).evaluateAll((elements) =>
			elements.map((item) => ({
				zh: item.querySelector('[lang="zh-Hans"].doc-zh')?.textContent?.trim() ?? '',
				en: item.querySelector('[lang="en"].doc-en')?.textContent?.trim() ?? '',
				date: item.querySelector('time[datetime]')?.getAttribute('datetime') ?? '',
			})),
		);
		expect(items.length).toBeGreaterThan(0);
		const incomplete = items.filter((item) => !item.zh || !item.en || !/^\d{4}-\d{2}-\d{2}$/.test(item.date));
		expect(incomplete, 'items without a Chinese headline, an English title or a YYYY-MM-DD date').toEqual([]);
		const dates = items.map((item) => item.date);
		expect(dates).toEqual([...dates].sort().reverse());
	});

	test('serves every listed document as a page with rows', async ({ site, openPage }) => {
		const page = await openPage();
		await load(page, site.url);
		const hrefs = await page.locator(`${ITEM} a`).evaluateAll((links) =>
			links.map((link) => (link as HTMLAnchorElement).href),
		);
		expect(hrefs.length).toBeGreaterThan(0);

		const broken: string[] = [];
		for (const href of hrefs) {
			const response = await fetch(href);
			if (response.status !== 200) {
				broken.push(`${href}: HTTP ${response.status}`);
				continue;
			}
			const html = await response.text();
			const rows = await page.evaluate(
				(source) => new DOMParser().parseFromString(source, 'text/html').querySelectorAll('.row').length,
				html,
			);
			if (rows === 0) broken.push(`${href}: no .row`);
		}
		expect(broken).toEqual([]);
	});
});
