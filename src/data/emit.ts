/**
 * Files a build writes beside its pages without a route each: the search index's 100,000s of small
 * files, which Astro's router would take minutes to render one by one (about 0.5 ms a route). The
 * page modules hand them over here (on globalThis: pages and integrations are separate module
 * graphs in one process) and src/integrations/offline.ts writes them when the build is done.
 */
const KEY = Symbol.for('duizhao.emit');
type Registry = { [KEY]?: Map<string, string> };

/** Adds files, by path below the output folder (`search-index/zh/1f.js`). */
export function emitFiles(files: Iterable<[string, string]>): void {
  const g = globalThis as Registry;
  g[KEY] ??= new Map();
  for (const [path, content] of files) g[KEY].set(path, content);
}

/** The files handed over so far; taking them empties the list. */
export function takeEmitted(): Map<string, string> {
  const g = globalThis as Registry;
  const files = g[KEY] ?? new Map<string, string>();
  g[KEY] = new Map();
  return files;
}
