/**
 * Longer than 250 lines because the part, the merge and the scheduler share the record of what was
 * built (.parts/assembled.json); each step is one function below.
 *
 * Builds a large archive in parts, one year each, side by side on every core of this machine or as
 * separate jobs on separate machines, then merges them into one static site.
 *
 *   npm run build:parts                  every part whose input changed (in parallel), then the merge
 *   npm run build:part -- 1958           one part (a CI matrix job); it needs the whole CONTENT_DIR
 *   npm run build:merge                  the merge alone, from the parts in PARTS_DIR
 *
 * Options: `--jobs N` (default: the number of cores), `--force` (rebuild unchanged parts too).
 * Environment: CONTENT_DIR, OUT_DIR (default dist), PARTS_DIR (default .parts), BASE, FROM/TO.
 *
 * A part (PART=1958, FROM=TO=1958) makes that year's day and article pages and its search text
 * files, and hands the merge a summary of its documents and its search lists (src/pages/part-data).
 * Nothing a part writes depends on another year but the dates of the neighbouring days (which it
 * is given, ARCHIVE_DATES, and which its digest covers). The merge (PART=merge) makes the pages that
 * span the archive (home, years, headlines, glossary, search, status) from the summaries, and beside
 * it scripts/pack-search.ts packs the search index from the lists; neither reads a source file.
 * Assembling links the merge's pages, the index and every part's pages into OUT_DIR, changing only
 * what changed since the last assembly, and writes the service worker. A part is skipped when
 * nothing it reads changed (its files, its neighbours' dates, the glossary, the code), so editing
 * one document rebuilds one part and the merge.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { writeServiceWorker } from '../src/integrations/offline.ts';
import { inRange, parseRange } from '../src/lib/archive/range.ts';
import { listDocumentFiles, scanDates } from '../src/node/load.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    part: { type: 'string', multiple: true },
    merge: { type: 'boolean', default: false },
    jobs: { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});
// `npm run build:part -- 1959 1960`: `--part 1959` and a second year as a positional.
const chosenYears = [...(values.part ?? []), ...positionals];
const CONTENT = resolve(ROOT, process.env.CONTENT_DIR || 'content/documents');
const GLOSSARY = resolve(ROOT, process.env.GLOSSARY_DIR || 'content/glossary');
const OUT = resolve(ROOT, process.env.OUT_DIR || 'dist');
const PARTS = resolve(ROOT, process.env.PARTS_DIR || '.parts');
const JOBS = Math.max(1, Number(values.jobs) || availableParallelism());
// Astro writes a build's server chunks below its outDir only when that lies inside the project,
// else into the project's shared .astro/ folder, where builds side by side would overwrite each other.
if (!PARTS.startsWith(ROOT + sep)) {
  console.error(
    `[parts] PARTS_DIR=${PARTS} lies outside the project (${ROOT}): parts built side by side need their own folders inside it. Use a folder inside the project, such as the default .parts.`,
  );
  process.exit(2);
}
const log = (message: string) => console.log(`[parts] ${message}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Which year each document file belongs to, by the date the loader will read (scanDates), and the
 * files it refuses (no date to be had), which every part reads and reports.
 */
function partsOf(): { parts: Map<string, string[]>; refused: string[]; dates: string[] } {
  const range = parseRange(process.env.FROM, process.env.TO);
  const parts = new Map<string, string[]>();
  const refused: string[] = [];
  const dates = new Set<string>();
  for (const [file, date] of scanDates(CONTENT, listDocumentFiles(CONTENT))) {
    if (!date) refused.push(file);
    else if (inRange(date, range)) {
      parts.set(date.slice(0, 4), [...(parts.get(date.slice(0, 4)) ?? []), file]);
      dates.add(date);
    }
  }
  return { parts: new Map([...parts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))), refused, dates: [...dates].sort() };
}

/** The days just before and after a year: its first and last articles link to them. */
function neighbourDays(dates: string[], year: string): string {
  const before = dates.filter((d) => d < year).at(-1) ?? '';
  const after = dates.find((d) => d > `${year}-12-31`) ?? '';
  return `${before}|${after}`;
}

/** What every part reads besides its own files: the code, the glossary, the base path. */
function sharedDigest(): string {
  const hash = createHash('sha1');
  const add = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const abs = join(dir, f);
      if (statSync(abs).isFile()) hash.update(f).update(readFileSync(abs));
    }
  };
  add(join(ROOT, 'src'));
  add(GLOSSARY);
  for (const f of ['astro.config.mjs', 'package-lock.json']) if (existsSync(join(ROOT, f))) hash.update(readFileSync(join(ROOT, f)));
  hash.update(`base=${process.env.BASE ?? ''} from=${process.env.FROM ?? ''} to=${process.env.TO ?? ''}`);
  return hash.digest('hex');
}

function partDigest(shared: string, files: string[]): string {
  const hash = createHash('sha1').update(shared);
  for (const f of files) {
    hash.update(f).update(readFileSync(join(CONTENT, f)));
    if (existsSync(join(CONTENT, `${f}.align`))) hash.update(readFileSync(join(CONTENT, `${f}.align`)));
  }
  return hash.digest('hex');
}

/** Runs `astro build` with these variables; its output goes to `logFile`. */
function astroBuild(outDir: string, env: Record<string, string>, logFile: string): Promise<boolean> {
  mkdirSync(dirname(logFile), { recursive: true });
  const out = createWriteStream(logFile);
  return new Promise((done) => {
    const { BASE_URL: _vite, ...parent } = process.env;
    const child = spawn('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...parent, CONTENT_DIR: CONTENT, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code) => out.end(() => done(code === 0)));
  });
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').slice(-25).join('\n') : '';
}

async function buildPart(year: string, files: string[], shared: string, refused: string[], dates: string[]): Promise<boolean> {
  const dir = join(PARTS, year);
  // A refused file is read by every part: once fixed, every part must forget its refusal.
  const digest = partDigest(`${shared}\n${neighbourDays(dates, year)}`, [...files, ...refused]);
  const stamp = join(dir, 'input.sha1');
  if (!values.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(join(dir, 'dist', 'part-data', 'summary.json'))) {
    log(`${year}: ${files.length} files, unchanged: kept`);
    return true;
  }
  const t = performance.now();
  rmSync(stamp, { force: true });
  const ok = await astroBuild(
    join(dir, 'dist'),
    {
      PART: year,
      // The loader keeps what lies in this year and in the archive's FROM/TO (FROM_ALL, TO_ALL).
      FROM: year,
      TO: year,
      FROM_ALL: process.env.FROM ?? '',
      TO_ALL: process.env.TO ?? '',
      ARCHIVE_DATES: join(PARTS, 'dates.json'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
    },
    join(dir, 'build.log'),
  );
  if (!ok) {
    console.error(`[parts] ${year}: the build failed (${relative(ROOT, join(dir, 'build.log'))}):\n${tail(join(dir, 'build.log'))}`);
    return false;
  }
  writeFileSync(stamp, digest);
  log(`${year}: ${files.length} files built in ${seconds(t)}`);
  return true;
}

/** Runs the tasks, at most `jobs` at a time. */
async function pool<T>(items: T[], jobs: number, task: (item: T) => Promise<boolean>): Promise<boolean> {
  const queue = [...items];
  let ok = true;
  await Promise.all(
    Array.from({ length: Math.min(jobs, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) ok = (await task(item)) && ok;
    }),
  );
  return ok;
}

const PAGE_DIR = /^\d{4}-\d{2}-\d{2}\//;
const TEXT_DIR = /^search-index\/text\//;

/**
 * What was assembled into OUT last time, so that assembling again changes only what changed. The
 * files come in groups (the merge's pages, the search index, each part's pages), each with the
 * stamp it had, and each file with the file it was linked (or copied) from and a signature that
 * changes when that file does. A part whose stamp is unchanged was not rebuilt: its files are taken
 * from the record, without listing or looking at them again.
 */
interface Assembly {
  out: string;
  groups: Record<string, { stamp: string; files: Record<string, [from: string, signature: string]> }>;
}

type Group = Assembly['groups'][string];

const signature = (from: string) => {
  const s = statSync(from);
  return `${s.ino}|${s.size}|${s.mtimeMs}`;
};

/** The files below `dir` that `keep` keeps, by path below the site, with their signatures. */
function scan(dir: string, keep: (rel: string) => boolean): Group['files'] {
  const files: Group['files'] = {};
  if (!existsSync(dir)) return files;
  for (const d of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!d.isFile()) continue;
    const abs = join(d.parentPath, d.name);
    const rel = relative(dir, abs).split(sep).join('/');
    if (keep(rel)) files[rel] = [abs, signature(abs)];
  }
  return files;
}

/** The groups of the merged site: the merge's pages, the search index, each part's pages and assets. */
function siteGroups(mergeDir: string, searchDir: string, years: string[], last: Assembly | undefined): [string, Group][] {
  const groups: [string, Group][] = [['merge', { stamp: '', files: scan(mergeDir, (rel) => rel !== 'sw.js') }]];
  // scripts/pack-search.ts keeps the content hash of every file it wrote; it rewrites only changed ones.
  const hashes = JSON.parse(readFileSync(join(searchDir, 'hashes.json'), 'utf8')) as Record<string, string>;
  const search: Group['files'] = {};
  for (const [name, hash] of Object.entries(hashes)) search[`search-index/${name}`] = [join(searchDir, 'search-index', name), `sha1:${hash}`];
  groups.push(['search', { stamp: '', files: search }]);
  for (const year of years) {
    const dist = join(PARTS, year, 'dist');
    const stamp = `${readFileSync(join(PARTS, year, 'input.sha1'), 'utf8')}|${statSync(join(dist, 'part-data', 'summary.json')).mtimeMs}`;
    const kept = last?.groups[year];
    groups.push([
      year,
      kept?.stamp === stamp ? kept : { stamp, files: scan(dist, (rel) => rel.startsWith('_astro/') || PAGE_DIR.test(rel) || TEXT_DIR.test(rel)) },
    ]);
  }
  return groups;
}

/** The merged site in OUT: the merge's pages, the search index, each part's pages and assets. */
async function assemble(mergeDir: string, searchDir: string, years: string[]): Promise<void> {
  const t = performance.now();
  const recordFile = join(PARTS, 'assembled.json');
  const read: Assembly | undefined = existsSync(recordFile) && existsSync(OUT) ? (JSON.parse(readFileSync(recordFile, 'utf8')) as Assembly) : undefined;
  const last = read?.out === OUT && read.groups ? read : undefined;
  if (!last) rmSync(OUT, { recursive: true, force: true });
  // Forget the record until this assembly is complete: one cut short is redone in full.
  rmSync(recordFile, { force: true });
  const groups = siteGroups(mergeDir, searchDir, years, last);
  const before = new Map<string, [string, string]>();
  for (const g of Object.values(last?.groups ?? {})) for (const [rel, entry] of Object.entries(g.files)) if (!before.has(rel)) before.set(rel, entry);
  // Every part has the same assets: the first group that has a file gives it.
  const wanted = new Map<string, [string, string]>();
  for (const [, g] of groups) for (const [rel, entry] of Object.entries(g.files)) if (!wanted.has(rel)) wanted.set(rel, entry);
  const dirs = new Set<string>();
  let changed = 0;
  for (const [rel, [from, sig]] of wanted) {
    const had = before.get(rel);
    if (had && had[0] === from && had[1] === sig) continue;
    const to = join(OUT, rel);
    if (!dirs.has(dirname(to))) {
      mkdirSync(dirname(to), { recursive: true });
      dirs.add(dirname(to));
    }
    rmSync(to, { force: true });
    // Hard links where the file system allows them: the 100,000s of search files cost no copy.
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
    changed++;
  }
  let removed = 0;
  for (const rel of before.keys()) {
    if (!wanted.has(rel)) {
      rmSync(join(OUT, rel), { force: true });
      removed++;
    }
  }
  await writeServiceWorker(
    OUT,
    undefined,
    { info: (m) => log(m), warn: (m) => log(`warning: ${m}`) },
    { hashCache: join(PARTS, 'hashes.json'), files: new Map([...wanted].map(([rel, [, sig]]) => [rel, sig])) },
  );
  writeFileSync(recordFile, JSON.stringify({ out: OUT, groups: Object.fromEntries(groups) } satisfies Assembly));
  log(
    `assembled ${relative(ROOT, OUT) || '.'} from the merge and ${years.length} parts: ${wanted.size} files, ${changed} new or changed, ${removed} removed, in ${seconds(t)}`,
  );
}

/** Runs a command; its output goes to `logFile`. */
function run(command: string[], logFile: string): Promise<boolean> {
  mkdirSync(dirname(logFile), { recursive: true });
  const out = createWriteStream(logFile);
  return new Promise((done) => {
    const child = spawn(command[0]!, command.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('close', (code) => out.end(() => done(code === 0)));
  });
}

async function merge(): Promise<boolean> {
  const t = performance.now();
  const dir = join(PARTS, '_merge');
  const searchDir = join(PARTS, '_search');
  // The pages and the search index side by side: neither needs the other.
  const [pages, search] = await Promise.all([
    astroBuild(join(dir, 'dist'), { PART: 'merge', MERGE_PARTS: PARTS, ASTRO_CACHE_DIR: join(dir, 'cache') }, join(dir, 'build.log')).then(
      (ok) => (log(`merge built in ${seconds(t)}`), ok),
    ),
    run([process.execPath, join(ROOT, 'scripts/pack-search.ts'), PARTS, searchDir], join(searchDir, 'pack.log')),
  ]);
  if (!pages) console.error(`[parts] the merge failed (${relative(ROOT, join(dir, 'build.log'))}):\n${tail(join(dir, 'build.log'))}`);
  if (!search) console.error(`[parts] packing the search index failed (${relative(ROOT, join(searchDir, 'pack.log'))}):\n${tail(join(searchDir, 'pack.log'))}`);
  if (!pages || !search) return false;
  log(tail(join(searchDir, 'pack.log')).replace(/^\[parts\] /, ''));
  const years = readdirSync(PARTS)
    .filter((y) => /^\d{4}$/.test(y) && existsSync(join(PARTS, y, 'dist', 'part-data', 'summary.json')))
    .sort();
  await assemble(join(dir, 'dist'), searchDir, years);
  return true;
}

const started = performance.now();
let ok = true;
if (!values.merge) {
  const { parts, refused, dates } = partsOf();
  if (refused.length) log(`${refused.length} file(s) have no date the loader can read; each part reports them as refused (see /status/)`);
  const chosen = chosenYears.length ? [...parts.entries()].filter(([y]) => chosenYears.includes(y)) : [...parts.entries()];
  const unknown = chosenYears.filter((y) => !parts.has(y));
  if (unknown.length) {
    console.error(`[parts] no documents for ${unknown.join(', ')} in ${CONTENT}; the parts are: ${[...parts.keys()].join(', ')}`);
    process.exit(1);
  }
  // Parts of years that no longer have documents would come back in the merge.
  if (!chosenYears.length && existsSync(PARTS)) {
    for (const y of readdirSync(PARTS)) if (/^\d{4}$/.test(y) && !parts.has(y)) rmSync(join(PARTS, y), { recursive: true, force: true });
  }
  log(
    `${chosen.length} part(s) of ${[...parts.values()].reduce((n, f) => n + f.length, 0)} files in ${relative(ROOT, CONTENT) || '.'}, ${Math.min(JOBS, chosen.length)} at a time`,
  );
  const shared = sharedDigest();
  // Each part links its first and last article to the neighbouring days of other years.
  mkdirSync(PARTS, { recursive: true });
  writeFileSync(join(PARTS, 'dates.json'), JSON.stringify(dates));
  ok = await pool(chosen, JOBS, ([year, files]) => buildPart(year, files, shared, refused, dates));
}
if (ok && (values.merge || !chosenYears.length)) ok = await merge();
log(`${ok ? 'done' : 'FAILED'} in ${seconds(started)}`);
process.exit(ok ? 0 : 1);
