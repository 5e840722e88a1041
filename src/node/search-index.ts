/**
 * Longer than 250 lines because the two steps share the year-list format they hand each other;
 * the format itself (encode/decode) is in lib/search.
 *
 * Builds the search index at build time, in two steps so that a large archive can be built in
 * parts (scripts/build-parts.ts):
 *
 * 1. `buildYear`: one year's documents become their text files (one per text part, named by the
 *    year and the document's place in it, see lib/search/files.ts) and the year's posting lists,
 *    numbered within the year. Nothing in it depends on another year, so the part that builds a
 *    year writes its text files and hands the merge only its lists (`YearIndex`).
 * 2. `packIndex`: the years' lists, newest year first, become the archive's lists (a year's
 *    documents follow those of the years after it) cut into buckets and chunks
 *    (lib/search/chunks.ts), the page maps and meta.js.
 *
 * `buildSearchIndex` does both over any set of documents (one process, tests, the benchmark).
 */
import { createHash } from 'node:crypto';
import { alignSyllables, chineseTokens, englishIndexTokens, FIELDS, NO_SYLLABLE, pinyinTokens, type Field } from '../lib/search/encode.ts';
import { packField, type ChunkOptions } from '../lib/search/chunks.ts';
import { HAN } from '../lib/han.ts';
import {
  byteLength,
  MAX_STRIDE,
  PART_SLOTS,
  pageChar,
  pageMapName,
  partOf,
  pinyinName,
  shardScript,
  textName,
  type GlossaryInfo,
  type PinyinFile,
  type SearchDocInfo,
  type SearchMeta,
  type SearchRecord,
  type TextFile,
} from '../lib/search/files.ts';

export interface SourceDocument {
  path: string;
  title: string;
  date: string;
  page: number;
  headlineZh: string[];
  rows: { zh: { n: number; text: string }[]; en: { e: number; text: string }[] }[];
}

/**
 * The cap per file and the chunk sizes, chosen with `npm run bench` (the table "How the split was
 * chosen" in bench/results.md, at 3,000 documents): a query loads one bucket per token, so the cap
 * bounds what it downloads; 8 KB files cost little more per query than 4 KB ones with half as many
 * files. A first chunk of 256 postings costs no more per query than one of 64 (a bucket is
 * about half a cap either way), reaches further back, and leaves fewer small chunk files.
 */
export const DEFAULT_CHUNKS: ChunkOptions = { cap: 8 * 1024, head: 256, growth: 4 };

/** Toneless syllable per code point of `text`, null where there is none (build/pinyin/reading.ts). */
export type PinyinReader = (text: string) => (string | null)[];

export interface BuildOptions extends Partial<ChunkOptions> {
  /** Bytes of a text part. @default PART_BYTES */
  partBytes?: number;
  pinyin: PinyinReader;
}

/**
 * What one year contributes to the index besides its text files: small enough to hand from a part
 * to the merge, and all the merge needs of it.
 */
export interface YearIndex {
  year: number;
  /** The year's documents in search order (newest first): what the page maps and the filters need. */
  docs: { path: string; page: number }[];
  /** Slots its largest document uses (its last slot + 1). */
  slots: number;
  /** Per field, each token with its postings in the year (`YearLists`). */
  lists: Record<Field, YearLists>;
  /** A hash of the year's text files, which the index's version covers too. */
  textHash: string;
}

/**
 * A year's posting lists for one field, compact: the tokens, and for token k the postings
 * `postings[offsets[k]] … postings[offsets[k + 1] - 1]`, pairs of the gap to the previous posting's
 * document (the first from document 0 of the year) and the slot, as lib/search/files.ts encodes
 * chunks. Typed arrays: a year has millions of postings, which the merge reads for every year.
 */
export interface YearLists {
  tokens: string[];
  offsets: Uint32Array;
  postings: Int32Array;
}

function compactLists(lists: Map<string, number[]>): YearLists {
  const tokens = [...lists.keys()];
  const offsets = new Uint32Array(tokens.length + 1);
  let n = 0;
  tokens.forEach((t, k) => {
    offsets[k] = n;
    n += lists.get(t)!.length;
  });
  offsets[tokens.length] = n;
  const postings = new Int32Array(n);
  tokens.forEach((t, k) => postings.set(lists.get(t)!, offsets[k]));
  return { tokens, offsets, postings };
}

/**
 * A YearIndex as bytes (what a part hands the merge): a length-prefixed JSON head, then each
 * field's offsets and postings.
 */
export function encodeYearIndex(index: YearIndex): Uint8Array<ArrayBuffer> {
  const head = new TextEncoder().encode(JSON.stringify({ ...index, lists: Object.fromEntries(FIELDS.map((f) => [f, index.lists[f].tokens])) }));
  const arrays = FIELDS.flatMap((f) => [index.lists[f].offsets, index.lists[f].postings]);
  const pad = (n: number) => (n + 3) & ~3;
  const out = new Uint8Array(4 + pad(head.length) + arrays.reduce((n, a) => n + 4 + a.byteLength, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, head.length, true);
  out.set(head, 4);
  let at = 4 + pad(head.length);
  for (const a of arrays) {
    view.setUint32(at, a.length, true);
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at + 4);
    at += 4 + a.byteLength;
  }
  return out;
}

export function decodeYearIndex(bytes: Uint8Array): YearIndex {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as Omit<YearIndex, 'lists'> & { lists: Record<Field, string[]> };
  let at = 4 + ((headLength + 3) & ~3);
  // Copied out, so that each array is aligned whatever the buffer it came in.
  const next = <T extends Uint32Array | Int32Array>(make: (n: number) => T): T => {
    const n = view.getUint32(at, true);
    const a = make(n);
    new Uint8Array(a.buffer).set(bytes.subarray(at + 4, at + 4 + n * 4));
    at += 4 + n * 4;
    return a;
  };
  const lists = {} as Record<Field, YearLists>;
  for (const f of FIELDS) lists[f] = { tokens: head.lists[f], offsets: next((n) => new Uint32Array(n)), postings: next((n) => new Int32Array(n)) };
  return { ...head, lists };
}

export interface YearBuild {
  index: YearIndex;
  /** Its text files: name (`text/1958/0/12-0.js`) → content. */
  texts: Map<string, string>;
  /** Its records, `doc` and `id` numbered within the year (`doc * index.slots`-free: `id` is the slot). */
  records: (SearchRecord & { slot: number })[];
}

export interface BuiltIndex {
  /** File name (`zh/3f.js`) → content, the text files included. */
  files: Map<string, string>;
  meta: SearchMeta;
  /** URL path → document number in the index. */
  docIds: Map<string, number>;
  /** Every record, in id order. */
  records: SearchRecord[];
}

/**
 * Newest first: by date descending, then page and path as the reader reads a day's paper. Paths
 * compare by code unit, so the order is the same on every machine (lib/archive/order.ts).
 */
export function searchOrder<T extends { date: string; page: number; path: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.page - b.page || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
}

/** Per Chinese paragraph, the record's pinyin string: one syllable per Han character. */
function recordPinyin(text: string, pinyin: PinyinReader): string {
  const per = pinyin(text);
  return Array.from(text)
    .map((ch, k) => (HAN.test(ch) ? (per[k] ?? NO_SYLLABLE) : null))
    .filter((s) => s !== null)
    .join(' ');
}

/**
 * A text part closes before it would pass this many bytes (its file, or the file of its pinyin)
 * or PART_SLOTS rows: a result shows a few rows of a document, and loads the parts that hold
 * them, not all its text. Only a single row longer than that makes a larger part.
 */
export const PART_BYTES = 2048;

function docInfo(doc: SourceDocument, parts: number): SearchDocInfo {
  return { path: doc.path, title: doc.title, headline: doc.headlineZh.join(' '), date: doc.date, page: doc.page, parts };
}

/** The records of one document, each with its slot (`part * PART_SLOTS + place in the part`). */
function documentRecords(doc: SourceDocument, name: (part: number) => string, pinyin: PinyinReader, partBytes: number) {
  const head = doc.headlineZh.filter(Boolean);
  const rows = [{ anchor: '', zh: head, en: [doc.title] }];
  for (const row of doc.rows)
    rows.push({ anchor: row.zh[0] ? `p${row.zh[0].n}` : `e${row.en[0]!.e}`, zh: row.zh.map((z) => z.text), en: row.en.map((e) => e.text) });
  // What a part's files hold besides the records (the largest part number a document could have).
  const start = byteLength(shardScript(name(9999), { doc: docInfo(doc, 9999), records: [] }));
  const pyStart = byteLength(shardScript(`${name(9999)}-py`, []));
  let [part, k, text, py] = [0, 0, start, pyStart];
  return rows.map((r) => {
    const rec = { ...r, py: r.zh.map((t) => recordPinyin(t, pinyin)) };
    const size = byteLength(JSON.stringify([0, r.anchor, r.zh, r.en])) + 1;
    const pySize = byteLength(JSON.stringify(rec.py)) + 1;
    if (k && (k === PART_SLOTS || text + size > partBytes || py + pySize > partBytes)) [part, k, text, py] = [part + 1, 0, start, pyStart];
    text += size;
    py += pySize;
    return { ...rec, slot: part * PART_SLOTS + k++ };
  });
}

/** Tokens of one record for one field. */
export function recordTokens(record: Pick<SearchRecord, 'zh' | 'en' | 'py'>, field: Field): string[] {
  if (field === 'zh') return record.zh.flatMap(chineseTokens);
  if (field === 'en') return record.en.flatMap(englishIndexTokens);
  return record.zh.flatMap((t, k) => pinyinTokens(alignSyllables(t, record.py[k] ?? '')));
}

/**
 * One year of documents (all of one year, in any order): its text files, its posting lists and
 * its records, numbered within the year.
 */
export function buildYear(year: number, input: SourceDocument[], pinyin: PinyinReader, partBytes = PART_BYTES): YearBuild {
  const docs = searchOrder(input);
  const texts = new Map<string, string>();
  const records: YearBuild['records'] = [];
  const lists = Object.fromEntries(FIELDS.map((f) => [f, new Map<string, number[]>()])) as Record<Field, Map<string, number[]>>;
  /** Per field and token, the last document a posting was added for (for the gaps). */
  const last = Object.fromEntries(FIELDS.map((f) => [f, new Map<string, number>()])) as Record<Field, Map<string, number>>;
  let slots = 1;
  docs.forEach((doc, d) => {
    const recs = documentRecords(doc, (part) => textName(year, d, part), pinyin, partBytes);
    slots = Math.max(slots, recs[recs.length - 1]!.slot + 1);
    for (const rec of recs) {
      records.push({ id: rec.slot, doc: d, ...rec });
      for (const field of FIELDS) {
        for (const token of new Set(recordTokens(rec, field))) {
          const list = lists[field].get(token);
          const prev = last[field].get(token) ?? 0;
          if (list) list.push(d - prev, rec.slot);
          else lists[field].set(token, [d - prev, rec.slot]);
          last[field].set(token, d);
        }
      }
    }
    const parts: (typeof recs)[] = [];
    for (const rec of recs) (parts[partOf(rec.slot)] ??= []).push(rec);
    const info = docInfo(doc, parts.length);
    parts.forEach((part, k) => {
      const name = textName(year, d, k);
      texts.set(`${name}.js`, shardScript(name, { doc: info, records: part.map((r) => [r.slot, r.anchor, r.zh, r.en]) } satisfies TextFile));
      texts.set(`${pinyinName(year, d, k)}.js`, shardScript(pinyinName(year, d, k), part.map((r) => r.py) satisfies PinyinFile));
    });
  });
  if (slots > MAX_STRIDE) throw new Error(`A document of ${year} has too many rows for the search index (${slots} slots, at most ${MAX_STRIDE}).`);
  const hash = createHash('sha1');
  for (const [name, content] of texts) hash.update(name).update(content);
  return {
    index: {
      year,
      docs: docs.map((d) => ({ path: d.path, page: d.page })),
      slots,
      lists: Object.fromEntries(FIELDS.map((f) => [f, compactLists(lists[f])])) as YearIndex['lists'],
      textHash: hash.digest('hex'),
    },
    texts,
    records,
  };
}

/** The years of some documents, each with its documents, newest year first. */
export function byYear<T extends { date: string }>(docs: T[]): [number, T[]][] {
  const years = new Map<number, T[]>();
  for (const d of docs) {
    const y = Number(d.date.slice(0, 4));
    const list = years.get(y);
    if (list) list.push(d);
    else years.set(y, [d]);
  }
  return [...years].sort((a, b) => b[0] - a[0]);
}

/** Page maps: one character per document (`0` + page), `per` documents a file. */
function pageMaps(pages: number[], per: number): string[] {
  const maps: string[] = [];
  for (let k = 0; k < pages.length; k += per)
    maps.push(
      pages
        .slice(k, k + per)
        .map(pageChar)
        .join(''),
    );
  return maps;
}

export interface PackedIndex {
  /** Buckets, chunks, page maps and meta.js: name → content. */
  files: Map<string, string>;
  meta: SearchMeta;
}

/**
 * The archive's index from its years (in any order; each year once): the documents of a year come
 * after those of every later year, so a year's document `d` is document `start + d` of the archive
 * and the lists of the years, newest first, are the archive's lists in order.
 */
export function packIndex(input: YearIndex[], glossary: GlossaryInfo[], options: Partial<ChunkOptions> = {}): PackedIndex {
  const chunks: ChunkOptions = {
    cap: options.cap ?? DEFAULT_CHUNKS.cap,
    head: options.head ?? DEFAULT_CHUNKS.head,
    growth: options.growth ?? DEFAULT_CHUNKS.growth,
  };
  const years = [...input].sort((a, b) => b.year - a.year);
  const most = Math.max(1, ...years.map((y) => y.slots));
  const stride = 2 ** Math.ceil(Math.log2(most));
  const starts: [number, number][] = [];
  let docs = 0;
  for (const y of years) {
    starts.push([y.year, docs]);
    docs += y.docs.length;
  }
  const files = new Map<string, string>();
  const put = (name: string, data: unknown) => files.set(`${name}.js`, shardScript(name, data));

  const depth = {} as Record<Field, number>;
  for (const field of FIELDS) {
    // Each token's list over the archive in one typed array (of doubles: ids pass 2^31 in a large
    // archive), sized first, so that millions of postings make no garbage.
    const sizes = new Map<string, number>();
    for (const y of years) {
      const { tokens, offsets } = y.lists[field];
      tokens.forEach((t, k) => sizes.set(t, (sizes.get(t) ?? 0) + (offsets[k + 1]! - offsets[k]!) / 2));
    }
    const lists = new Map<string, Float64Array>();
    const filled = new Map<string, number>();
    for (const [t, n] of sizes) lists.set(t, new Float64Array(n));
    years.forEach((y, k) => {
      const offset = starts[k]![1];
      const { tokens, offsets, postings } = y.lists[field];
      tokens.forEach((t, j) => {
        const list = lists.get(t)!;
        let at = filled.get(t) ?? 0;
        for (let i = offsets[j]!, doc = offset; i < offsets[j + 1]!; i += 2) list[at++] = (doc += postings[i]!) * stride + postings[i + 1]!;
        filled.set(t, at);
      });
    });
    const packed = packField(field, lists, stride, chunks);
    depth[field] = packed.depth;
    for (const [name, data] of packed.files) put(name, data);
  }

  // Up to 2 bytes a document (pages past 79), so a map stays within the cap.
  const pageMapDocs = Math.max(1, Math.floor((chunks.cap - 100) / 2));
  const pages = years.flatMap((y) => y.docs.map((d) => d.page));
  pageMaps(pages, pageMapDocs).forEach((map, k) => put(pageMapName(k), map));

  const hash = createHash('sha1');
  for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) hash.update(name).update(content);
  for (const y of years) hash.update(`${y.year}:${y.textHash}`);
  hash.update(JSON.stringify(glossary));
  const meta: SearchMeta = {
    version: hash.digest('hex').slice(0, 10),
    stride,
    docs,
    depth,
    years: starts,
    pageMapDocs,
    pages: [...new Set(pages)].sort((a, b) => a - b),
    glossary,
  };
  put('meta', meta);
  return { files, meta };
}

/** The whole index of some documents in one step: every file, text files included. */
export function buildSearchIndex(input: SourceDocument[], glossary: GlossaryInfo[], options: BuildOptions): BuiltIndex {
  const partBytes = Math.min(options.partBytes ?? PART_BYTES, options.cap ?? DEFAULT_CHUNKS.cap);
  const years = byYear(input).map(([year, docs]) => buildYear(year, docs, options.pinyin, partBytes));
  const packed = packIndex(
    years.map((y) => y.index),
    glossary,
    options,
  );
  const files = new Map(packed.files);
  const docIds = new Map<string, number>();
  const records: SearchRecord[] = [];
  let start = 0;
  for (const y of years) {
    for (const [name, content] of y.texts) files.set(name, content);
    y.index.docs.forEach((d, k) => docIds.set(d.path, start + k));
    for (const { slot, ...r } of y.records) records.push({ ...r, doc: start + r.doc, id: (start + r.doc) * packed.meta.stride + slot });
    start += y.index.docs.length;
  }
  return { files, meta: packed.meta, docIds, records };
}

/** Bytes of each file as written, for tests and the benchmark. */
export function fileSizes(built: { files: Map<string, string> }): Map<string, number> {
  return new Map([...built.files].map(([name, content]) => [name, byteLength(content)]));
}
