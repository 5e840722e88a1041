/**
 * Longer than 250 lines because making, building and measuring an archive are one run whose
 * figures feed one table; the steps are functions below, in the order they run.
 *
 * npm run bench:scale: how the site grows with the archive (STYLE.md, habit 12). Figures only, no
 * pass/fail. For each size (SCALE_SIZES, default 3000,20000): make an archive of that many documents
 * with scripts/make-archive.ts, build it with `astro build --force` (wall time, peak memory), then
 * measure the output: total size, the home, year and day pages, and what a search downloads.
 * Then the ratio between the largest and the smallest size for every figure, the targets of the
 * issue, and a "## Scale" section in bench/results.md (replacing an earlier one).
 *
 * Environment: SCALE_SIZES=3000,20000 · SCALE_KEEP=1 keeps the temporary folders.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeArchive, readSources, writeArchive } from '../scripts/make-archive.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/rmrb');
const SIZES = (process.env.SCALE_SIZES || '3000,20000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const KEEP = process.env.SCALE_KEEP === '1';
const SEED = 1;
/** The four queries of the issue, then one more of each kind from bench/queries.mjs. */
const QUERIES = ['铝', '社会主义', 'aluminum', 'shehuizhuyi', '毛主席', 'Soviet', 'mao zhuxi', '铝 aluminum'];
const WARM_RUNS = 20;

const gz = (buf) => gzipSync(buf, { level: 6 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const log = (...a) => console.log('[scale]', ...a);

/** Peak resident memory (VmHWM, KB) of a process and its descendants: the largest of them. */
function treePeakKb(root) {
  const children = new Map();
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      // the process ended while we looked
    }
  }
  let peak = 0;
  for (const stack = [root]; stack.length;) {
    const pid = stack.pop();
    try {
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0));
    } catch {
      // gone already
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return peak;
}

/** One `astro build --force` (or another command), as a user runs it: wall time, peak memory (MB), success. */
async function build(archive, out, logFile, astro = ['npx', 'astro', 'build', '--force'], extraEnv = {}) {
  const env = { ...process.env, CONTENT_DIR: archive, OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv };
  // GNU time's %M is the peak RSS of the largest process of the tree (wait4 includes reaped
  // descendants), so it sees the node process behind npx; without it, poll /proc.
  const timeFile = `${logFile}.time`;
  const useTime = existsSync('/usr/bin/time');
  const [cmd, ...args] = useTime ? ['/usr/bin/time', '-f', '%e %M', '-o', timeFile, ...astro] : astro;
  const fd = openSync(logFile, 'w');
  const t = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  let peakKb = 0;
  const poll = useTime ? undefined : setInterval(() => (peakKb = Math.max(peakKb, treePeakKb(child.pid))), 250);
  const code = await new Promise((done) => child.on('close', done));
  clearInterval(poll);
  closeSync(fd);
  const seconds = (performance.now() - t) / 1000;
  if (useTime) peakKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ')[1]);
  return { ok: code === 0, seconds, peakMb: peakKb / 1024 };
}

function walk(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), base) : [join(dir, d.name).slice(base.length + 1)],
  );
}

/** Raw and gzipped size of one output file, or null when the site has no such page. */
function pageSize(out, rel) {
  const file = join(out, rel);
  if (!existsSync(file)) return null;
  const buf = readFileSync(file);
  return { raw: buf.length, gz: gz(buf) };
}

/**
 * Search at this size, offline with the engine the browser runs (the approach of bench/run.mjs,
 * section 4): for each query a fresh engine whose loader reads `search-index/<name>.js`, runs the
 * classic script and notes the file's gzipped size; the bytes before the first results are the
 * code (site-search.js) plus every file that `search()` and `show()` of the first 6 documents
 * loaded. Then the warm query time: `search()` again with its files loaded. This is the one place
 * that knows the engine's API: adapt it here when the engine changes.
 */
async function searchFigures(outDir, queries) {
  const { SearchEngine } = await import('../src/lib/search/engine.ts');
  const dir = join(outDir, 'search-index');
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) sizes.set(file, gz(readFileSync(join(dir, file))));
    return sizes.get(file);
  };
  const code = sizeOf('site-search.js');
  const perQuery = [];
  const times = [];
  for (const q of queries) {
    const loaded = new Set();
    const engine = await SearchEngine.open(async (name) => {
      const text = readFileSync(join(dir, `${name}.js`), 'utf8');
      loaded.add(`${name}.js`);
      let data;
      new Function('self', text)({ __duizhaoSearch: { shard: (_name, d) => (data = d) } });
      return data;
    });
    const results = await engine.search(q);
    const shown = await engine.show(results, results.docs.slice(0, 6));
    const first = code + [...loaded].reduce((n, f) => n + sizeOf(f), 0);
    await engine.search(q); // warm-up (JIT), not counted
    const warm = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = performance.now();
      await engine.search(q);
      warm.push(performance.now() - t);
    }
    times.push(...warm);
    perQuery.push({ q, docs: results.docs.length, shown: shown.length, files: loaded.size, first, p95: quantile(warm, 0.95) });
  }
  const firsts = perQuery.map((p) => p.first);
  return { code, perQuery, firstMedian: quantile(firsts, 0.5), firstMax: Math.max(...firsts), p95: quantile(times, 0.95) };
}

/** Everything measured for one archive size. Missing figures are null. */
async function measure(n, tmp) {
  const archive = join(tmp, `archive-${n}`);
  const out = join(tmp, `out-${n}`);
  let t = performance.now();
  const files = makeArchive({ sources: readSources(CORPUS), count: n, seed: SEED });
  writeArchive(archive, files, `(bench/scale.mjs, --count ${n} --seed ${SEED})`);
  log(`${n}: archive in ${archive} (${((performance.now() - t) / 1000).toFixed(1)} s); building …`);
  const b = await build(archive, out, join(tmp, `build-${n}.log`));
  log(`${n}: build ${b.ok ? 'done' : 'FAILED'} in ${b.seconds.toFixed(1)} s, peak ${b.peakMb.toFixed(0)} MB`);
  const f = { docs: n, buildSeconds: b.seconds, peakMb: b.peakMb };
  if (!b.ok) {
    console.error(readFileSync(join(tmp, `build-${n}.log`), 'utf8').slice(-3000));
    return { n, ok: false, f, search: null };
  }

  // The same archive built in parts, a year each, on every core (scripts/build-parts.ts), then again
  // after one document changed. Its work folders must lie inside the project (see that script).
  const partsDir = join(ROOT, `.parts-bench-${n}`);
  const partsOut = join(ROOT, `dist-bench-parts-${n}`);
  const partsRun = ['node', 'scripts/build-parts.ts'];
  rmSync(partsDir, { recursive: true, force: true });
  const p = await build(archive, partsOut, join(tmp, `parts-${n}.log`), partsRun, { PARTS_DIR: partsDir });
  log(`${n}: build in parts ${p.ok ? 'done' : 'FAILED'} in ${p.seconds.toFixed(1)} s, peak ${p.peakMb.toFixed(0)} MB (largest process)`);
  if (p.ok) {
    f.partsSeconds = p.seconds;
    f.partsPeakMb = p.peakMb;
    const edited = files.find((x) => x.path.endsWith('.md'));
    // A word added to the first indented Chinese paragraph (after `<hr />`).
    writeFileSync(join(archive, edited.path), edited.text.replace(/\n( {4}|\t|　+)([^\s#])(?![\s\S]*<hr)/, '\n$1（改）$2'));
    const again = await build(archive, partsOut, join(tmp, `parts-again-${n}.log`), partsRun, { PARTS_DIR: partsDir });
    log(`${n}: one document changed, rebuilt in parts ${again.ok ? 'in' : 'FAILED after'} ${again.seconds.toFixed(1)} s`);
    if (!again.ok) console.error(readFileSync(join(tmp, `parts-again-${n}.log`), 'utf8').slice(-3000));
    if (again.ok) {
      f.rebuildOneSeconds = again.seconds;
      f.rebuildSteps = rebuildSteps(readFileSync(join(tmp, `parts-again-${n}.log`), 'utf8'));
    }
  } else console.error(readFileSync(join(tmp, `parts-${n}.log`), 'utf8').slice(-3000));
  rmSync(partsDir, { recursive: true, force: true });
  rmSync(partsOut, { recursive: true, force: true });

  const outFiles = walk(out);
  const bytes = outFiles.map((p) => statSync(join(out, p)).size);
  f.files = outFiles.length;
  f.bytes = bytes.reduce((a, b) => a + b, 0);
  f.bytesPerDoc = f.bytes / n;
  f.docPages = outFiles.filter((p) => /^\d{4}-\d{2}-\d{2}\/p\d+\/[^/]+\/index\.html$/.test(p)).length;
  const search = outFiles.map((p, k) => [p, bytes[k]]).filter(([p]) => p.startsWith('search-index/'));
  f.searchFiles = search.length;
  f.searchBytes = search.reduce((a, [, s]) => a + s, 0);
  if (f.docPages !== n) log(`${n}: ${f.docPages} document pages were built for ${n} documents (does the loader read the sub-folders YYYY/MM/?)`);

  // The year with most documents and the busiest day, from the archive's own file names.
  const count = (key) => files.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map());
  const top = (m) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const dateOf = (x) => x.path.split('/').at(-1).slice(0, 10);
  const year = top(count((x) => dateOf(x).slice(0, 4)));
  const day = top(count(dateOf));
  const pages = { home: pageSize(out, 'index.html'), year: pageSize(out, `${year}/index.html`), day: pageSize(out, `${day}/index.html`) };
  for (const [k, p] of Object.entries(pages)) {
    f[`${k}Raw`] = p?.raw ?? null;
    f[`${k}Gz`] = p?.gz ?? null;
  }

  let s = null;
  t = performance.now();
  try {
    s = await searchFigures(out, QUERIES);
    f.searchCode = s.code;
    f.firstMedian = s.firstMedian;
    f.firstMax = s.firstMax;
    f.queryP95 = s.p95;
    log(`${n}: search figures in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (e) {
    s = { error: e instanceof Error ? e.message : String(e) };
    log(`${n}: search figures unavailable: ${s.error}`);
  }
  if (!KEEP) {
    rmSync(out, { recursive: true, force: true });
    rmSync(archive, { recursive: true, force: true });
  }
  return { n, ok: true, f, search: s, year, day };
}

/** The rows of the figures table: key, label, format. */
const FIGURES = [
  ['docs', 'documents', (v) => v.toLocaleString('en')],
  ['docPages', 'document pages built', (v) => v.toLocaleString('en')],
  ['buildSeconds', 'build wall time (astro build --force)', (v) => `${v.toFixed(1)} s`],
  ['peakMb', 'build peak memory', (v) => `${v.toFixed(0)} MB`],
  ['partsSeconds', 'build in parts, a year each, every core (npm run build:parts), wall time', (v) => `${v.toFixed(1)} s`],
  ['partsPeakMb', 'build in parts: peak memory of the largest process', (v) => `${v.toFixed(0)} MB`],
  ['rebuildOneSeconds', 'build in parts after one document changed (its year + merge)', (v) => `${v.toFixed(1)} s`],
  ['files', 'output files', (v) => v.toLocaleString('en')],
  ['bytes', 'output size', mb],
  ['bytesPerDoc', 'output bytes per document', kb],
  ['searchFiles', 'search-index files', (v) => v.toLocaleString('en')],
  ['searchBytes', 'search-index size (raw)', mb],
  ['homeRaw', 'home page index.html, raw', kb],
  ['homeGz', 'home page, gzipped', kb],
  ['yearRaw', 'busiest year page, raw', kb],
  ['yearGz', 'busiest year page, gzipped', kb],
  ['dayRaw', 'busiest day page, raw', kb],
  ['dayGz', 'busiest day page, gzipped', kb],
  ['searchCode', 'search code site-search.js, gzipped', kb],
  ['firstMedian', 'search: bytes before first results, median query (gzipped, code included)', kb],
  ['firstMax', 'search: bytes before first results, worst query', kb],
  ['queryP95', `search: warm query time p95 (${WARM_RUNS} runs × ${QUERIES.length} queries, Node)`, (v) => `${v.toFixed(2)} ms`],
];

/** flat / sub-linear / linear, for a figure that grew by `ratio` while documents grew by `docRatio`. */
function verdict(ratio, docRatio) {
  if (ratio < 1.5) return 'flat';
  // 5 for 3,000 → 20,000 (documents × 6.67), as the issue puts it: linear is 3/4 of the doc ratio.
  return ratio < 0.75 * docRatio ? 'sub-linear' : 'linear';
}

function report(runs) {
  const fmt = (key, v) => (v === null || v === undefined ? (/^(home|year|day)/.test(key) ? 'missing' : '–') : FIGURES.find(([k]) => k === key)[2](v));
  const ok = runs.filter((r) => r.ok);
  const [lo, hi] = [ok[0], ok.at(-1)];
  const ratios = ok.length > 1 && lo !== hi;
  const docRatio = ratios ? hi.n / lo.n : NaN;
  const md = [];
  md.push(`## Scale (npm run bench:scale, ${new Date().toISOString().slice(0, 10)})`, '');
  md.push(
    `Archives of ${runs.map((r) => r.n.toLocaleString('en')).join(' and ')} documents made by \`scripts/make-archive.ts\` (seed ${SEED}, in YYYY/MM/ folders) from the 200-article corpus, each built in one process with \`astro build --force\`; figures, not assertions. ` +
      `Busiest year / day: ${runs.map((r) => (r.ok ? `${r.year} / ${r.day}` : 'build failed')).join(', ')}.` +
      (ratios
        ? ` Ratio: the figure at ${hi.n.toLocaleString('en')} over the figure at ${lo.n.toLocaleString('en')} (documents × ${docRatio.toFixed(2)}); flat < 1.5, sub-linear < ${(0.75 * docRatio).toFixed(1)}, linear above.`
        : ''),
    '',
  );
  md.push(`| figure | ${runs.map((r) => `${r.n.toLocaleString('en')} docs`).join(' | ')}${ratios ? ' | ratio | verdict' : ''} |`);
  md.push(`| --- | ${runs.map(() => '---').join(' | ')}${ratios ? ' | --- | ---' : ''} |`);
  for (const [key, label] of FIGURES) {
    const cells = runs.map((r) => fmt(key, r.f[key]));
    let tail = '';
    if (ratios) {
      const [a, b] = [lo.f[key], hi.f[key]];
      tail = typeof a === 'number' && typeof b === 'number' && a > 0 ? ` | ${(b / a).toFixed(2)} | ${verdict(b / a, docRatio)}` : ' | – | –';
    }
    md.push(`| ${label} | ${cells.join(' | ')}${tail} |`);
  }

  md.push('', '### Search, per query', '');
  md.push(
    'Bytes (gzipped, level 6) loaded before the first results: the code, `meta.js`, the index shards of the query and the text of the first 6 documents; warm: `engine.search()` with its files loaded.',
    '',
  );
  md.push(`| query | ${runs.map((r) => `${r.n.toLocaleString('en')}: docs found, bytes before first results, warm p95`).join(' | ')} |`);
  md.push(`| --- | ${runs.map(() => '---').join(' | ')} |`);
  for (const q of QUERIES) {
    const cells = runs.map((r) => {
      const p = r.search?.perQuery?.find((x) => x.q === q);
      return p ? `${p.docs}, ${kb(p.first)}, ${p.p95.toFixed(2)} ms` : r.search?.error ? 'unavailable' : '–';
    });
    md.push(`| \`${q}\` | ${cells.join(' | ')} |`);
  }
  for (const r of runs) if (r.search?.error) md.push('', `Search figures unavailable at ${r.n.toLocaleString('en')}: ${r.search.error}`);

  // The targets of the issue, judged where the size was measured.
  const at = (n) => ok.find((r) => r.n === n)?.f;
  const judge = (value, limit, show) =>
    value === null || value === undefined || Number.isNaN(value) ? 'not measured' : value <= limit ? 'met' : `missed by ${show(value - limit)}`;
  const small = at(3000);
  const big = at(20000);
  md.push('', '### Targets', '');
  md.push('| target | figure | verdict |', '| --- | --- | --- |');
  md.push(
    `| bytes before the first results ≤ 60 KB gzipped at 3,000 (worst query) | ${small?.firstMax ? kb(small.firstMax) : '–'} | ${judge(small?.firstMax, 60 * 1024, kb)} |`,
  );
  md.push(
    `| … ≤ 1.5 × the 3,000 figure at 20,000 | ${big?.firstMax ? kb(big.firstMax) : '–'}${small?.firstMax ? ` (limit ${kb(1.5 * small.firstMax)})` : ''} | ${small?.firstMax ? judge(big?.firstMax, 1.5 * small.firstMax, kb) : 'not measured'} |`,
  );
  md.push(
    `| one-process build of 20,000 ≤ 10 minutes | ${big ? `${(big.buildSeconds / 60).toFixed(1)} min` : '–'} | ${judge(big?.buildSeconds, 600, (s) => `${(s / 60).toFixed(1)} min`)} |`,
  );
  md.push(
    `| … with peak memory ≤ 4 GB | ${big ? `${(big.peakMb / 1024).toFixed(2)} GB` : '–'} | ${judge(big?.peakMb, 4096, (m) => `${(m / 1024).toFixed(2)} GB`)} |`,
  );
  md.push(
    `| rebuild after one document changes ≤ 60 s at 20,000 (its part and the merge) | ${big?.rebuildOneSeconds ? `${big.rebuildOneSeconds.toFixed(1)} s` : '–'} | ${judge(big?.rebuildOneSeconds, 60, (s) => `${s.toFixed(1)} s`)} |`,
  );
  for (const r of ok)
    if (r.f.rebuildSteps) md.push('', `Rebuild after one change at ${r.n.toLocaleString('en')} documents, from its log: ${r.f.rebuildSteps}.`);
  return md.join('\n');
}

/** Where a rebuild's time went, from the log of scripts/build-parts.ts. */
function rebuildSteps(text) {
  const grab = (re) => re.exec(text)?.[1];
  const steps = [
    ['the changed part', grab(/\[parts\] \d{4}: \d+ files built in ([\d.]+ s)/)],
    ['the merge (pages)', grab(/\[parts\] merge built in ([\d.]+ s)/)],
    ['packing the search index, beside the merge', grab(/\[parts\] search index .* in ([\d.]+ s)/)],
    ['assembling and the service worker', grab(/\[parts\] assembled .* in ([\d.]+ s)/)],
    ['in all', grab(/\[parts\] done in ([\d.]+ s)/)],
  ];
  return steps
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/** bench/results.md with this section instead of an earlier Scale section (or after the rest). */
function writeResults(section) {
  const file = join(ROOT, 'bench/results.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const kept = old.replace(/^## Scale \(npm run bench:scale[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/m, '').trimEnd();
  writeFileSync(file, `${kept ? `${kept}\n\n` : ''}${section}\n`);
}

const tmp = mkdtempSync(join(tmpdir(), 'duizhao-scale-'));
const cleanUp = () => (KEEP ? log(`kept ${tmp}`) : rmSync(tmp, { recursive: true, force: true }));
process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});
try {
  const runs = [];
  for (const n of [...SIZES].sort((a, b) => a - b)) runs.push(await measure(n, tmp));
  const section = report(runs);
  writeResults(section);
  console.log(`\n${section}\n`);
  log('wrote bench/results.md');
} finally {
  cleanUp();
}
