/**
 * The search as the browser runs it, over whatever loads the files (a <script> tag in the
 * browser, a file read in tests).
 *
 * A query loads the bucket of each of its tokens, which holds the token's newest postings, and
 * finds the candidate records (FlexSearch intersects) in the documents that every list covers.
 * Until the first page of documents is found it loads the next chunk of the lists that cover
 * least; `more()` goes on from there, older and older, until the lists are exhausted. Results are
 * exact over the documents searched, so nothing is missed, only not reached yet. `show()` then
 * loads the text of the documents on screen and keeps the records lib/search/match.ts confirms.
 *
 *   const engine = await SearchEngine.open(load);
 *   const results = await engine.search('铝', { filter: { from: 1958, to: 1960 } });
 *   const shown = await engine.show(results, results.docs.slice(0, 6), { rows: 3 });
 *   const next = await engine.more(results); // when !results.complete
 */
import { docOf, locate, type GlossaryInfo, type SearchMeta, type SearchRecord } from './files.ts';
import { Lists, type Loader } from './lists.ts';
import { matchRecord, type Plan, type RecordMatch } from './match.ts';
import { needsPinyin, planGroup, type Part } from './plan.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { Texts, type ShownDoc } from './text.ts';
import { matchGlossary } from './terms.ts';

export type { Loader, ShownDoc };

/** Years (inclusive) and a page (版); each may be left out. */
export interface SearchFilter {
  from?: number;
  to?: number;
  page?: number;
}

export interface DocHits {
  doc: number;
  ids: number[];
  score: number;
}

export interface SearchResults {
  query: ParsedQuery;
  plans: Plan[];
  /** Documents found among those searched, best first; their candidate records in reading order. */
  docs: DocHits[];
  rows: number;
  glossary: GlossaryInfo[];
  filter: SearchFilter;
  /** The documents searched, [from, until) in document order (newest first). */
  searched: { from: number; until: number };
  /** Every document the filter allows has been searched. */
  complete: boolean;
}

/** Documents a search finds before it returns, unless told otherwise: the header box's page. */
export const FIRST_PAGE = 6;
/** Rows a document shows, unless told otherwise: the header box's. */
export const BOX_ROWS = 3;
/** Chunk loads per call at most: a phrase of common pairs that occurs nowhere stops here. */
const MAX_ROUNDS = 8;

interface State {
  query: ParsedQuery;
  parts: Part[];
  filter: SearchFilter;
  lo: number;
  hi: number;
}

export class SearchEngine {
  readonly meta: SearchMeta;
  #lists: Lists;
  #texts: Texts;
  #states = new WeakMap<SearchResults, State>();

  constructor(load: Loader, meta: SearchMeta) {
    this.meta = meta;
    this.#lists = new Lists(load, meta);
    this.#texts = new Texts(load, meta);
  }

  static async open(load: Loader): Promise<SearchEngine> {
    return new SearchEngine(load, (await load('meta')) as SearchMeta);
  }

  /** Documents [lo, hi) of the years a filter allows (documents are newest first). */
  range(filter: SearchFilter): [number, number] {
    const first = (match: (year: number) => boolean) => this.meta.years.find(([y]) => match(y))?.[1] ?? this.meta.docs;
    const lo = filter.to === undefined ? 0 : first((y) => y <= filter.to!);
    const hi = filter.from === undefined ? this.meta.docs : first((y) => y < filter.from!);
    return [lo, Math.max(lo, hi)];
  }

  /** The year of a document, from the year boundaries in meta. */
  yearOf(doc: number): number {
    return locate(this.meta.years, doc).year;
  }

  /** The document of the archive that a page names as `1958/12` (its year, its place in it). */
  documentAt(key: string): number | undefined {
    const [year, k] = key.split('/').map(Number);
    const at = this.meta.years.findIndex(([y]) => y === year);
    if (at < 0 || !Number.isInteger(k) || k! < 0) return undefined;
    const [start, end] = [this.meta.years[at]![1], this.meta.years[at + 1]?.[1] ?? this.meta.docs];
    return start + k! < end ? start + k! : undefined;
  }

  /** Searches until `docs` documents are found (or everything the filter allows is searched). */
  async search(input: string, options: { filter?: SearchFilter; docs?: number } = {}): Promise<SearchResults> {
    const query = parseQuery(input);
    const filter = options.filter ?? {};
    const parts: Part[] = [];
    for (const g of query.groups) parts.push(await planGroup(this.#lists, g));
    const [lo, hi] = this.range(filter);
    return this.#fill({ query, parts, filter, lo, hi }, options.docs ?? FIRST_PAGE);
  }

  /** Searches older documents until `docs` more are found, or nothing is left. */
  async more(results: SearchResults, docs = FIRST_PAGE): Promise<SearchResults> {
    const state = this.#states.get(results);
    if (!state || results.complete) return results;
    await this.#extend(state);
    return this.#fill(state, results.docs.length + docs);
  }

  async #fill(state: State, want: number): Promise<SearchResults> {
    let results = this.#results(state);
    for (let round = 0; results.docs.length < want && !results.complete && round < MAX_ROUNDS; round++) {
      await this.#extend(state);
      results = this.#results(state);
    }
    return results;
  }

  /** First document past what every list of the query (and the page maps, if asked) covers. */
  #until(state: State): number {
    if (!state.parts.length || state.parts.some((p) => p.none)) return state.hi;
    let until = state.hi;
    for (const p of state.parts) for (const l of p.lists) until = Math.min(until, this.#lists.end(l, state.lo));
    if (state.filter.page !== undefined) until = Math.min(until, this.#lists.pagesEnd(state.lo));
    return until;
  }

  /** Loads the next chunk of every list that covers least. */
  async #extend(state: State): Promise<void> {
    const until = this.#until(state);
    if (until >= state.hi) return;
    const loads: Promise<unknown>[] = [];
    for (const p of state.parts) for (const l of p.lists) if (this.#lists.end(l, state.lo) === until) loads.push(this.#lists.extend(l, state.lo));
    if (state.filter.page !== undefined && this.#lists.pagesEnd(state.lo) === until) loads.push(this.#lists.extendPages(state.lo));
    await Promise.all(loads);
  }

  #results(state: State): SearchResults {
    const { lo, hi, filter, query } = state;
    const until = Math.min(this.#until(state), hi);
    let total: Map<number, number> | null = null;
    if (!state.parts.some((p) => p.none)) {
      for (const p of state.parts) {
        const scores = p.scores();
        if (!total) total = scores;
        else
          for (const [id, s] of total) {
            if (scores.has(id)) total.set(id, s + scores.get(id)!);
            else total.delete(id);
          }
      }
    }
    const byDoc = new Map<number, DocHits>();
    let rows = 0;
    for (const [id, score] of total ?? []) {
      const doc = docOf(id, this.meta.stride);
      if (doc < lo || doc >= until || (filter.page !== undefined && this.#lists.pageOf(doc) !== filter.page)) continue;
      const hits = byDoc.get(doc) ?? { doc, ids: [], score: 0 };
      hits.ids.push(id);
      hits.score = Math.max(hits.score, score);
      byDoc.set(doc, hits);
      rows++;
    }
    const docs = [...byDoc.values()].sort((a, b) => b.score - a.score || a.doc - b.doc);
    for (const d of docs) d.ids.sort((a, b) => a - b);
    const glossary = matchGlossary(this.meta.glossary, query.text);
    const results: SearchResults = {
      query,
      plans: state.parts.map((p) => p.plan),
      docs,
      rows,
      glossary,
      filter,
      searched: { from: lo, until },
      complete: until >= hi,
    };
    this.#states.set(results, state);
    return results;
  }

  /**
   * The documents `docs` with their confirmed rows, up to `rows` rows each besides the headline
   * (the header box shows 3), loading only the text parts that hold them; documents whose
   * candidates all fail are left out.
   */
  async show(results: SearchResults, docs: DocHits[], options: { rows?: number } = {}): Promise<ShownDoc[]> {
    const pinyin = needsPinyin(results.plans);
    const shown = await Promise.all(docs.map((d) => this.#texts.show(d.doc, d.ids, results.plans, options.rows ?? BOX_ROWS, pinyin)));
    return shown.filter((d) => d !== null);
  }

  /** Every record of one document with what the query marks in it (arriving from a result). */
  async documentMatches(doc: number, input: string): Promise<{ record: SearchRecord; match: RecordMatch }[]> {
    const plans: Plan[] = [];
    for (const g of parseQuery(input).groups) plans.push((await planGroup(this.#lists, g)).plan);
    return (await this.#texts.document(doc, needsPinyin(plans))).map((record) => ({ record, match: matchRecord(record, plans) }));
  }
}
