/**
 * Which files the service worker saves when it installs, within a size budget. Everything else is
 * saved the first time it is opened (the worker caches every same-origin response it serves).
 *
 * Order, each tier whole before the next: scripts, styles and icons; the pages that are not
 * documents (home, years, glossary, search); the search index's entry files; documents (day and
 * article pages), newest first; then the search index's shards and the years' headlines. A site
 * that fits the budget is saved whole. A larger one gets the first three tiers (its shell), within
 * the budget; its documents are saved when opened, or by month and year when the reader asks
 * (offlineManifests below, elements/offline-save.ts).
 */
export interface BuiltFile {
  /** Path below the site root, `/`-separated: `glossary/lv/index.html`. */
  path: string;
  bytes: number;
}

export interface PrecachePlan {
  /** URLs relative to the worker's scope, in order: `./`, `glossary/`, `_astro/x.css`. */
  urls: string[];
  bytes: number;
  /** Files left to be saved on first use; `pages` of them are pages. */
  deferred: { files: number; bytes: number; pages: number };
  /** Whether the always-saved tiers alone pass the budget (a warning for the build log). */
  overBudget: boolean;
}

/** 40 MB: the corpus build (200 documents) is 8.5 MB; see README "Deploying offline". */
export const DEFAULT_BUDGET = 40 * 1024 * 1024;

const DOCUMENT = /^\d{4}-\d{2}-\d{2}\//;
const SEARCH = /^search-index\//;
const NOTE = /^glossary\/[^/]+\/note\.js$/;
/** Never precached: the worker itself, the offline read-me, source maps. */
const SKIP = /^(sw\.js|README-OFFLINE\.txt)$|\.map$/;

/**
 * Files a year page loads only when asked: its headlines (for the filter) and its offline
 * manifest (for "Save for offline reading"). As large as the year: saved last, with the shards.
 */
const ON_DEMAND = /^\d{4}\/(headlines\.js|offline\.json)$/;

function tier(path: string): number {
  if (ON_DEMAND.test(path)) return 4;
  // A glossary note (`glossary/slug/note.js`, loaded when a term's popover opens) goes with the
  // glossary's pages: content, not what draws a page, so a save cut short keeps pages first.
  if (NOTE.test(path)) return 1;
  // A document's word data (`…/slug/words.js`) goes with its page.
  if (!path.endsWith('.html') && !DOCUMENT.test(path)) {
    if (SEARCH.test(path)) return /^(meta|site-search)\.js$/.test(path.slice('search-index/'.length)) ? 2 : 4;
    return 0;
  }
  return DOCUMENT.test(path) ? 3 : 1;
}

/** `a/index.html` → `a/`, `index.html` → `./`: the URLs pages are linked and requested by. */
export function pageUrl(path: string): string {
  if (path === 'index.html') return './';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

export function planPrecache(files: BuiltFile[], budget = DEFAULT_BUDGET): PrecachePlan {
  const ranked = files
    .filter((f) => !SKIP.test(f.path))
    .map((f) => ({ ...f, tier: tier(f.path) }))
    // Within documents, newest first (paths start with the date); elsewhere by path.
    .sort((a, b) => a.tier - b.tier || (a.tier === 3 ? b.path.localeCompare(a.path) : pageUrl(a.path).localeCompare(pageUrl(b.path))));

  // A site that fits is saved whole (a seed, one term's reading). A larger archive gets its shell
  // only: a prefix of 400,000 articles helps no one; the reader saves the months and years they want.
  const fits = ranked.reduce((n, f) => n + f.bytes, 0) <= budget;
  const urls: string[] = [];
  let bytes = 0;
  let k = 0;
  for (; k < ranked.length; k++) {
    const f = ranked[k]!;
    if (f.tier >= 3 && !fits) break;
    if (f.tier >= 2 && bytes + f.bytes > budget) break;
    urls.push(pageUrl(f.path));
    bytes += f.bytes;
  }
  const rest = ranked.slice(k);
  return {
    urls,
    bytes,
    deferred: { files: rest.length, bytes: rest.reduce((n, f) => n + f.bytes, 0), pages: rest.filter((f) => f.path.endsWith('.html')).length },
    overBudget: ranked.filter((f) => f.tier < 2).reduce((n, f) => n + f.bytes, 0) > budget,
  };
}

/** What "Save this month / this year" saves: the day and article pages of each month. */
export interface OfflineMonth {
  /** `1958-09` */
  name: string;
  /** Article pages (the rest are day pages). */
  articles: number;
  bytes: number;
  /** URLs relative to the worker's scope, as the precache list has them. */
  urls: string[];
}

/** `1958/offline.json`, read by the year and day pages' save panel (elements/offline-save.ts). */
export interface OfflineManifest {
  year: string;
  /** Files the whole year adds to its months: its headlines for the filter. */
  extra: { urls: string[]; bytes: number };
  /**
   * The site's scripts and styles, saved with every month and year: a rebuild renames them, and
   * the saved pages, which outlive it, must still find theirs offline.
   */
  assets: { urls: string[]; bytes: number };
  months: OfflineMonth[];
}

const DAY_FILE = /^(\d{4})-(\d{2})-\d{2}\/(.*)$/;

/** One manifest per year, from the built files: day pages and everything below them, by month. */
export function offlineManifests(files: BuiltFile[]): OfflineManifest[] {
  const years = new Map<string, OfflineManifest>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const f of sorted) {
    const m = DAY_FILE.exec(f.path);
    if (!m || SKIP.test(f.path)) continue;
    const [, year, month, rest] = m as unknown as [string, string, string, string];
    let manifest = years.get(year);
    if (!manifest) {
      manifest = { year, extra: { urls: [], bytes: 0 }, assets: { urls: [], bytes: 0 }, months: [] };
      years.set(year, manifest);
    }
    const name = `${year}-${month}`;
    let entry = manifest.months.find((e) => e.name === name);
    if (!entry) {
      entry = { name, articles: 0, bytes: 0, urls: [] };
      manifest.months.push(entry);
    }
    entry.urls.push(pageUrl(f.path));
    entry.bytes += f.bytes;
    if (rest !== 'index.html' && rest.endsWith('/index.html')) entry.articles++;
  }
  for (const f of sorted) {
    const m = /^(\d{4})\/headlines\.js$/.exec(f.path);
    const manifest = m ? years.get(m[1]!) : undefined;
    if (manifest) {
      manifest.extra.urls.push(f.path);
      manifest.extra.bytes += f.bytes;
    }
  }
  const assets = sorted.filter((f) => f.path.startsWith('_astro/') && !SKIP.test(f.path));
  for (const manifest of years.values()) manifest.assets = { urls: assets.map((f) => f.path), bytes: assets.reduce((n, f) => n + f.bytes, 0) };
  return [...years.values()];
}

/** One saved month or year: the pages it holds and what the footer says of it. */
export interface SavedCollection {
  /** `1958-09` or `1958` */
  name: string;
  /** `September 1958` */
  label: string;
  urls: string[];
  bytes: number;
  articles: number;
  /** False while saving, or when a save was cut short (a full disk, a closed tab). */
  complete: boolean;
}
