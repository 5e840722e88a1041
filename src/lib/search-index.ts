/**
 * What the build writes and the browser reads: the FlexSearch configuration (the same on both
 * sides, as `export()`/`import()` require) and the shapes of the shard files.
 *
 * Every file is a classic script that hands its data to a global, `__duizhaoSearch.shard(name,
 * data)`, so the browser loads it with a <script> tag: that works over http(s) and from file://,
 * where Chromium blocks fetch() and module scripts.
 */
import { Index } from 'flexsearch';
import type { Field } from './search-encode.ts';

/** The tokens are made by lib/search-encode.ts; FlexSearch only splits them back apart. */
export function splitTokens(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/**
 * `resolution: 1`: one posting list per token, ranking is ours. `fastupdate: false`: no
 * back-references, the index is never updated in place. `tokenize: 'strict'`: tokens as given.
 */
export function createIndex(): Index {
  return new Index({ tokenize: 'strict', resolution: 1, cache: false, fastupdate: false, encode: splitTokens });
}

/** A row (or a document's headline, anchor `''`) as the result list shows it. */
export interface SearchRecord {
  id: number;
  doc: number;
  /** `p5`, `e3` (a row with no Chinese), or `''` for the headline. */
  anchor: string;
  /** Chinese paragraphs of the row. */
  zh: string[];
  /** English paragraphs of the row. */
  en: string[];
  /** Per Chinese paragraph: toneless syllables of its Han characters, `_` for one without. */
  py: string[];
}

export interface SearchDocInfo {
  id: number;
  /** URL path below the base, `1958-09-25/p1/copper-and-aluminum/`. */
  path: string;
  title: string;
  headline: string;
  date: string;
}

export interface GlossaryInfo {
  slug: string;
  term: string;
  gloss: string;
  /** Toneless pinyin, syllables separated by spaces. */
  py: string;
  /** Toned pinyin as the site shows it. */
  reading?: string;
  renderings: string[];
}

/** `meta.js`: what the browser needs before its first lookup. */
export interface SearchMeta {
  version: string;
  shards: Record<Field, number>;
  /** First record id of each document; a document's records are consecutive. */
  docStarts: number[];
  /** First document id of each text shard. */
  textStarts: number[];
  records: number;
  glossary: GlossaryInfo[];
}

/** `zh-3.js`: tokens and their record ids, ascending and delta-coded (`[5, 2, 1]` = 5, 7, 8). */
export type IndexShard = [token: string, deltas: number[]][];

/** `text-2.js`: documents and records, records as `[id, anchor, zh, en, py]`. */
export interface TextShard {
  docs: SearchDocInfo[];
  records: [number, string, string[], string[], string[]][];
}

/** The classic script that registers one shard. JSON is valid JavaScript (ES2019). */
export function shardScript(name: string, data: unknown): string {
  return `self.__duizhaoSearch&&self.__duizhaoSearch.shard(${JSON.stringify(name)},${JSON.stringify(data)});\n`;
}

/** Turns a shard's delta-coded lists back into the entries FlexSearch's `import('map')` takes. */
export function shardEntries(shard: IndexShard): [string, number[][]][] {
  return shard.map(([token, deltas]) => {
    let id = 0;
    return [token, [deltas.map((d) => (id += d))]];
  });
}

export function shardName(field: Field | 'text', k: number): string {
  return `${field}-${k}`;
}
