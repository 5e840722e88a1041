/**
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
 * A part (PART=1958, FROM=TO=1958) makes that year's day and article pages and hands the merge its
 * documents and their pinyin (src/pages/part-data). The merge (PART=merge) makes the pages that span
 * the archive (home, years, headlines, glossary, search and its index) from those, reading no source
 * file. Assembling puts the merge's pages and every part's day and article pages in OUT_DIR, sets
 * the archive's content and search versions and each article's search id in the part pages, and
 * writes the service worker. A part is skipped when nothing it reads changed (its files, the
 * glossary, the code), so editing one document rebuilds one part and the merge.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { writeServiceWorker } from '../src/integrations/offline.ts';
import { PART_PLACEHOLDERS } from '../src/data/build-mode.ts';
import { inRange, parseRange } from '../src/lib/archive/range.ts';
import { listDocumentFiles, scanDates } from '../src/lib/load.ts';

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
  console.error(`[parts] PARTS_DIR=${PARTS} lies outside the project (${ROOT}): parts built side by side need their own folders inside it. Use a folder inside the project, such as the default .parts.`);
  process.exit(2);
}
const log = (message: string) => console.log(`[parts] ${message}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Which year each document file belongs to, by the date the loader will read (scanDates), and the
 * files it refuses (no date to be had), which every part reads and reports.
 */
function partsOf(): { parts: Map<string, string[]>; refused: string[] } {
  const range = parseRange(process.env.FROM, process.env.TO);
  const parts = new Map<string, string[]>();
  const refused: string[] = [];
  for (const [file, date] of scanDates(CONTENT, listDocumentFiles(CONTENT))) {
    if (!date) refused.push(file);
    else if (inRange(date, range)) parts.set(date.slice(0, 4), [...(parts.get(date.slice(0, 4)) ?? []), file]);
  }
  return { parts: new Map([...parts.entries()].sort((a, b) => a[0].localeCompare(b[0]))), refused };
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

async function buildPart(year: string, files: string[], shared: string, refused: string[]): Promise<boolean> {
  const dir = join(PARTS, year);
  // A refused file is read by every part: once fixed, every part must forget its refusal.
  const digest = partDigest(shared, [...files, ...refused]);
  const stamp = join(dir, 'input.sha1');
  if (!values.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest && existsSync(join(dir, 'dist', 'part-data', 'documents.json'))) {
    log(`${year}: ${files.length} files, unchanged: kept`);
    return true;
  }
  const t = performance.now();
  rmSync(stamp, { force: true });
  const ok = await astroBuild(join(dir, 'dist'), {
    PART: year,
    // The loader keeps what lies in this year and in the archive's FROM/TO (FROM_ALL, TO_ALL).
    FROM: year,
    TO: year,
    FROM_ALL: process.env.FROM ?? '',
    TO_ALL: process.env.TO ?? '',
    ASTRO_CACHE_DIR: join(dir, 'cache'),
  }, join(dir, 'build.log'));
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
  await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) ok = (await task(item)) && ok;
  }));
  return ok;
}

const PAGE_DIR = /^\d{4}-\d{2}-\d{2}\//;

/** The merged site in OUT: the merge's pages, then each part's day and article pages and assets. */
async function assemble(mergeDir: string, years: string[]): Promise<void> {
  const t = performance.now();
  const home = readFileSync(join(mergeDir, 'index.html'), 'utf8');
  const contentVersion = /data-content-version="([^"]+)"/.exec(home)?.[1] ?? '';
  const searchVersion = /<site-search[^>]*\sdata-version="([^"]*)"/.exec(home)?.[1] ?? '';
  const ids = new Map<string, string>(Object.entries(JSON.parse(readFileSync(join(mergeDir, 'merge-data', 'doc-ids.json'), 'utf8')) as Record<string, number>).map(([p, id]) => [p, String(id)]));
  rmSync(OUT, { recursive: true, force: true });
  // Hard links where the file system allows them: the merge's 100,000s of search files cost no copy.
  const copy = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
  for (const f of readdirSync(mergeDir, { recursive: true, encoding: 'utf8' })) {
    const abs = join(mergeDir, f);
    if (f.startsWith('merge-data') || f === 'sw.js' || !statSync(abs).isFile()) continue;
    copy(abs, join(OUT, f));
  }
  let pages = 0;
  for (const year of years) {
    const dist = join(PARTS, year, 'dist');
    for (const f of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
      const abs = join(dist, f);
      const rel = f.split('\\').join('/');
      if (rel.startsWith('_astro/') && statSync(abs).isFile()) {
        if (!existsSync(join(OUT, rel))) copy(abs, join(OUT, rel));
      } else if (PAGE_DIR.test(rel) && statSync(abs).isFile()) {
        if (!rel.endsWith('.html')) {
          copy(abs, join(OUT, rel));
          continue;
        }
        // The part knew neither the archive's versions nor the article's place in the search index.
        const path = rel.slice(0, -'index.html'.length);
        const html = readFileSync(abs, 'utf8')
          .replaceAll(PART_PLACEHOLDERS.content, contentVersion)
          .replaceAll(PART_PLACEHOLDERS.search, searchVersion)
          .replace(`data-doc="${PART_PLACEHOLDERS.doc}"`, ids.has(path) ? `data-doc="${ids.get(path)}"` : '');
        mkdirSync(dirname(join(OUT, rel)), { recursive: true });
        writeFileSync(join(OUT, rel), html);
        pages++;
      }
    }
  }
  await writeServiceWorker(OUT, undefined, { info: (m) => log(m), warn: (m) => log(`warning: ${m}`) });
  log(`assembled ${relative(ROOT, OUT) || '.'}: the merge's pages and ${pages} day and article pages from ${years.length} parts, in ${seconds(t)}`);
}

async function merge(): Promise<boolean> {
  const t = performance.now();
  const dir = join(PARTS, '_merge');
  const ok = await astroBuild(join(dir, 'dist'), { PART: 'merge', MERGE_PARTS: PARTS, ASTRO_CACHE_DIR: join(dir, 'cache') }, join(dir, 'build.log'));
  if (!ok) {
    console.error(`[parts] the merge failed (${relative(ROOT, join(dir, 'build.log'))}):\n${tail(join(dir, 'build.log'))}`);
    return false;
  }
  log(`merge built in ${seconds(t)}`);
  const years = readdirSync(PARTS).filter((y) => /^\d{4}$/.test(y) && existsSync(join(PARTS, y, 'dist', 'part-data', 'documents.json'))).sort();
  await assemble(join(dir, 'dist'), years);
  return true;
}

const started = performance.now();
let ok = true;
if (!values.merge) {
  const { parts, refused } = partsOf();
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
  log(`${chosen.length} part(s) of ${[...parts.values()].reduce((n, f) => n + f.length, 0)} files in ${relative(ROOT, CONTENT) || '.'}, ${Math.min(JOBS, chosen.length)} at a time`);
  const shared = sharedDigest();
  ok = await pool(chosen, JOBS, ([year, files]) => buildPart(year, files, shared, refused));
}
if (ok && (values.merge || !chosenYears.length)) ok = await merge();
log(`${ok ? 'done' : 'FAILED'} in ${seconds(started)}`);
process.exit(ok ? 0 : 1);
