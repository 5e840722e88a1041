/**
 * The page's own search, run from outside it by the end-to-end tests and `npm run bench`: hand
 * `searchAll` to Playwright's `page.evaluate(searchAll, { query })` on a page whose search code has
 * loaded (`customElements.get('site-search')`). It returns the confirmed rows of the first `docs`
 * documents (all by default: "More results" until nothing is left, every row of each) as
 * `{ path, anchor }`, the glossary entries found, the time `search()` took and the time until the
 * rows were ready. Self-contained, since it is serialised into the page: it reaches the engine
 * through the element's public `engine()` and imports nothing. The page itself has no test hook.
 */
export interface ProbeResult {
  rows: { path: string; anchor: string }[];
  glossary: string[];
  ms: number;
  msShown: number;
}

export interface ProbeArgs {
  query: string;
  /** Documents to show, with the header box's 3 rows each; all, with every row, by default. */
  docs?: number;
  filter?: { from?: number; to?: number; page?: number };
}

export async function searchAll({ query, docs = Infinity, filter = {} }: ProbeArgs): Promise<ProbeResult> {
  /** The engine's API as this function uses it (lib/search/engine.ts). */
  interface Engine {
    search(q: string, o: { filter: ProbeArgs['filter'] }): Promise<Results>;
    more(r: Results): Promise<Results>;
    show(r: Results, d: unknown[], o: { rows: number }): Promise<{ info: { path: string }; rows: { record: { anchor: string } }[] }[]>;
  }
  interface Results {
    docs: unknown[];
    complete: boolean;
    glossary: { slug: string }[];
  }
  const element = document.querySelector('site-search') as (Element & { engine(): Promise<Engine> }) | null;
  if (!element || typeof element.engine !== 'function') throw new Error('no <site-search> with its code loaded on this page');
  const engine = await element.engine();
  const t = performance.now();
  let results = await engine.search(query, { filter });
  const ms = performance.now() - t;
  while (results.docs.length < docs && !results.complete) results = await engine.more(results);
  // BOX_ROWS of lib/search/engine.ts: the header box shows 3 rows a document.
  const shown = await engine.show(results, results.docs.slice(0, docs), { rows: Number.isFinite(docs) ? 3 : Infinity });
  const msShown = performance.now() - t;
  return {
    rows: shown.flatMap((d) => d.rows.map((r) => ({ path: d.info.path, anchor: r.record.anchor }))),
    glossary: results.glossary.map((g) => g.slug),
    ms,
    msShown,
  };
}
