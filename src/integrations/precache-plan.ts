/**
 * Which files the service worker saves when it installs, within a size budget. Everything else is
 * saved the first time it is opened (the worker caches every same-origin response it serves).
 *
 * Order, each tier whole before the next: scripts, styles and icons; the pages that are not
 * documents (home, glossary, search); the search index's entry files; documents, newest first;
 * then the search index's shards. The first two tiers are always saved; from the third on, the
 * plan stops at the first file that would pass the budget, so what is saved is a clean prefix.
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
/** Never precached: the worker itself, the offline read-me, source maps. */
const SKIP = /^(sw\.js|README-OFFLINE\.txt)$|\.map$/;

/** A year's headlines for the year page's filter: as large as the year, loaded when filtering. */
const HEADLINES = /^\d{4}\/headlines\.js$/;

function tier(path: string): number {
  if (HEADLINES.test(path)) return 4;
  if (!path.endsWith('.html')) {
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

  const urls: string[] = [];
  let bytes = 0;
  let k = 0;
  for (; k < ranked.length; k++) {
    const f = ranked[k]!;
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
