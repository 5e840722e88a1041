/**
 * The posting lists as the browser holds them: which bucket files and chunks have arrived, how
 * far each token's list reaches, and FlexSearch holding the loaded postings for lookups and
 * intersections. Also the page maps, loaded the same way when the page filter asks.
 *
 * Coverage is counted in documents (newest first, see files.ts): a list loaded from the
 * chunk holding document `lo` up to chunk k is complete for documents [lo, start of chunk k+1).
 * Within the documents every list of a query covers, its results are exact.
 */
import type { Index } from 'flexsearch';
import { bucketKey, bucketOf, type Field } from './encode.ts';
import { bucketName, chunkName, createIndex, decodePostings, pageAt, pageMapName, undelta, type HeadEntry, type SearchMeta } from './files.ts';

export type Loader = (name: string) => Promise<unknown>;

/** One token's posting list, as far as it is loaded. */
export interface List {
  field: Field;
  token: string;
  bucket: number;
  entry: number;
  /** First document of each chunk (chunk 0 from document 0). */
  starts: number[];
  /** Record ids of each loaded chunk. */
  chunks: (number[] | undefined)[];
}

export class Lists {
  readonly meta: SearchMeta;
  #load: Loader;
  #buckets = new Map<string, Promise<Map<string, List>>>();
  #chunks = new Map<string, Promise<void>>();
  #pages = new Map<number, Promise<string>>();
  #pageMaps = new Map<number, string>();
  #index = { zh: createIndex(), py: createIndex(), en: createIndex() } as Record<Field, Index>;

  constructor(load: Loader, meta: SearchMeta) {
    this.#load = load;
    this.meta = meta;
  }

  /** The lists of one bucket file, by token. */
  bucket(field: Field, key: string): Promise<Map<string, List>> {
    const bucket = bucketOf(key, this.meta.depth[field]);
    const name = bucketName(field, bucket);
    let p = this.#buckets.get(name);
    if (!p) {
      p = (this.#load(name) as Promise<HeadEntry[]>).then((entries) => {
        const lists = new Map<string, List>();
        entries.forEach(([token, postings, starts], entry) => {
          const list: List = { field, token, bucket, entry, starts: [0, ...undelta(starts ?? [])], chunks: [decodePostings(postings, this.meta.stride)] };
          lists.set(token, list);
          this.#import(list);
        });
        return lists;
      });
      this.#buckets.set(name, p);
      p.catch(() => this.#buckets.delete(name));
    }
    return p;
  }

  async get(field: Field, token: string): Promise<List | undefined> {
    return (await this.bucket(field, bucketKey(field, token))).get(token);
  }

  /** Lists of the tokens that start with `prefix`, which share its bucket (see bucketKey). */
  async startingWith(field: Field, prefix: string, most: number): Promise<List[]> {
    const lists = await this.bucket(field, bucketKey(field, prefix));
    return [...lists.values()].filter((l) => l.token.startsWith(prefix)).slice(0, most);
  }

  /** First document past what `list` covers from `lo` on (Infinity: the rest is loaded). */
  end(list: List, lo: number): number {
    for (let k = chunkAt(list.starts, lo); k < list.starts.length; k++) if (!list.chunks[k]) return list.starts[k]!;
    return Infinity;
  }

  /** Loads the next chunk `list` is missing from `lo` on. */
  extend(list: List, lo: number): Promise<void> {
    let k = chunkAt(list.starts, lo);
    while (k < list.starts.length && list.chunks[k]) k++;
    if (k >= list.starts.length) return Promise.resolve();
    const name = chunkName(list.field, list.bucket, list.entry, k);
    let p = this.#chunks.get(name);
    if (!p) {
      p = (this.#load(name) as Promise<number[]>).then((postings) => {
        list.chunks[k] = decodePostings(postings, this.meta.stride);
        this.#import(list);
      });
      this.#chunks.set(name, p);
      p.catch(() => this.#chunks.delete(name));
    }
    return p;
  }

  /** Records holding every token, among the loaded postings. */
  search(field: Field, tokens: string[]): number[] {
    return this.#index[field].search(tokens.join(' '), { limit: 1e9 }) as number[];
  }

  /** FlexSearch's `import('map')` replaces a token's list: give it all chunks loaded so far. */
  #import(list: List): void {
    const ids = list.chunks.flatMap((c) => c ?? []);
    this.#index[list.field].import('map', [[list.token, [ids]]] as unknown as string);
  }

  /** First document past the loaded page maps from `lo` on. */
  pagesEnd(lo: number): number {
    const per = this.meta.pageMapDocs;
    let k = Math.floor(lo / per);
    while (this.#pageMaps.has(k)) k++;
    return k * per >= this.meta.docs ? Infinity : Math.max(lo, k * per);
  }

  extendPages(lo: number): Promise<unknown> {
    const k = Math.floor(this.pagesEnd(lo) / this.meta.pageMapDocs);
    if (!Number.isFinite(k)) return Promise.resolve();
    let p = this.#pages.get(k);
    if (!p) {
      p = (this.#load(pageMapName(k)) as Promise<string>).then((map) => (this.#pageMaps.set(k, map), map));
      this.#pages.set(k, p);
      p.catch(() => this.#pages.delete(k));
    }
    return p;
  }

  /** The page of a document whose page map has arrived. */
  pageOf(doc: number): number | undefined {
    const per = this.meta.pageMapDocs;
    const map = this.#pageMaps.get(Math.floor(doc / per));
    return map === undefined ? undefined : pageAt(map, doc % per);
  }
}

/** The chunk holding document `doc`: the last whose start is not after it. */
function chunkAt(starts: number[], doc: number): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1]! <= doc) k++;
  return k;
}
