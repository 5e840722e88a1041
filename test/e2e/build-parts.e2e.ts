import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocumentFiles, loadDocument } from '../../src/node/load.ts';
import { sortDocuments } from '../../src/lib/archive/order.ts';
import { launchBrowser } from './support/browser.ts';
import { REPO_ROOT } from './support/build.ts';
import { isCI, siteBuild } from './support/fixtures.ts';
import { builtFiles } from './support/offline.ts';
import { serveStatic, type StaticServer } from '../../src/node/serve.ts';
import { RESULTS_DIR } from './support/sites.ts';

// The corpus built in parts, one year each, two at a time, then merged (scripts/build-parts.ts),
// against the same corpus built in one process (the `corpus` e2e site); then one document edited
// and the archive built again.
const corpus = siteBuild('corpus');
const skip = corpus.status === 'absent' && !isCI;
const SRC = join(REPO_ROOT, 'dist-e2e/parts-src');
const OUT = join(REPO_ROOT, 'dist-e2e/parts');
const WORK = join(REPO_ROOT, 'dist-e2e/parts-work');

function buildParts(): { ok: boolean; output: string } {
  const { BASE_URL: _vite, ...env } = process.env;
  const run = spawnSync(process.execPath, ['scripts/build-parts.ts', '--jobs', '2'], {
    cwd: REPO_ROOT,
    env: { ...env, CONTENT_DIR: SRC, OUT_DIR: OUT, PARTS_DIR: WORK },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${run.stdout}\n${run.stderr}`;
  writeFileSync(join(RESULTS_DIR, `build-parts-${Date.now()}.log`), output);
  return { ok: run.status === 0, output };
}

describe.skipIf(skip)('a build in parts', () => {
  let first = { ok: false, output: '' };
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    if (corpus.status === 'failed' || corpus.status === 'absent') throw new Error(corpus.problem);
    for (const dir of [SRC, OUT, WORK]) rmSync(dir, { recursive: true, force: true });
    cpSync(corpus.contentDir, SRC, { recursive: true });
    first = buildParts();
    server = await serveStatic({ root: OUT });
    browser = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    await browser?.close();
  });

  it('builds one part per year, two at a time, then merges them', () => {
    expect(first.ok, first.output).toBe(true);
    const years = [...new Set(readdirSync(SRC).map((f) => f.slice(0, 4)))].sort();
    for (const y of years) expect(first.output).toMatch(new RegExp(`\\[parts\\] ${y}: \\d+ files built in`));
    expect(first.output).toContain(`${years.length} part(s) of 200 files`);
    expect(first.output).toMatch(/\[parts\] search index \w+: \d+ files, \d+ written/);
    expect(first.output).toMatch(/\[parts\] assembled .* from the merge and \d+ parts: \d+ files/);
  });

  it('makes the same files as one process, and the same pages but for the links across a year’s edges', () => {
    const one = builtFiles(corpus.outDir).filter((f) => !f.startsWith('_astro/'));
    const parts = builtFiles(OUT).filter((f) => !f.startsWith('_astro/'));
    expect(parts).toEqual(one);
    // The first and last article of each year link to the neighbouring day, not to its article.
    const docs = sortDocuments(listDocumentFiles(SRC).map((f) => loadDocument(SRC, f).data));
    const edges = new Set(
      docs
        .filter((d, k) => docs[k - 1]?.date.slice(0, 4) !== d.date.slice(0, 4) || docs[k + 1]?.date.slice(0, 4) !== d.date.slice(0, 4))
        .map((d) => `${d.path}index.html`),
    );
    const differ = one.filter((f) => f.endsWith('.html') && readFileSync(join(corpus.outDir, f), 'utf8') !== readFileSync(join(OUT, f), 'utf8'));
    expect(
      differ.filter((f) => !edges.has(f)),
      'pages that differ from the one-process build',
    ).toEqual([]);
    for (const f of differ) {
      const html = readFileSync(join(OUT, f), 'utf8');
      expect(html, f).toMatch(/rel="(prev|next)" href="\/\d{4}-\d{2}-\d{2}\/"/);
      expect(html, f).not.toContain('part-');
    }
  });

  it('reads and searches like the one-process build: home, year, day, article, search result', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    const version = await page.locator('[data-content-version]').getAttribute('data-content-version');
    expect(version).toBe(/data-content-version="([^"]+)"/.exec(readFileSync(join(corpus.outDir, 'index.html'), 'utf8'))?.[1]);
    await page.locator('a.year-card', { hasText: '1958' }).click();
    await page.locator('.cal td.has a').first().click();
    await page.locator('section.issue-page li.doc-item a').first().click();
    await page.waitForURL(/\/1958-09-01\/p\d+\//);
    // An article shows the version of its own text, the same as the one-process build's.
    const article = new URL(page.url()).pathname;
    const alone = readFileSync(join(corpus.outDir, article, 'index.html'), 'utf8');
    expect(await page.locator('[data-content-version]').getAttribute('data-content-version')).toBe(/data-content-version="([^"]+)"/.exec(alone)?.[1]);
    expect(await page.locator('site-search').getAttribute('data-doc')).toMatch(/^1958\/\d+$/);

    const directive = loadDocument(
      SRC,
      readdirSync(SRC).find((f) => f.startsWith('1958-09-25'))!,
    ).data.path;
    await page.locator('site-search input').first().fill('铝');
    const result = page.locator(`site-search [data-results] a[href*="${directive}"]`).first();
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    await result.click();
    await page.waitForURL((url) => url.pathname === `/${directive}` && url.searchParams.get('q') === '铝');
    await expect.poll(() => page.locator('.rows mark, .rows .search-hit').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('after one document changes, rebuilds only its year and the merge, and shows the change', async () => {
    const file = readdirSync(SRC).find((f) => f.startsWith('1958-09-25'))!;
    expect(file).toBeDefined();
    const text = readFileSync(join(SRC, file), 'utf8');
    writeFileSync(join(SRC, file), text.replace(/(<hr \/>[\s\S]*?\n {4}|　　)(\S)/, '$1测验用的铋字$2'));
    const again = buildParts();
    expect(again.ok, again.output).toBe(true);
    expect(again.output).toMatch(/\[parts\] 1958: \d+ files built in/);
    for (const y of ['1946', '1949', '1960', '1989']) expect(again.output).toMatch(new RegExp(`\\[parts\\] ${y}: \\d+ files, unchanged: kept`));
    const { path } = loadDocument(SRC, file).data;
    const html = readFileSync(join(OUT, path, 'index.html'), 'utf8');
    expect(html).toContain('测验用的铋字');

    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.locator('site-search input').first().fill('铋字');
    const result = page.locator(`site-search [data-results] a[href*="${path}"]`).first();
    await expect.poll(() => result.count(), { timeout: 15_000 }).toBe(1);
    await page.context().close();
    expect(existsSync(join(OUT, 'sw.js'))).toBe(true);
  });
});
