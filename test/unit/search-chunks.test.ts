import { describe, expect, it } from 'vitest';
import { fileBytes, packField, splitList } from '../../src/lib/search/chunks.ts';
import { bucketKey, bucketOf } from '../../src/lib/search/encode.ts';
import { decodePostings, docOf, encodePostings, type HeadEntry } from '../../src/lib/search/files.ts';

const STRIDE = 16;
/** Ids of `docs` documents, `rows` rows each in every `every`-th document. */
const ids = (docs: number, every = 1, rows = 1) =>
  Array.from({ length: docs }, (_, d) => d)
    .filter((d) => d % every === 0)
    .flatMap((d) => Array.from({ length: rows }, (_, r) => d * STRIDE + r + 1));

describe('posting chunks', () => {
  it('round-trips record ids through document gaps and slots', () => {
    const list = [3, 5, 16 * 7 + 2, 16 * 7 + 9, 16 * 1000];
    expect(encodePostings(list, STRIDE)).toEqual([0, 3, 0, 5, 7, 2, 0, 9, 993, 0]);
    expect(decodePostings(encodePostings(list, STRIDE), STRIDE)).toEqual(list);
  });

  it('cuts a list into a first chunk of `head` postings, then chunks growing by `growth`', () => {
    const chunks = splitList(ids(1000), STRIDE, 10, 3, 1e6);
    expect(chunks.map((c) => c.length).slice(0, 4)).toEqual([10, 30, 90, 270]);
    expect(chunks.flat()).toEqual(ids(1000));
  });

  it('orders the chunks newest first: each holds later ids, and so older documents, than the one before', () => {
    const chunks = splitList(ids(5000, 3, 2), STRIDE, 8, 2, 2000);
    for (let k = 1; k < chunks.length; k++) expect(docOf(chunks[k]![0]!, STRIDE)).toBeGreaterThan(docOf(chunks[k - 1]!.at(-1)!, STRIDE));
  });

  it("keeps a document's postings in one chunk", () => {
    const chunks = splitList(ids(100, 1, 3), STRIDE, 4, 2, 1e6);
    for (const c of chunks) expect(new Set(c.map((id) => docOf(id, STRIDE))).size * 3).toBe(c.length);
  });

  it('closes a chunk before it passes the bytes allowed', () => {
    for (const c of splitList(ids(20_000, 7), STRIDE, 50, 4, 500)) expect(JSON.stringify(encodePostings(c, STRIDE)).length).toBeLessThanOrEqual(500);
  });

  it('lets a short rest join the chunk before it instead of making a file of its own', () => {
    expect(splitList(ids(11), STRIDE, 10, 2, 1e6).map((c) => c.length)).toEqual([11]);
    expect(splitList(ids(14), STRIDE, 10, 2, 1e6).map((c) => c.length)).toEqual([10, 4]);
  });
});

describe('bucket files', () => {
  // A field of 3,000 tokens, a few of them long.
  const lists = new Map(Array.from({ length: 3000 }, (_, k) => [`t${k}`, ids(k % 500 === 0 ? 20_000 : 40, 1 + (k % 13))] as [string, number[]]));
  const cap = 4096;
  const packed = packField('zh', lists, STRIDE, { cap, head: 32, growth: 4 });
  const files = new Map(packed.files);

  it('never makes a file larger than the cap', () => {
    expect(packed.files.filter(([name, data]) => fileBytes(name, data) > cap)).toEqual([]);
  });

  it('makes as many buckets as the size needs, each file at least a quarter full on average', () => {
    const buckets = packed.files.filter(([name]) => /^zh\/\w+$/.test(name));
    expect(buckets).toHaveLength(2 ** packed.depth);
    const average = buckets.reduce((n, [name, data]) => n + fileBytes(name, data), 0) / buckets.length;
    expect(average).toBeGreaterThan(cap / 4);
  });

  it('puts each token in the bucket its key hashes to, and its rest in chunk files named after it', () => {
    for (const token of ['t0', 't1', 't500', 't2999']) {
      const bucket = bucketOf(bucketKey('zh', token), packed.depth);
      const entries = files.get(`zh/${bucket.toString(36)}`) as HeadEntry[];
      const k = entries.findIndex(([t]) => t === token);
      const [, head, starts] = entries[k]!;
      const chunks = [head, ...(starts ?? []).map((_, c) => files.get(`zh/${bucket.toString(36)}/${k}-${c + 1}`) as number[])];
      expect(
        chunks.flatMap((c) => decodePostings(c, STRIDE)),
        token,
      ).toEqual(lists.get(token));
    }
  });

  it('shortens the first chunks of a key whose tokens would not fit one file together', () => {
    const py = new Map(Array.from({ length: 30 }, (_, k) => [`yang'b${String.fromCharCode(97 + (k % 26))}${k}`, ids(400)] as [string, number[]]));
    const small = packField('py', py, STRIDE, { cap: 2048, head: 64, growth: 4 });
    expect(small.files.filter(([name, data]) => fileBytes(name, data) > 2048)).toEqual([]);
    const entries = small.files.find(([name]) => name === `py/${bucketOf("yang'b", small.depth).toString(36)}`)![1] as HeadEntry[];
    expect(entries).toHaveLength(30);
    expect(Math.max(...entries.map(([, head]) => head.length / 2))).toBeLessThan(64);
  });
});
