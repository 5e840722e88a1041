/**
 * For the end-to-end tests and `npm run bench`, not used by the page itself:
 * `__duizhaoSearch.searchAll(query, docs?, filter?)` runs the page's own search and returns the
 * confirmed rows of the first `docs` documents (all by default: "More results" until nothing is
 * left, every row of each) as `{ path, anchor }`, the time `search()` took, and the time until
 * those rows were ready.
 */
import { BOX_ROWS, type SearchEngine, type SearchFilter } from '../lib/search/engine.ts';

interface Found {
  rows: { path: string; anchor: string }[];
  glossary: string[];
  ms: number;
  msShown: number;
}

export function installHooks(box: () => { engine(): Promise<SearchEngine> } | null): void {
  async function searchAll(query: string, docs = Infinity, filter: SearchFilter = {}): Promise<Found> {
    const element = box();
    if (!element) throw new Error('no <site-search> on this page');
    const engine = await element.engine();
    const t = performance.now();
    let results = await engine.search(query, { filter });
    const ms = performance.now() - t;
    while (results.docs.length < docs && !results.complete) results = await engine.more(results);
    const shown = await engine.show(results, results.docs.slice(0, docs), { rows: Number.isFinite(docs) ? BOX_ROWS : Infinity });
    const msShown = performance.now() - t;
    return { rows: shown.flatMap((d) => d.rows.map((r) => ({ path: d.info.path, anchor: r.record.anchor }))), glossary: results.glossary.map((g) => g.slug), ms, msShown };
  }
  globalThis.__duizhaoSearch = Object.assign(globalThis.__duizhaoSearch ?? { shard() {} }, { searchAll });
}
