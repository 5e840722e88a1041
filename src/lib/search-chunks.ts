/**
 * Build time: cuts each token's posting list into chunks, newest first, and packs the first
 * chunks into bucket files that never exceed a size cap (see search-index.ts for the layout).
 *
 * Why: what a query downloads before its first results must not grow with the archive. A token's
 * first chunk is short and holds its newest postings, enough for a first page; the rest of a long
 * list follows in chunks that grow geometrically, loaded when "More results" asks. The number of
 * buckets per field is a power of two that follows from the size of the first chunks (about half
 * a cap each), not a fixed count.
 */
import { bucketKey, bucketOf, type Field } from './search-encode.ts';
import { bucketName, byteLength, chunkName, docOf, encodePostings, shardScript, type HeadEntry } from './search-index.ts';

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

/**
 * One posting list (ids ascending) as chunks: the first of `head` postings, then growing by
 * `growth`, each ending at a document boundary and within `maxBytes`. A short rest (a quarter of
 * a chunk) joins the chunk before it instead of making a file of its own.
 */
export function splitList(ids: number[], stride: number, head: number, growth: number, maxBytes: number): number[][] {
  // Runs of postings in one document: a chunk takes all of a document's postings or none.
  const runs: { doc: number; ids: number[] }[] = [];
  for (const id of ids) {
    const doc = docOf(id, stride);
    if (runs[runs.length - 1]?.doc === doc) runs[runs.length - 1]!.ids.push(id);
    else runs.push({ doc, ids: [id] });
  }
  const runBytes = (run: { doc: number; ids: number[] }, prev: number) =>
    run.ids.reduce((n, id, j) => n + postingBytes(j ? 0 : run.doc - prev, id - run.doc * stride), 0);
  const chunks: number[][] = [];
  let target = head;
  let r = 0;
  while (r < runs.length) {
    const chunk: number[] = [];
    let bytes = 10;
    let prev = 0;
    const take = () => {
      bytes += runBytes(runs[r]!, prev);
      prev = runs[r]!.doc;
      chunk.push(...runs[r++]!.ids);
    };
    take();
    while (r < runs.length && chunk.length + runs[r]!.ids.length <= target && bytes + runBytes(runs[r]!, prev) <= maxBytes) take();
    const rest = runs.slice(r).reduce((n, run) => n + run.ids.length, 0);
    if (rest && rest <= target / 4) {
      let more = 0;
      for (let j = r, p = prev; j < runs.length; p = runs[j++]!.doc) more += runBytes(runs[j]!, p);
      if (bytes + more <= maxBytes) while (r < runs.length) take();
    }
    chunks.push(chunk);
    target = Math.min(target * growth, 1e9);
  }
  return chunks;
}

interface Entry {
  token: string;
  chunks: number[][];
  head: HeadEntry;
  bytes: number;
}

function entryOf(token: string, chunks: number[][], stride: number): Entry {
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
export function packField(field: Field, lists: Map<string, number[]>, stride: number, options: ChunkOptions): { depth: number; files: [string, unknown][] } {
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
