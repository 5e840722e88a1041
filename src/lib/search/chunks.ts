/**
 * Build time: cuts each token's posting list into chunks, newest first, and packs the first
 * chunks into bucket files that never exceed a size cap (see files.ts for the layout).
 *
 * Why: what a query downloads before its first results must not grow with the archive. A token's
 * first chunk is short and holds its newest postings, enough for a first page; the rest of a long
 * list follows in chunks that grow geometrically, loaded when "More results" asks. The number of
 * buckets per field is a power of two that follows from the size of the first chunks (about half
 * a cap each), not a fixed count.
 */
import { bucketKey, bucketOf, type Field } from './encode.ts';
import { bucketName, byteLength, chunkName, docOf, encodePostings, shardScript, type HeadEntry } from './files.ts';

export interface ChunkOptions {
  /** Bytes a file may hold, as written. */
  cap: number;
  /** Postings in a token's first chunk (fewer where a pinyin group would not fit the cap). */
  head: number;
  /** Each further chunk holds this many times the postings of the one before, up to the cap. */
  growth: number;
}

/** Room for the script around the data: `self.__duizhaoSearch&&…shard("py/zzzzz/99-99",…);`. */
const WRAPPER = 80;

/** Bytes a posting adds to an encoded chunk: its gap and its row, each with a comma. */
function postingBytes(gap: number, row: number): number {
  return String(gap).length + String(row).length + 2;
}

/** Digits of a non-negative integer, as JSON writes it. */
function digits(n: number): number {
  let d = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    d++;
  }
  return d;
}

/**
 * One posting list (ids ascending) as chunks: the first of `head` postings, then growing by
 * `growth`, each ending at a document boundary and within `maxBytes`. A short rest (a quarter of
 * a chunk) joins the chunk before it instead of making a file of its own.
 *
 * Linear in the list and allocation-light: the archive's longest lists have millions of postings,
 * and packing a field cuts each list again whenever its bucket overflows.
 */
/** Record ids, ascending: an array, or a typed array the merge fills (build/search-index.ts). */
export type Ids = number[] | Float64Array;

/** Ids [a, b) of a list: a view of a typed array, a copy of an array. */
const range = <T extends Ids>(ids: T, a: number, b: number): T => (ids instanceof Float64Array ? ids.subarray(a, b) : ids.slice(a, b)) as T;

export function splitList<T extends Ids>(ids: T, stride: number, head: number, growth: number, maxBytes: number): T[] {
  // Runs of postings in one document: a chunk takes all of a document's postings or none.
  const starts: number[] = [];
  const docs: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const doc = Math.floor(ids[i]! / stride);
    if (docs[docs.length - 1] !== doc) {
      starts.push(i);
      docs.push(doc);
    }
  }
  const runs = docs.length;
  starts.push(ids.length);
  // A run's bytes but for its first gap (later postings of a document have gap 0: one digit).
  const inner = new Float64Array(runs);
  for (let r = 0; r < runs; r++) {
    let n = starts[r + 1]! - starts[r]! - 1;
    for (let i = starts[r]!; i < starts[r + 1]!; i++) n += postingBytes(0, ids[i]! - docs[r]! * stride) - 1;
    inner[r] = n;
  }
  // From run r to the end: postings, and bytes with the gaps of the runs after r.
  const restCount = new Float64Array(runs + 1);
  const restBytes = new Float64Array(runs + 1);
  for (let r = runs - 1; r >= 0; r--) {
    restCount[r] = restCount[r + 1]! + starts[r + 1]! - starts[r]!;
    restBytes[r] = restBytes[r + 1]! + inner[r]! + (r + 1 < runs ? digits(docs[r + 1]! - docs[r]!) : 0);
  }
  const runBytes = (r: number, prev: number) => digits(docs[r]! - prev) + inner[r]!;
  const chunks: T[] = [];
  let target = head;
  let r = 0;
  while (r < runs) {
    const first = r;
    // Each chunk's first gap counts from document 0.
    let bytes = 10 + runBytes(r, 0);
    let prev = docs[r++]!;
    while (r < runs && starts[r + 1]! - starts[first]! <= target && bytes + runBytes(r, prev) <= maxBytes) {
      bytes += runBytes(r, prev);
      prev = docs[r++]!;
    }
    const rest = restCount[r]!;
    // The rest: run r's gap from where this chunk stops, then what restBytes holds.
    if (rest && rest <= target / 4 && bytes + digits(docs[r]! - prev) + restBytes[r]! <= maxBytes) r = runs;
    chunks.push(range(ids, starts[first]!, starts[r]!));
    target = Math.min(target * growth, 1e9);
  }
  return chunks;
}

interface Entry {
  token: string;
  chunks: Ids[];
  head: HeadEntry;
  bytes: number;
}

function entryOf(token: string, chunks: Ids[], stride: number): Entry {
  const head: HeadEntry = [token, encodePostings(chunks[0] ?? [], stride)];
  if (chunks.length > 1) {
    let prev = 0;
    head.push(chunks.slice(1).map((c) => -prev + (prev = docOf(c[0]!, stride))));
  }
  return { token, chunks, head, bytes: byteLength(JSON.stringify(head)) + 1 };
}

interface Key {
  key: string;
  tokens: string[];
  head: number;
  entries: Entry[];
  bytes: number;
}

/** Buckets are made about half full on average; the rest is room for unlucky ones. */
const FILL = 0.5;

/**
 * Every file of one field: its buckets and their continuation chunks, and the depth used. The
 * depth follows from the total size of the first chunks; a bucket that still overflows has the
 * first chunks of its largest keys shortened until it fits, so no file passes the cap.
 */
export function packField(field: Field, lists: Map<string, Ids>, stride: number, options: ChunkOptions): { depth: number; files: [string, unknown][] } {
  const room = options.cap - WRAPPER - 2;
  const groups = new Map<string, string[]>();
  for (const token of lists.keys()) {
    const key = bucketKey(field, token);
    const group = groups.get(key);
    if (group) group.push(token);
    else groups.set(key, [token]);
  }
  const cut = (k: Key, head: number) => {
    k.head = head;
    k.entries = k.tokens.map((t) => entryOf(t, splitList(lists.get(t)!, stride, head, options.growth, room), stride));
    k.bytes = k.entries.reduce((n, e) => n + e.bytes, 0);
  };
  const keys = [...groups].map(([key, tokens]) => {
    const k: Key = { key, tokens, head: 0, entries: [], bytes: 0 };
    for (let head = options.head; ; head >>= 1) {
      cut(k, head);
      if (k.bytes <= room || head <= 1) return k;
    }
  });
  const total = keys.reduce((n, k) => n + k.bytes, 0);
  let depth = Math.max(0, Math.ceil(Math.log2(total / (room * FILL))));
  let buckets = new Map<number, Key[]>();
  for (; ; depth++) {
    if (depth > 24) throw new Error(`The ${field} index does not fit files of ${options.cap} bytes: raise the cap.`);
    buckets = new Map();
    for (const k of keys) buckets.set(bucketOf(k.key, depth), [...(buckets.get(bucketOf(k.key, depth)) ?? []), k]);
    let fits = true;
    for (const ks of buckets.values()) {
      let bytes = ks.reduce((n, k) => n + k.bytes, 0);
      while (bytes > room) {
        const largest = ks.filter((k) => k.head > 1).sort((a, b) => b.bytes - a.bytes)[0];
        if (!largest) break;
        bytes -= largest.bytes;
        cut(largest, largest.head >> 1);
        bytes += largest.bytes;
      }
      fits &&= bytes <= room;
    }
    if (fits) break;
  }
  const files: [string, unknown][] = [];
  // Every bucket is written, empty ones too: the browser cannot tell a missing file from an error.
  for (let b = 0; b < 2 ** depth; b++) {
    const entries = (buckets.get(b) ?? []).flatMap((k) => k.entries).sort((x, y) => (x.token < y.token ? -1 : 1));
    files.push([bucketName(field, b), entries.map((e) => e.head)]);
    entries.forEach((e, i) => e.chunks.slice(1).forEach((c, k) => files.push([chunkName(field, b, i, k + 1), encodePostings(c, stride)])));
  }
  return { depth, files };
}

/** Whether a file fits the cap (for tests and the build's own check). */
export function fileBytes(name: string, data: unknown): number {
  return byteLength(shardScript(name, data));
}
