/**
 * What the build writes and the browser reads: the file names, the shapes of the files and the
 * FlexSearch configuration (the same on both sides).
 *
 * Every file is a classic script that hands its data to a global, `__duizhaoSearch.shard(name,
 * data)`, so the browser loads it with a <script> tag: that works over http(s) and from file://,
 * where Chromium blocks fetch() and module scripts.
 *
 * Layout below `search-index/` (numbers in base 36 where they name a bucket):
 *
 *   meta.js            SearchMeta: sizes, year boundaries, glossary; nothing per document
 *   zh/1f.js           a bucket: the first chunk of every token whose key hashes to 1f
 *   zh/1f/3-1.js       the next chunk of the 4th token of bucket 1f (then 3-2, 3-3 …)
 *   text/1958/2/1234-0.js  one part of the rows of the year's document 1234 (folders of 500)
 *   text/1958/2/1234-0-py.js  their pinyin, loaded only for a query with pinyin in it
 *   pages/0.js         the page (版) of each of `pageMapDocs` documents, for the page filter
 */
import { Index } from 'flexsearch';
import type { Field } from './encode.ts';

/** The tokens are made by lib/search/encode.ts; FlexSearch only splits them back apart. */
export function splitTokens(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/**
 * `resolution: 1`: one posting list per token, ranking is ours. `fastupdate: false`: no
 * back-references. `tokenize: 'strict'`: tokens as given. Lists arrive through `import('map')`.
 */
export function createIndex(): Index {
  return new Index({ tokenize: 'strict', resolution: 1, cache: false, fastupdate: false, encode: splitTokens });
}

/**
 * Documents are numbered newest first (by date, then page and path within a day), and a record's
 * id is `doc * stride + slot`. A document's rows are cut into text parts of at most
 * PART_SLOTS rows, and a row's slot is `part * PART_SLOTS + its place in the part` (slot 0 is the
 * headline). So ascending ids are newest first, the document and the text file of a record need
 * no table, and a year is a range of ids.
 */
export const PART_SLOTS = 8;

export function docOf(id: number, stride: number): number {
  return Math.floor(id / stride);
}

export function partOf(slot: number): number {
  return Math.floor(slot / PART_SLOTS);
}

/** A row (or a document's headline, anchor `''`) as the result list shows it. */
export interface SearchRecord {
  /** `doc * stride + slot`. */
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
  /** URL path below the base, `1958-09-25/p1/copper-and-aluminum/`. */
  path: string;
  title: string;
  headline: string;
  date: string;
  page: number;
  /** Text parts of the document. */
  parts: number;
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

/** `meta.js`: what the browser needs before its first lookup. Its size does not grow with the archive's document count. */
export interface SearchMeta {
  version: string;
  /** Record ids are `doc * stride + slot`. */
  stride: number;
  docs: number;
  /** Buckets per field are 2^depth. */
  depth: Record<Field, number>;
  /** `[year, first document of that year]`, newest first. */
  years: [number, number][];
  /** Documents per page-map file. */
  pageMapDocs: number;
  /** Page numbers that occur, ascending. */
  pages: number[];
  glossary: GlossaryInfo[];
}

/**
 * A chunk of a posting list, as pairs: the gap to the previous posting's document (the first from
 * document 0; 0 = the same document), then the slot. Pairs of small numbers are smaller, gzipped,
 * than ids would be (bench/results.md), and do not depend on the stride.
 */
export type Postings = number[];

/**
 * An entry of a bucket file: the token, its first chunk and, when the list goes on, the first
 * document of each further chunk (gaps, the first from document 0).
 */
export type HeadEntry = [token: string, postings: Postings, starts?: number[]];

/** `text/…/N-k.js`: one part of a document, its records as `[slot, anchor, zh, en]`. */
export interface TextFile {
  doc: SearchDocInfo;
  records: [number, string, string[], string[]][];
}

/** `text/…/N-k-py.js`: the `py` of each record of the part, in the same order. */
export type PinyinFile = string[][];

export function encodePostings(ids: ArrayLike<number>, stride: number): Postings {
  const out: Postings = [];
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const doc = docOf(id, stride);
    out.push(doc - prev, id - doc * stride);
    prev = doc;
  }
  return out;
}

export function decodePostings(postings: Postings, stride: number): number[] {
  const ids: number[] = [];
  for (let k = 0, doc = 0; k < postings.length; k += 2) ids.push((doc += postings[k]!) * stride + postings[k + 1]!);
  return ids;
}

/** Gaps back to absolute values: `[5, 2, 1]` → 5, 7, 8. */
export function undelta(gaps: number[]): number[] {
  let at = 0;
  return gaps.map((g) => (at += g));
}

/** Ids stay exact integers (2^53) for any archive of fewer than 2^33 documents. */
export const MAX_STRIDE = 0x100000;

/** A page map is a string, one character per document: `0` + its page. */
export const pageChar = (page: number): string => String.fromCharCode(48 + Math.max(0, page));
export const pageAt = (map: string, k: number): number => map.charCodeAt(k) - 48;

export const bucketName = (field: Field, bucket: number): string => `${field}/${bucket.toString(36)}`;
export const chunkName = (field: Field, bucket: number, entry: number, chunk: number): string => `${field}/${bucket.toString(36)}/${entry}-${chunk}`;
/**
 * Text files are named by the year and the document's place in it, not by its number in the
 * archive, so that they depend on their year alone: the part of a build in parts that builds a
 * year writes them (build/search-index.ts). Folders of 500 documents keep any folder small enough
 * for a USB stick's file system.
 */
export const textName = (year: number, doc: number, part: number): string => `text/${year}/${Math.floor(doc / 500)}/${doc}-${part}`;
export const pinyinName = (year: number, doc: number, part: number): string => `${textName(year, doc, part)}-py`;

/** The year of document `doc` of the archive and its place in that year, from meta's `years`. */
export function locate(years: SearchMeta['years'], doc: number): { year: number; doc: number } {
  let at = years[0] ?? [0, 0];
  for (const y of years) if (y[1] <= doc) at = y;
  return { year: at[0], doc: doc - at[1] };
}
export const pageMapName = (k: number): string => `pages/${k}`;

/** The classic script that registers one file. JSON is valid JavaScript (ES2019). */
export function shardScript(name: string, data: unknown): string {
  return `self.__duizhaoSearch&&self.__duizhaoSearch.shard(${JSON.stringify(name)},${JSON.stringify(data)});\n`;
}

/** Bytes of a file as written (UTF-8). */
export function byteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
