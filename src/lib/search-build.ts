/**
 * Builds the search index at build time: one record per row (and one per headline), three token
 * fields (Chinese, pinyin, English) cut into chunks and bucket files by lib/search-chunks.ts, one
 * text file per document, the page maps and meta.js. Returns the files to write below
 * `search-index/` (the layout is described in lib/search-index.ts).
 */
import { createHash } from 'node:crypto';
import { alignSyllables, chineseTokens, englishIndexTokens, FIELDS, NO_SYLLABLE, pinyinTokens, type Field } from './search-encode.ts';
import { packField, type ChunkOptions } from './search-chunks.ts';
import { HAN } from './search-fold.ts';
import { byteLength, MAX_STRIDE, PART_SLOTS, pageChar, pageMapName, partOf, pinyinName, shardScript, textName, type GlossaryInfo, type PinyinFile, type SearchDocInfo, type SearchMeta, type SearchRecord, type TextFile } from './search-index.ts';

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

export interface BuildOptions extends Partial<ChunkOptions> {
  /** Bytes of a text part. @default PART_BYTES */
  partBytes?: number;
  /** Toneless syllable per code point of `text`, null where there is none (lib/pinyin.ts). */
  pinyin: (text: string) => (string | null)[];
}

export interface BuiltIndex {
  /** File name (`zh/3f.js`) → content. */
  files: Map<string, string>;
  meta: SearchMeta;
  /** URL path → document id. */
  docIds: Map<string, number>;
  /** Every record, in id order. */
  records: SearchRecord[];
}

/** Newest first: by date descending, then page and path as the reader reads a day's paper. */
export function searchOrder<T extends { date: string; page: number; path: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => b.date.localeCompare(a.date) || a.page - b.page || a.path.localeCompare(b.path));
}

/** Per Chinese paragraph, the record's pinyin string: one syllable per Han character. */
function recordPinyin(text: string, pinyin: BuildOptions['pinyin']): string {
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

function docInfo(doc: SourceDocument, id: number, parts: number): SearchDocInfo {
  return { id, path: doc.path, title: doc.title, headline: doc.headlineZh.join(' '), date: doc.date, page: doc.page, parts };
}

/**
 * Records of documents already in search order, numbered `doc * stride + slot` (see
 * lib/search-index.ts), and the stride: the smallest power of two above every slot used.
 */
export function buildRecords(docs: SourceDocument[], pinyin: BuildOptions['pinyin'], partBytes = PART_BYTES): { records: SearchRecord[]; stride: number } {
  const perDoc = docs.map((doc, d) => {
    const head = doc.headlineZh.filter(Boolean);
    const rows = [{ anchor: '', zh: head, en: [doc.title] }];
    for (const row of doc.rows) rows.push({ anchor: row.zh[0] ? `p${row.zh[0].n}` : `e${row.en[0]!.e}`, zh: row.zh.map((z) => z.text), en: row.en.map((e) => e.text) });
    // What a part's files hold besides the records (the largest part number a document could have).
    const start = byteLength(shardScript(textName(d, 9999), { doc: docInfo(doc, d, 9999), records: [] }));
    const pyStart = byteLength(shardScript(pinyinName(d, 9999), []));
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
  });
  const most = Math.max(1, ...perDoc.map((rs) => rs[rs.length - 1]!.slot + 1));
  const stride = 2 ** Math.ceil(Math.log2(most));
  if (stride > MAX_STRIDE) throw new Error(`A document has too many rows for the search index (${most} slots, at most ${MAX_STRIDE}).`);
  const records = perDoc.flatMap((rs, d) => rs.map(({ slot, ...r }) => ({ id: d * stride + slot, doc: d, ...r })));
  return { records, stride };
}

/** Tokens of one record for one field. */
export function recordTokens(record: SearchRecord, field: Field): string[] {
  if (field === 'zh') return record.zh.flatMap(chineseTokens);
  if (field === 'en') return record.en.flatMap(englishIndexTokens);
  return record.zh.flatMap((t, k) => pinyinTokens(alignSyllables(t, record.py[k] ?? '')));
}

/** Token → record ids, ascending (records arrive in id order). */
function postingLists(records: SearchRecord[], field: Field): Map<string, number[]> {
  const lists = new Map<string, number[]>();
  for (const r of records) {
    for (const t of new Set(recordTokens(r, field))) {
      const list = lists.get(t);
      if (list) list.push(r.id);
      else lists.set(t, [r.id]);
    }
  }
  return lists;
}

/** `[year, first document]` for each year, newest first. */
function yearStarts(docs: SourceDocument[]): [number, number][] {
  const out: [number, number][] = [];
  docs.forEach((d, k) => {
    const year = Number(d.date.slice(0, 4));
    if (out[out.length - 1]?.[0] !== year) out.push([year, k]);
  });
  return out;
}

/** Page maps: one character per document (`0` + page), `per` documents a file. */
function pageMaps(docs: SourceDocument[], per: number): string[] {
  const maps: string[] = [];
  for (let k = 0; k < docs.length; k += per) maps.push(docs.slice(k, k + per).map((d) => pageChar(d.page)).join(''));
  return maps;
}

export function buildSearchIndex(input: SourceDocument[], glossary: GlossaryInfo[], options: BuildOptions): BuiltIndex {
  const chunks: ChunkOptions = { cap: options.cap ?? DEFAULT_CHUNKS.cap, head: options.head ?? DEFAULT_CHUNKS.head, growth: options.growth ?? DEFAULT_CHUNKS.growth };
  const docs = searchOrder(input);
  const { records, stride } = buildRecords(docs, options.pinyin, Math.min(options.partBytes ?? PART_BYTES, chunks.cap));
  const files = new Map<string, string>();
  const put = (name: string, data: unknown) => files.set(`${name}.js`, shardScript(name, data));

  const depth = {} as Record<Field, number>;
  for (const field of FIELDS) {
    const packed = packField(field, postingLists(records, field), stride, chunks);
    depth[field] = packed.depth;
    for (const [name, data] of packed.files) put(name, data);
  }

  let r = 0;
  docs.forEach((doc, d) => {
    const parts: SearchRecord[][] = [];
    for (; r < records.length && records[r]!.doc === d; r++) {
      const part = partOf(records[r]!.id - d * stride);
      (parts[part] ??= []).push(records[r]!);
    }
    const info = docInfo(doc, d, parts.length);
    parts.forEach((recs, part) => {
      put(textName(d, part), { doc: info, records: recs.map((rec) => [rec.id - d * stride, rec.anchor, rec.zh, rec.en]) } satisfies TextFile);
      put(pinyinName(d, part), recs.map((rec) => rec.py) satisfies PinyinFile);
    });
  });

  // Up to 2 bytes a document (pages past 79), so a map stays within the cap.
  const pageMapDocs = Math.max(1, Math.floor((chunks.cap - 100) / 2));
  pageMaps(docs, pageMapDocs).forEach((map, k) => put(pageMapName(k), map));

  const hash = createHash('sha1');
  for (const [name, content] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) hash.update(name).update(content);
  hash.update(JSON.stringify(glossary));
  const meta: SearchMeta = {
    version: hash.digest('hex').slice(0, 10),
    stride,
    docs: docs.length,
    depth,
    years: yearStarts(docs),
    pageMapDocs,
    pages: [...new Set(docs.map((d) => d.page))].sort((a, b) => a - b),
    glossary,
  };
  put('meta', meta);
  return { files, meta, docIds: new Map(docs.map((d, k) => [d.path, k])), records };
}

/** Bytes of each file as written, for tests and the benchmark. */
export function fileSizes(built: BuiltIndex): Map<string, number> {
  return new Map([...built.files].map(([name, content]) => [name, byteLength(content)]));
}
