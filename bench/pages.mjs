/**
 * npm run bench:pages: what a reader's browser downloads for the main pages of the seed site, and
 * their Lighthouse scores (mobile preset: performance, accessibility, best practices, SEO).
 * Figures, not assertions. Writes the "Pages" section of bench/results.md, leaving the others alone.
 *
 *   1. builds content/documents into dist-bench-pages/ (BENCH_SKIP_BUILD=1 reuses it);
 *   2. in Chromium at 1280 px, with the service worker blocked (it would precache the whole site):
 *      every response of each page until the network is idle, gzipped as a server would send it;
 *   3. Lighthouse 13 with its default (mobile) settings on each page, served on 127.0.0.1.
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium), CONTENT_DIR, OUT_DIR.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch as launchChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { serveStatic } from '../src/node/serve.ts';
import { buildSite } from './build.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CONTENT = resolve(ROOT, process.env.CONTENT_DIR || 'content/documents');
const OUT = resolve(ROOT, process.env.OUT_DIR || 'dist-bench-pages');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const PAGES = [
  ['home', ''],
  ['seed document', '1958-09-25/p1/copper-and-aluminum/'],
  ['glossary', 'glossary/'],
  ['search', 'search/'],
];
const log = (...a) => console.log('[bench:pages]', ...a);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (buf) => gzipSync(buf, { level: 6 }).length;

buildSite({ root: ROOT, content: CONTENT, out: OUT, log });

const server = await serveStatic({ root: OUT });

// 2. Weights.
const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
const weights = [];
for (const [name, path] of PAGES) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (res) =>
    bodies.push(
      res.body().then(
        (b) => ({ url: res.url(), type: res.request().resourceType(), b }),
        () => null,
      ),
    ),
  );
  await page.goto(new URL(path, server.url).href, { waitUntil: 'networkidle' });
  const got = (await Promise.all(bodies)).filter(Boolean);
  const by = (type) => got.filter((r) => type(r.type)).reduce((sum, r) => sum + gz(r.b), 0);
  // Then the reader's first use (a pointer over the text): the page's code and the styles of what it
  // shows (src/elements/on-first-use.ts), measured apart.
  const before = bodies.length;
  await page.mouse.move(400, 400);
  await page.waitForFunction(() => document.documentElement.dataset.live !== 'waiting' && document.documentElement.dataset.live !== 'loading');
  await page.waitForLoadState('networkidle');
  const used = (await Promise.all(bodies.slice(before))).filter(Boolean);
  weights.push({
    firstUse: used.reduce((sum, r) => sum + gz(r.b), 0),
    firstUseRequests: used.length,
    name,
    path,
    requests: got.length,
    total: by(() => true),
    html: by((t) => t === 'document'),
    css: by((t) => t === 'stylesheet'),
    js: by((t) => t === 'script'),
    other: by((t) => !['document', 'stylesheet', 'script'].includes(t)),
  });
  await context.close();
}
await browser.close();

// 3. Lighthouse, one Chrome for all pages.
const chrome = await launchChrome({ chromePath: CHROMIUM, chromeFlags: FLAGS });
const scores = [];
try {
  for (const [name, path] of PAGES) {
    const result = await lighthouse(new URL(path, server.url).href, { port: chrome.port, output: 'json', logLevel: 'error' });
    const c = result.lhr.categories;
    const score = (k) => (c[k]?.score == null ? '–' : String(Math.round(c[k].score * 100)));
    const failing = Object.values(result.lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    scores.push({
      name,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      failing,
    });
    log(name, scores.at(-1));
  }
} finally {
  await chrome.kill();
  await server.close();
}

const md = [
  `## Pages (npm run bench:pages, ${new Date().toISOString().slice(0, 10)})`,
  '',
  "The seed site (content/documents). *Weight*: every response a page loads until the network is idle, in Chromium at 1280 px with the service worker blocked, gzipped (level 6) as a server would send it: before the reader uses the page, then what the first use adds (a pointer over the text: the page's code and the styles of what it shows, src/elements/on-first-use.ts; search, pinyin and word data load later still, when used). *Lighthouse*: version 13, default mobile settings, served on 127.0.0.1.",
  '',
  '| page | requests | total (gz) | HTML | CSS | JS | other | first use adds |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...weights.map(
    (w) =>
      `| ${w.name} (\`/${w.path}\`) | ${w.requests} | ${kb(w.total)} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} | ${kb(w.other)} | ${kb(w.firstUse)} in ${w.firstUseRequests} |`,
  ),
  '',
  '| page | performance | accessibility | best practices | SEO | binary audits failed |',
  '| --- | --- | --- | --- | --- | --- |',
  ...scores.map((s) => `| ${s.name} | ${s.performance} | ${s.accessibility} | ${s.bestPractices} | ${s.seo} | ${s.failing.join(', ') || '–'} |`),
];
console.log(md.join('\n'));
const file = join(ROOT, 'bench/results.md');
const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
const kept = old.replace(/^## Pages \(npm run bench:pages[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/m, '').trimEnd();
writeFileSync(file, `${kept ? `${kept}\n\n` : ''}${md.join('\n')}\n`);
log('wrote bench/results.md');
