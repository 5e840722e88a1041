/**
 * Makes a large test archive from the 200-article corpus, to measure the reader at the archive's
 * scale (STYLE.md, habit 12: measure at 3,000 and 20,000 documents).
 *
 *   node scripts/make-archive.ts --count 3000 --out /tmp/archive-3000 [--from ../shared/corpus/rmrb] [--seed 1]
 *
 * Each document is a corpus document (cycling through them) under a new date, laid out as real
 * archives are: `YYYY/MM/YYYY-MM-DD-pN-slug.md` (about 80 %) or `YYYY/MM/YYYY-MM-DD_中文标题.txt`.
 * Only the two date fields change (`Date:` and the date under the `###` headline, which must agree
 * or the parser notes a mismatch); page, edition and every other character stay as in the source.
 * A few documents are twins (same date, page and slug, `.md` beside `.txt`) so that the reader's
 * URL collision handling (`-2`) is exercised.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from '../src/lib/document/parse.ts';
import { documentSlug } from '../src/lib/document/slug.ts';

export interface Source {
  name: string;
  text: string;
}

export interface ArchiveFile {
  /** Relative path with `/`, e.g. `1958/09/1958-09-25-p1-copper-and-aluminum.md`. */
  path: string;
  text: string;
}

export interface ArchiveOptions {
  sources: Source[];
  count: number;
  seed?: number;
}

/** Written into the output folder, so the CLI only ever wipes a folder it made itself. */
export const MARKER = '.make-archive';

const FIRST_YEAR = 1950;
/** About 870 documents a year spreads 20,000 over 1950–1972; never fewer than 3 years. */
const DOCS_PER_YEAR = 870;
const MIN_YEARS = 3;
/** A twin every 1,000 documents (the first at 100): a few collisions, even at 500. */
const TWIN_EVERY = 1000;
const TWIN_AT = 100;
const DAY_MS = 86_400_000;

/** mulberry32: a tiny seeded PRNG, so the same seed gives the same archive on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template {
  source: Source;
  slug: string;
  page: number;
  /** The first headline line, cleaned for a file name ('' when nothing is left). */
  title: string;
  /** Offsets of the two `YYYY-MM-DD` fields to overwrite (-1: the source has none). */
  enDate: number;
  zhDate: number;
}

/** Characters Windows, macOS or Linux refuse in file names, and control characters. */
// Control characters are unsafe in file names too.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

function template(source: Source): Template {
  const parsed = parseDocument(source.text, source.name);
  const { text } = source;
  // Searched in the text, not rebuilt from parsed lines, so every other character stays as it is.
  const en = /^[^\S\r\n]*Date[^\S\r\n]*[:：][^\S\r\n]*(\d{4}-\d{2}-\d{2})/im.exec(text);
  const hr = /^[^\S\r\n]*<hr\s*\/?>[^\S\r\n]*$/gim;
  hr.lastIndex = en ? en.index : 0;
  const head = /^[^\S\r\n]*#/gm;
  head.lastIndex = hr.exec(text)?.index ?? 0;
  const zh = /^[^\S\r\n]*(\d{4}-\d{2}-\d{2})[^\S\r\n]*$/gm;
  zh.lastIndex = head.exec(text)?.index ?? text.length;
  const zhMatch = zh.exec(text);
  if (!en && !zhMatch) throw new Error(`${source.name}: no "Date:" line and no date under the ### headline; cannot give it a new date.`);
  const title = Array.from(parsed.zh.headline[0] ?? '')
    .slice(0, 20)
    .join('')
    .replace(UNSAFE, '')
    .trim()
    .replace(/^\.+|[. ]+$/g, '');
  return {
    source,
    slug: documentSlug(source.name, parsed.en.title),
    page: parsed.page,
    title,
    enDate: en ? en.index + en[0].length - 10 : -1,
    zhDate: zhMatch ? zhMatch.index + zhMatch[0].indexOf(zhMatch[1]!) : -1,
  };
}

/** The source text with its date fields set to `date` (both fields are 10 characters long). */
function redate(t: Template, date: string): string {
  let out = t.source.text;
  for (const at of [t.zhDate, t.enDate].filter((n) => n >= 0).sort((a, b) => b - a)) out = out.slice(0, at) + date + out.slice(at + 10);
  return out;
}

/** Articles per day, 2–12 (a realistic day of a paper), summing to exactly `count`. */
function dayCounts(count: number, rnd: () => number): number[] {
  const days: number[] = [];
  for (let left = count; left > 0;) {
    let k = Math.min(left, 2 + Math.floor(rnd() * 11));
    if (left - k === 1) k += k < 12 ? 1 : -1; // never leave a lone article for the last day
    days.push(k);
    left -= k;
  }
  return days;
}

/** `n` distinct dates from FIRST_YEAR on, spread over the years, ascending. */
function pickDates(n: number, count: number, rnd: () => number): string[] {
  const years = Math.max(MIN_YEARS, Math.ceil(count / DOCS_PER_YEAR));
  const start = Date.UTC(FIRST_YEAR, 0, 1);
  const span = Math.max(n, Math.round((Date.UTC(FIRST_YEAR + years, 0, 1) - start) / DAY_MS));
  const offsets = Array.from({ length: span }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rnd() * (span - i));
    [offsets[i], offsets[j]] = [offsets[j]!, offsets[i]!];
  }
  return offsets
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((d) => new Date(start + d * DAY_MS).toISOString().slice(0, 10));
}

/** The archive as files in memory: pure and deterministic for the same sources, count and seed. */
export function makeArchive({ sources, count, seed = 1 }: ArchiveOptions): ArchiveFile[] {
  if (!sources.length && count > 0) throw new Error('makeArchive: no source documents.');
  const templates = sources.map(template);
  const rnd = random(seed);
  const counts = dayCounts(count, rnd);
  const dates = pickDates(counts.length, count, rnd);

  // Pass 1: which source goes on which day; twins repeat the document before them on that day.
  const plan: { date: string; t: Template; twin: boolean; short: boolean }[] = [];
  let next = 0;
  let wantTwin = false;
  counts.forEach((k, d) => {
    for (let j = 0; j < k; j++) {
      if (plan.length % TWIN_EVERY === TWIN_AT) wantTwin = true;
      const twin = wantTwin && j > 0;
      if (twin) wantTwin = false;
      const t = twin ? plan.at(-1)!.t : templates[next++ % templates.length]!;
      plan.push({ date: dates[d]!, t, twin, short: rnd() < 0.2 });
    }
  });

  // Pass 2: names. A twin and its original both take the `pN-slug` shape so that they collide.
  const taken = new Set<string>();
  return plan.map(({ date, t, twin, short }, n) => {
    const folder = `${date.slice(0, 4)}/${date.slice(5, 7)}/`;
    const archiveName = `${date}-p${t.page}-${t.slug}`;
    let name = twin ? `${archiveName}.txt` : short && t.title && !plan[n + 1]?.twin ? `${date}_${t.title}.txt` : `${archiveName}.md`;
    // Two sources with the same headline on one day (or a tiny source list): keep both files.
    for (let k = 2; taken.has(folder + name); k++) name = `${archiveName}-${k}.md`;
    taken.add(folder + name);
    return { path: folder + name, text: redate(t, date) };
  });
}

/** The corpus documents of a folder (`.txt`, `.md`, no README), sorted by name. */
export function readSources(dir: string): Source[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/i.test(f) && !/^readme\./i.test(f))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Writes the files under `out`, wiping it first only if this tool made it (its marker is there). */
export function writeArchive(out: string, files: ArchiveFile[], note = ''): void {
  if (existsSync(out) && readdirSync(out).length) {
    if (!existsSync(join(out, MARKER)))
      throw new Error(`${out} is not empty and was not made by make-archive (no ${MARKER} file): refusing to wipe it. Choose another --out.`);
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, MARKER), `Made by scripts/make-archive.ts${note ? ` ${note}` : ''}; the tool wipes this folder when it writes here again.\n`);
  const made = new Set<string>();
  for (const f of files) {
    const dir = dirname(join(out, f.path));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(out, f.path), f.text);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 0 || !values.out || !Number.isInteger(seed)) {
    console.error('Usage: node scripts/make-archive.ts --count 3000 --out /tmp/archive-3000 [--from ../shared/corpus/rmrb] [--seed 1]');
    process.exit(2);
  }
  const from = values.from ? resolve(values.from) : resolve(import.meta.dirname, '../../shared/corpus/rmrb');
  const out = resolve(values.out);
  const t = performance.now();
  let files: ArchiveFile[];
  try {
    files = makeArchive({ sources: readSources(from), count, seed });
    writeArchive(out, files, `--count ${count} --seed ${seed} --from ${from}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const days = new Set(files.map((f) => f.path.replace(/^.*\//, '').slice(0, 10)));
  const sorted = [...days].sort();
  console.log(
    `${files.length} documents on ${days.size} days (${sorted[0] ?? '–'} … ${sorted.at(-1) ?? '–'}) in ${out}, ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
