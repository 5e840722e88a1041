/**
 * The search as the browser runs it, over whatever loads the shard files (a <script> tag in the
 * browser, a file read in tests). A query loads only the index shards of its tokens, finds the
 * candidate records with FlexSearch, ranks them and groups them by document; `show()` then loads the
 * text of the documents on screen and keeps the records lib/search-match.ts confirms.
 */
import type { Index } from 'flexsearch';
import { chineseQueryTokens, englishWords, PAIR, pinyinQueryTokens, shardKey, shardOf, type Field } from './search-encode.ts';
import { foldText } from './search-fold.ts';
import { createIndex, shardEntries, shardName, type GlossaryInfo, type IndexShard, type SearchDocInfo, type SearchMeta, type SearchRecord, type TextShard } from './search-index.ts';
import { matchRecord, type EnglishPlan, type PinyinPlan, type Plan, type RecordMatch } from './search-match.ts';
import { parseQuery, type Group, type ParsedQuery } from './search-query.ts';
import { splitPinyin } from './search-pinyin.ts';
import { matchGlossary } from './search-terms.ts';

export type Loader = (name: string) => Promise<unknown>;
type Ids = Set<number>;

export interface DocHits {
  doc: number;
  ids: number[];
  score: number;
}

export interface SearchResults {
  query: ParsedQuery;
  plans: Plan[];
  /** Documents, best first; their candidate records in reading order. */
  docs: DocHits[];
  rows: number;
  glossary: GlossaryInfo[];
}

export interface ShownDoc {
  info: SearchDocInfo;
  rows: { record: SearchRecord; match: RecordMatch }[];
}

/** Prefix expansions looked up at most; more would not be read anyway. */
const MAX_EXPANSIONS = 400;
const WEIGHT = { zh: 3, en: 3, py: 2, terms: 1 };

export class SearchEngine {
  readonly meta: SearchMeta;
  #load: Loader;
  #index = { zh: createIndex(), py: createIndex(), en: createIndex() } as Record<Field, Index>;
  #tokens = new Map<string, string[]>();
  #known = { zh: new Set<string>(), py: new Set<string>(), en: new Set<string>() } as Record<Field, Set<string>>;
  #texts = new Map<number, Promise<void>>();
  #records = new Map<number, SearchRecord>();
  #docs = new Map<number, SearchDocInfo>();

  constructor(load: Loader, meta: SearchMeta) {
    this.#load = load;
    this.meta = meta;
  }

  static async open(load: Loader): Promise<SearchEngine> {
    return new SearchEngine(load, (await load('meta')) as SearchMeta);
  }

  /** The shard holding a token (or tokens starting with it: see shardKey). */
  #shardOf(field: Field, token: string): string {
    return shardName(field, shardOf(shardKey(field, token), this.meta.shards[field]));
  }

  /** Loads the shards holding these tokens. */
  async #ensure(field: Field, tokens: string[]): Promise<void> {
    const names = new Set(tokens.map((t) => this.#shardOf(field, t)));
    await Promise.all(
      [...names].filter((n) => !this.#tokens.has(n)).map(async (name) => {
        const shard = (await this.#load(name)) as IndexShard;
        if (this.#tokens.has(name)) return;
        this.#index[field].import('map', shardEntries(shard) as unknown as string);
        this.#tokens.set(name, shard.map(([t]) => t));
        for (const [t] of shard) this.#known[field].add(t);
      }),
    );
  }

  /** Records holding every token (FlexSearch intersects); the last may be a prefix. */
  async #lookup(field: Field, tokens: string[], prefix = false): Promise<Ids> {
    const last = tokens[tokens.length - 1] ?? '';
    // A prefix needs two letters; in pinyin it must follow a complete syllable (`tuyangb`): a lone
    // `sh` could be any of 20 syllables in as many shards.
    if (!tokens.length || (prefix && (last.length < 2 || (field === 'py' && !last.includes(PAIR))))) return new Set();
    // The first token's shard alone often shows the query cannot match (English words read as
    // pinyin: `aluminum` → a'lu…): then the other shards are never downloaded.
    await this.#ensure(field, tokens.slice(0, 1));
    if ((tokens.length > 1 || !prefix) && !this.#known[field].has(tokens[0]!)) return new Set();
    await this.#ensure(field, tokens);
    const exact = prefix ? tokens.slice(0, -1) : tokens;
    let ids: Ids | null = exact.length ? new Set(this.#index[field].search(exact.join(' '), { limit: 1e9 }) as number[]) : null;
    if (prefix) {
      const p = tokens[tokens.length - 1]!;
      const expansions = (this.#tokens.get(this.#shardOf(field, p)) ?? []).filter((t) => t.startsWith(p)).slice(0, MAX_EXPANSIONS);
      const union: Ids = new Set();
      for (const t of expansions) for (const id of this.#index[field].search(t, { limit: 1e9 }) as number[]) union.add(id);
      ids = ids ? intersect(ids, union) : union;
    }
    return ids ?? new Set();
  }

  async #english(terms: string[], last: boolean, quoted: boolean): Promise<{ plan: EnglishPlan | null; ids: Ids }> {
    const words = englishWords(foldText(terms.join(' ')));
    if (!words.length) return { plan: null, ids: new Set() };
    const stems = words.map((w) => w.stem);
    await this.#ensure('en', stems);
    const lastWord = foldText(terms.join(' ')).slice(words[words.length - 1]!.start, words[words.length - 1]!.end);
    const prefix = last && !this.#known.en.has(stems[stems.length - 1]!) && lastWord.length >= 2;
    if (prefix) stems[stems.length - 1] = lastWord;
    return { plan: { stems, prefix, phrase: quoted }, ids: await this.#lookup('en', stems, prefix) };
  }

  async #pinyin(terms: string[], last: boolean): Promise<{ plan: PinyinPlan | null; ids: Ids }> {
    const split = splitPinyin(terms.join(' '), last);
    if (!split) return { plan: null, ids: new Set() };
    let plan: PinyinPlan = { syllables: split.syllables, partial: split.partial };
    let ids = await this.#lookup('py', pinyinTokens(plan), plan.partial);
    // `tuyangbin` is complete pinyin but probably the start of `tuyangbing`.
    if (!ids.size && last && !plan.partial) {
      plan = { ...plan, partial: true };
      ids = await this.#lookup('py', pinyinTokens(plan), true);
    }
    return { plan, ids };
  }

  async #group(g: Group): Promise<{ plan: Plan; scores: Map<number, number> }> {
    const scores = new Map<number, number>();
    const give = (ids: Ids, w: number) => ids.forEach((id) => scores.set(id, Math.max(scores.get(id) ?? 0, w)));
    if (g.kind === 'zh') {
      let ids: Ids | null = null;
      for (const run of g.runs) {
        const found = await this.#lookup('zh', chineseQueryTokens(run));
        ids = ids ? intersect(ids, found) : found;
      }
      give(ids ?? new Set(), WEIGHT.zh);
      return { plan: { kind: 'zh', runs: g.runs, ...(g.phrase ? { phrase: g.phrase } : {}) }, scores };
    }
    if (g.kind === 'num') {
      give(await this.#lookup('zh', chineseQueryTokens(g.text)), WEIGHT.zh);
      give(await this.#lookup('en', [g.text]), WEIGHT.en);
      return { plan: { kind: 'num', text: g.text }, scores };
    }
    const en = await this.#english(g.terms, g.last, g.quoted);
    const py = await this.#pinyin(g.terms, g.last);
    give(py.ids, WEIGHT.py);
    give(en.ids, WEIGHT.en);
    if (scores.size || g.terms.length < 2 || g.quoted) return { plan: { kind: 'latin', en: en.plan, py: py.plan }, scores };
    // `tuyang copper`: neither all English nor all pinyin; each term may be either.
    const terms: { en: EnglishPlan | null; py: PinyinPlan | null }[] = [];
    let ids: Ids | null = null;
    for (const [k, term] of g.terms.entries()) {
      const isLast = g.last && k === g.terms.length - 1;
      const te = await this.#english([term], isLast, false);
      const tp = await this.#pinyin([term], isLast);
      terms.push({ en: te.plan, py: tp.plan });
      const either = new Set([...te.ids, ...tp.ids]);
      ids = ids ? intersect(ids, either) : either;
    }
    give(ids ?? new Set(), WEIGHT.terms);
    return { plan: { kind: 'latin', en: null, py: null, terms }, scores };
  }

  async search(input: string): Promise<SearchResults> {
    const query = parseQuery(input);
    const glossary = matchGlossary(this.meta.glossary, query.text);
    const plans: Plan[] = [];
    let total: Map<number, number> | null = null;
    for (const g of query.groups) {
      const { plan, scores } = await this.#group(g);
      plans.push(plan);
      if (!total) total = scores;
      else {
        const next = new Map<number, number>();
        for (const [id, s] of scores) if (total.has(id)) next.set(id, total.get(id)! + s);
        total = next;
      }
    }
    const byDoc = new Map<number, DocHits>();
    for (const [id, score] of total ?? []) {
      const doc = this.docOf(id);
      const hits = byDoc.get(doc) ?? { doc, ids: [], score: 0 };
      hits.ids.push(id);
      hits.score = Math.max(hits.score, score);
      byDoc.set(doc, hits);
    }
    const docs = [...byDoc.values()].sort((a, b) => b.score - a.score || b.doc - a.doc);
    for (const d of docs) d.ids.sort((a, b) => a - b);
    return { query, plans, docs, rows: total?.size ?? 0, glossary };
  }

  /** The document a record belongs to (records are numbered document by document). */
  docOf(id: number): number {
    return lastAtMost(this.meta.docStarts, id);
  }

  async #text(doc: number): Promise<void> {
    const k = lastAtMost(this.meta.textStarts, doc);
    let p = this.#texts.get(k);
    if (!p) {
      p = (async () => {
        const shard = (await this.#load(shardName('text', k))) as TextShard;
        for (const d of shard.docs) this.#docs.set(d.id, d);
        for (const [id, anchor, zh, en, py] of shard.records) this.#records.set(id, { id, doc: this.docOf(id), anchor, zh, en, py });
      })();
      this.#texts.set(k, p);
      p.catch(() => this.#texts.delete(k));
    }
    return p;
  }

  /** The documents `docs` with their confirmed rows; documents with none are left out. */
  async show(results: SearchResults, docs: DocHits[]): Promise<ShownDoc[]> {
    await Promise.all(docs.map((d) => this.#text(d.doc)));
    const out: ShownDoc[] = [];
    for (const d of docs) {
      const rows = d.ids.map((id) => this.#records.get(id)!).filter(Boolean).map((record) => ({ record, match: matchRecord(record, results.plans) }));
      const ok = rows.filter((r) => r.match.ok);
      if (ok.length) out.push({ info: this.#docs.get(d.doc)!, rows: ok });
    }
    return out;
  }

  /** Every record of one document with what the query marks in it (arriving from a result). */
  async documentMatches(doc: number, input: string): Promise<{ record: SearchRecord; match: RecordMatch }[]> {
    const results = await this.search(input);
    await this.#text(doc);
    const end = this.meta.docStarts[doc + 1] ?? this.meta.records;
    const out: { record: SearchRecord; match: RecordMatch }[] = [];
    for (let id = this.meta.docStarts[doc]!; id < end; id++) {
      const record = this.#records.get(id);
      if (record) out.push({ record, match: matchRecord(record, results.plans) });
    }
    return out;
  }
}

function pinyinTokens(plan: PinyinPlan): string[] {
  return pinyinQueryTokens(plan.syllables);
}

function intersect(a: Ids, b: Ids): Ids {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((x) => large.has(x)));
}

/** Index of the last element ≤ x in an ascending array. */
function lastAtMost(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
