/**
 * Longer than 250 lines because the four steps share one Chromium session and one results file;
 * split, each would repeat the set-up and the report.
 *
 * npm run bench: our search against Pagefind on the site built from the 200-article corpus.
 * Figures only, no pass/fail. Writes bench/results.md.
 *
 *   1. builds the corpus site into dist-bench/ (BENCH_SKIP_BUILD=1 reuses it), and times the index
 *      build in-process;
 *   2. sizes: our index files and code, raw and gzipped; Pagefind's bundle;
 *   3. in Chromium, for each query of bench/queries.mjs in a fresh page: bytes downloaded until the
 *      first results show, then for a later query in the same page; warm query times;
 *   4. how the split was chosen: bytes a first query loads under other caps per file, first-chunk
 *      sizes and text parts, with the same engine, on an archive of 3,000 documents made by
 *      scripts/make-archive.ts (at 200 most lists fit in one chunk, which would show nothing).
 *
 * Environment: CONTENT_DIR (default ../shared/corpus/rmrb), OUT_DIR (default dist-bench),
 * SPLIT_DOCS (default 3000; 0 skips section 4).
 */
import { spawnSync } from 'node:child_process';
import { buildSite } from './build.mjs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { listDocumentFiles, loadDocument } from '../src/node/load.ts';
import { sortDocuments } from '../src/lib/archive/order.ts';
import { pinyinSyllables, toneless } from '../src/node/pinyin/reading.ts';
import { buildSearchIndex, DEFAULT_CHUNKS, PART_BYTES } from '../src/node/search-index.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { makeArchive, readSources, writeArchive } from '../scripts/make-archive.ts';
import { serveStatic } from '../src/node/serve.ts';
import { QUERIES, truthFor } from './queries.mjs';
import { searchAll } from '../src/node/search-probe.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CONTENT = resolve(ROOT, process.env.CONTENT_DIR || '../shared/corpus/rmrb');
const OUT = resolve(ROOT, process.env.OUT_DIR || 'dist-bench');
const gz = (buf) => gzipSync(buf, { level: 6 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(2)} ms`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};
const log = (...a) => console.log('[bench]', ...a);

// 1. Build.
const siteBuildSeconds = buildSite({ root: ROOT, content: CONTENT, out: OUT, force: true, log });

log('timing the index build in-process …');
const docs = sortDocuments(listDocumentFiles(CONTENT).map((f) => loadDocument(CONTENT, f).data));
let t0 = performance.now();
pinyinSyllables('中');
const dictMs = performance.now() - t0;
const pinyin = (text) => pinyinSyllables(text).map((s) => (s ? toneless(s) : null));
t0 = performance.now();
const built = buildSearchIndex(docs, [], { pinyin });
const indexMs = performance.now() - t0;
const rows = built.records.length - docs.length;

// 2. Sizes.
const dir = join(OUT, 'search-index');
const walk = (d) => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const indexFiles = walk(dir).map((f) => relative(dir, f));
const groups = {
  'Chinese index: buckets (zh/*)': /^zh\/\w+\.js$/,
  'Chinese index: further chunks (zh/*/*)': /^zh\/\w+\//,
  'pinyin index: buckets (py/*)': /^py\/\w+\.js$/,
  'pinyin index: further chunks (py/*/*)': /^py\/\w+\//,
  'English index: buckets (en/*)': /^en\/\w+\.js$/,
  'English index: further chunks (en/*/*)': /^en\/\w+\//,
  'text parts (text/*/N-k.js)': /^text\/.*\d\.js$/,
  'their pinyin (text/*/N-k-py.js)': /^text\/.*-py\.js$/,
  'page maps (pages/*)': /^pages\//,
  'meta.js': /^meta/,
  'code (site-search.js)': /^site-search/,
};
const sizes = Object.entries(groups).map(([label, re]) => {
  const bufs = indexFiles.filter((f) => re.test(f)).map((f) => readFileSync(join(dir, f)));
  return {
    label,
    files: bufs.length,
    raw: bufs.reduce((n, b) => n + b.length, 0),
    gz: bufs.reduce((n, b) => n + gz(b), 0),
    maxRaw: Math.max(0, ...bufs.map((b) => b.length)),
    maxGz: Math.max(0, ...bufs.map(gz)),
  };
});

log('running Pagefind …');
t0 = performance.now();
const pf = spawnSync('npx', ['pagefind', '--site', OUT], { cwd: ROOT, encoding: 'utf8' });
const pagefindSeconds = (performance.now() - t0) / 1000;
if (pf.status !== 0) console.error(pf.stdout, pf.stderr);
const pfFiles = existsSync(join(OUT, 'pagefind')) ? walk(join(OUT, 'pagefind')) : [];
const pfRaw = pfFiles.reduce((n, f) => n + statSync(f).size, 0);
const pfGz = pfFiles.reduce((n, f) => n + gz(readFileSync(f)), 0);

// 3. Chromium.
const server = await serveStatic({ root: OUT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

/** Counts bytes of every response from now on. */
function meter(page) {
  const m = { raw: 0, gz: 0, files: 0, pending: [] };
  page.on('response', (r) => {
    m.pending.push(
      r.body().then(
        (b) => {
          m.raw += b.length;
          m.gz += gz(b);
          m.files++;
        },
        () => {},
      ),
    );
  });
  return {
    read: async () => (await Promise.all(m.pending), { raw: m.raw, gz: m.gz, files: m.files }),
    reset: async () => (await Promise.all(m.pending), Object.assign(m, { raw: 0, gz: 0, files: 0, pending: [] })),
  };
}

async function oursType(page, q) {
  await page.evaluate(async (q) => {
    const input = document.querySelector('site-search input[name="q"]');
    input.focus();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, q);
  await page.waitForFunction(
    (q) => {
      const s = document.querySelector('site-search');
      const input = s?.querySelector('input');
      const status = s?.querySelector('.sr-status');
      return input?.value === q && status && !s.querySelector('[data-panel]').hidden && status.dataset.query === q;
    },
    q,
    { timeout: 30_000 },
  );
}

const PF = `${server.url}pagefind/pagefind.js`;
/** Pagefind's search and the data of its first 5 results (its UI's first page); `all`: every result's URL. */
async function pagefindSearch(page, q, all = false) {
  return page.evaluate(
    async ([src, q, all]) => {
      const pf = (window.__pf ??= await import(src));
      const t = performance.now();
      const r = await pf.search(q);
      const tSearch = performance.now() - t;
      const data = await Promise.all((r?.results ?? []).slice(0, 5).map((x) => x.data()));
      const msShown = performance.now() - t;
      const urls = all ? (await Promise.all((r?.results ?? []).map((x) => x.data()))).map((d) => d.url) : [];
      return { ms: tSearch, msShown, count: r?.results.length ?? 0, urls, shown: data.length };
    },
    [PF, q, all],
  );
}

const results = [];
for (const [k, query] of QUERIES.entries()) {
  const later = QUERIES[(k + 1) % QUERIES.length];
  const truth = truthFor(docs, query);
  const row = { query, truth, ours: {}, pf: {} };

  // Ours: the first query of a fresh visit, then a later one.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    const m = meter(page);
    await m.reset();
    let t = performance.now();
    await oursType(page, query.q);
    row.ours.firstWall = performance.now() - t;
    row.ours.first = await m.read();
    await m.reset();
    await oursType(page, later.q);
    row.ours.later = await m.read();
    const found = await page.evaluate(searchAll, { query: query.q });
    const times = [];
    const timesShown = [];
    for (let i = 0; i < 7; i++) {
      const r = await page.evaluate(searchAll, { query: query.q, docs: 6 });
      times.push(r.ms);
      timesShown.push(r.msShown);
    }
    row.ours.times = times;
    row.ours.timesShown = timesShown;
    row.ours.rows = found.rows.length;
    const got = new Set(found.rows.map((r) => `${r.path}#${r.anchor}`));
    const gotDocs = new Set(found.rows.map((r) => r.path));
    row.ours.rowRecall = truth.rows.size ? [...truth.rows].filter((r) => got.has(r)).length / truth.rows.size : NaN;
    row.ours.docRecall = truth.docs.size ? [...truth.docs].filter((d) => gotDocs.has(d)).length / truth.docs.size : NaN;
    row.ours.docs = gotDocs.size;
    await context.close();
  }
  // Pagefind: the same.
  {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    const m = meter(page);
    await m.reset();
    let t = performance.now();
    const r = await pagefindSearch(page, query.q);
    row.pf.firstWall = performance.now() - t;
    row.pf.first = await m.read();
    await m.reset();
    await pagefindSearch(page, later.q);
    row.pf.later = await m.read();
    const times = [];
    const timesShown = [];
    for (let i = 0; i < 7; i++) {
      const r = await pagefindSearch(page, query.q);
      times.push(r.ms);
      timesShown.push(r.msShown);
    }
    row.pf.times = times;
    row.pf.timesShown = timesShown;
    row.pf.count = r.count;
    const every = await pagefindSearch(page, query.q, true);
    const urls = new Set(every.urls.map((u) => new URL(u, server.url).pathname.replace(/^\//, '')));
    row.pf.docRecall = truth.docs.size ? [...truth.docs].filter((d) => urls.has(d)).length / truth.docs.size : NaN;
    row.pf.docs = [...truth.docs].filter((d) => urls.has(d)).length;
    await context.close();
  }
  results.push(row);
  log(
    `${query.q.padEnd(24)} truth ${truth.rows.size} rows/${truth.docs.size} docs · ours ${row.ours.rows} rows, first ${kb(row.ours.first.gz)} · pagefind ${row.pf.count} pages, first ${kb(row.pf.first.gz)}`,
  );
}
await browser.close();
await server.close();

// 4. Other splits, estimated offline with the same engine: which files a first query loads.
const SPLIT_DOCS = Number(process.env.SPLIT_DOCS ?? 3000);
const splits = [];
if (SPLIT_DOCS > 0) {
  log(`estimating other splits at ${SPLIT_DOCS} documents …`);
  const tmp = mkdtempSync(join(tmpdir(), 'duizhao-split-'));
  writeArchive(tmp, makeArchive({ sources: readSources(CONTENT), count: SPLIT_DOCS, seed: 1 }));
  const paths = new Map();
  const large = listDocumentFiles(tmp).map((f) => loadDocument(tmp, f, paths).data);
  rmSync(tmp, { recursive: true, force: true });
  // The archive repeats the corpus's paragraphs: read each one's pinyin once.
  const memo = new Map();
  const cached = (text) => memo.get(text) ?? memo.set(text, pinyin(text)).get(text);
  const estimate = async (options) => {
    const b = buildSearchIndex(large, [], { pinyin: cached, ...options });
    const gzOf = new Map();
    const size = (name) => gzOf.get(name) ?? gzOf.set(name, gz(Buffer.from(b.files.get(`${name}.js`)))).get(name);
    const firsts = [];
    for (const query of QUERIES) {
      const loaded = new Set();
      const engine = await SearchEngine.open(async (name) => {
        loaded.add(name);
        let data;
        new Function('self', b.files.get(`${name}.js`))({ __duizhaoSearch: { shard: (_n, d) => (data = d) } });
        return data;
      });
      const r = await engine.search(query.q);
      await engine.show(r, r.docs.slice(0, 6));
      firsts.push([...loaded].reduce((n, name) => n + size(name), 0));
    }
    const index = [...b.files].filter(([n]) => /^(zh|py|en)\//.test(n));
    return {
      ...DEFAULT_CHUNKS,
      partBytes: PART_BYTES,
      ...options,
      files: index.length,
      index: index.reduce((n, [, c]) => n + gz(Buffer.from(c)), 0),
      median: quantile(firsts, 0.5),
      max: Math.max(...firsts),
    };
  };
  for (const cap of [4096, 8192, 16384, 32768]) splits.push(await estimate({ cap }));
  for (const head of [16, 64, 1024]) splits.push(await estimate({ head }));
  for (const partBytes of [1024, 4096, 8192]) splits.push(await estimate({ partBytes }));
}

// Report.
const median = (f) => quantile(results.map(f), 0.5);
const oursTimes = results.flatMap((r) => r.ours.times);
const pfTimes = results.flatMap((r) => r.pf.times);
const oursShown = results.flatMap((r) => r.ours.timesShown);
const pfShown = results.flatMap((r) => r.pf.timesShown);
const pct = (x) => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)} %`);
const md = [];
md.push('# Search benchmark', '');
md.push(
  `Corpus: ${docs.length} documents, ${rows} rows (${relative(ROOT, CONTENT)}). Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}; figures, not assertions.`,
  '',
);
md.push('## Build', '');
md.push(`| | ours | Pagefind 1.6 |`, `| --- | --- | --- |`);
md.push(`| site build (astro build, includes our index) | ${Number.isNaN(siteBuildSeconds) ? 'reused' : `${siteBuildSeconds.toFixed(1)} s`} | – |`);
md.push(
  `| index build | ${(indexMs / 1000).toFixed(2)} s (+ ${(dictMs / 1000).toFixed(1)} s loading the pinyin dictionary, shared with the reader's pinyin) | ${pagefindSeconds.toFixed(1)} s |`,
);
md.push('', '## Size on the server', '');
md.push(`Files of at most ${kb(DEFAULT_CHUNKS.cap)} (raw) each; a text part holding one longer row is the only exception.`, '');
md.push('| files | count | raw | gzipped | largest file raw / gzipped |', '| --- | --- | --- | --- | --- |');
for (const s of sizes) md.push(`| ${s.label} | ${s.files} | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.maxRaw)} / ${kb(s.maxGz)} |`);
const total = sizes.reduce((a, s) => ({ raw: a.raw + s.raw, gz: a.gz + s.gz, files: a.files + s.files }), { raw: 0, gz: 0, files: 0 });
md.push(`| **ours, total** | ${total.files} | ${kb(total.raw)} | ${kb(total.gz)} | |`);
md.push(`| **Pagefind, total** (its index files are already compressed) | ${pfFiles.length} | ${kb(pfRaw)} | ${kb(pfGz)} | |`);
md.push('', '## Per query, in Chromium', '');
md.push(
  "Bytes are response bodies, gzipped as a server would send them (level 6). *First*: a fresh visit, from typing to the first results on screen (ours: the header box shows up to 6 documents; Pagefind: `search()` plus `data()` of the first 5 results, its UI's first page). *Later*: the next query of the list in the same page. Truth: rows (and documents) whose text contains the query, computed from the source files; recall is the share of those found.",
  '',
);
md.push(
  '| query | kind | truth rows / docs | ours: rows, row recall, doc recall | ours: first / later | Pagefind: pages, doc recall | Pagefind: first / later |',
  '| --- | --- | --- | --- | --- | --- | --- |',
);
for (const r of results) {
  md.push(
    `| \`${r.query.q.replace(/\|/g, '\\|')}\` | ${r.query.kind} | ${r.truth.rows.size} / ${r.truth.docs.size} | ${r.ours.rows}, ${pct(r.ours.rowRecall)}, ${pct(r.ours.docRecall)} | ${kb(r.ours.first.gz)} / ${kb(r.ours.later.gz)} | ${r.pf.count}, ${pct(r.pf.docRecall)} | ${kb(r.pf.first.gz)} / ${kb(r.pf.later.gz)} |`,
  );
}
md.push('', '| median over the queries | ours | Pagefind |', '| --- | --- | --- |');
md.push(
  `| bytes before the first result (gzipped) | ${kb(median((r) => r.ours.first.gz))} (raw ${kb(median((r) => r.ours.first.raw))}) | ${kb(median((r) => r.pf.first.gz))} |`,
);
md.push(`| bytes for a later query (gzipped) | ${kb(median((r) => r.ours.later.gz))} | ${kb(median((r) => r.pf.later.gz))} |`);
md.push(`| time to first results, cold, local server | ${ms(median((r) => r.ours.firstWall))} | ${ms(median((r) => r.pf.firstWall))} |`);
md.push(`| warm query time, median (${oursTimes.length} runs) | ${ms(quantile(oursTimes, 0.5))} | ${ms(quantile(pfTimes, 0.5))} |`);
md.push(`| warm query time, p95 | ${ms(quantile(oursTimes, 0.95))} | ${ms(quantile(pfTimes, 0.95))} |`);
md.push(`| warm query + first results ready, median | ${ms(quantile(oursShown, 0.5))} | ${ms(quantile(pfShown, 0.5))} |`);
md.push(`| warm query + first results ready, p95 | ${ms(quantile(oursShown, 0.95))} | ${ms(quantile(pfShown, 0.95))} |`);
md.push(
  '',
  "Warm query time: ours is `engine.search()` (lookups, intersection, ranking, grouping), Pagefind's `pagefind.search()`, both with their files already loaded; *+ first results*: ours also confirms and highlights the rows of the first 6 documents, Pagefind loads the data of its first 5 results.",
  '',
);
md.push('## How the split was chosen', '');
if (splits.length) {
  md.push(
    `Bytes (gzipped) that the first query of a visit loads for the same query list (index files, text and meta.js; the code is the same for all), estimated with the same engine on ${SPLIT_DOCS.toLocaleString('en-US')} documents made by \`scripts/make-archive.ts\`, for other caps per file, first chunks (postings of a token in its bucket; further chunks grow ${DEFAULT_CHUNKS.growth} times each) and text parts. Default: ${kb(DEFAULT_CHUNKS.cap)} files, first chunks of ${DEFAULT_CHUNKS.head} postings, text parts of ${kb(PART_BYTES)}.`,
    '',
  );
  md.push(
    '| cap per file | first chunk | text part | index files | whole index gzipped | first query: median | first query: max |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  const used = (s) => s.cap === DEFAULT_CHUNKS.cap && s.head === DEFAULT_CHUNKS.head && s.partBytes === PART_BYTES;
  for (const s of splits)
    md.push(
      `| ${kb(s.cap)}${used(s) ? ' (used)' : ''} | ${s.head} | ${kb(Math.min(s.partBytes, s.cap))} | ${s.files} | ${kb(s.index)} | ${kb(s.median)} | ${kb(s.max)} |`,
    );
} else md.push('Skipped (SPLIT_DOCS=0).');
// The sections other scripts write (`## Scale (npm run bench:scale …`, `## Pinyin in context (npm run
// bench:pinyin …`) stay as they are, after this script's own.
const resultsFile = join(ROOT, 'bench/results.md');
const others =
  (existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '').match(/^## [^\n]*\(npm run bench:[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/gm) ?? [];
writeFileSync(resultsFile, `${[md.join('\n').trimEnd(), ...others.map((o) => o.trimEnd())].join('\n\n')}\n`);
console.log(`\n${md.join('\n')}\n`);
log('wrote bench/results.md');
