/**
 * Builds the search index at build time: one record per row (and one per headline), three
 * FlexSearch indexes (Chinese, pinyin, English), exported and cut into shards by token, plus text
 * shards by document. Returns the files to write below `search-index/`.
 *
 * Why shards: a query looks up a handful of tokens, so it loads the few index shards holding them
 * and the text of the documents it shows, never the whole archive. Numbers in bench/results.md.
 */
import { createHash } from 'node:crypto';
import { alignSyllables, chineseTokens, englishTokens, FIELDS, NO_SYLLABLE, pinyinTokens, shardKey, shardOf, type Field } from './search-encode.ts';
import { HAN } from './search-fold.ts';
import {
  createIndex,
  shardName,
  shardScript,
  type GlossaryInfo,
  type IndexShard,
  type SearchDocInfo,
  type SearchMeta,
  type SearchRecord,
  type TextShard,
} from './search-index.ts';

export interface SourceDocument {
  path: string;
  title: string;
  date: string;
  headlineZh: string[];
  rows: { zh: { n: number; text: string }[]; en: { e: number; text: string }[] }[];
}

/**
 * Index shards per field, chosen with `npm run bench` on the 200-article corpus (the table "How the
 * split was chosen" in bench/results.md): past these, first-query downloads hardly shrink.
 */
export const DEFAULT_SHARDS: Record<Field, number> = { zh: 32, py: 16, en: 16 };

export interface BuildOptions {
  /** Toneless syllable per code point of `text`, null where there is none (lib/pinyin.ts). */
  pinyin: (text: string) => (string | null)[];
  /** Index shards per field. @default DEFAULT_SHARDS */
  shards?: Partial<Record<Field, number>>;
  /** A text shard closes once it holds this many bytes of JSON; 1 = one document each. @default 1 */
  textShardBytes?: number;
}

export interface BuiltIndex {
  /** File name (`zh-3.js`) → content. */
  files: Map<string, string>;
  meta: SearchMeta;
  /** URL path → document id. */
  docIds: Map<string, number>;
  records: SearchRecord[];
}

/** Per Chinese paragraph, the record's pinyin string: one syllable per Han character. */
function recordPinyin(text: string, pinyin: BuildOptions['pinyin']): string {
  const per = pinyin(text);
  return Array.from(text)
    .map((ch, k) => (HAN.test(ch) ? (per[k] ?? NO_SYLLABLE) : null))
    .filter((s) => s !== null)
    .join(' ');
}

export function buildRecords(docs: SourceDocument[], pinyin: BuildOptions['pinyin']): SearchRecord[] {
  const records: SearchRecord[] = [];
  docs.forEach((doc, d) => {
    const head = doc.headlineZh.filter(Boolean);
    records.push({ id: records.length, doc: d, anchor: '', zh: head, en: [doc.title], py: head.map((t) => recordPinyin(t, pinyin)) });
    for (const row of doc.rows) {
      const anchor = row.zh[0] ? `p${row.zh[0].n}` : `e${row.en[0]!.e}`;
      const zh = row.zh.map((z) => z.text);
      records.push({ id: records.length, doc: d, anchor, zh, en: row.en.map((e) => e.text), py: zh.map((t) => recordPinyin(t, pinyin)) });
    }
  });
  return records;
}

/** Tokens of one record for one field, space-separated, as FlexSearch's `add` takes them. */
export function recordTokens(record: SearchRecord, field: Field): string {
  if (field === 'zh') return record.zh.flatMap(chineseTokens).join(' ');
  if (field === 'en') return record.en.flatMap(englishTokens).join(' ');
  return record.zh.flatMap((t, k) => pinyinTokens(alignSyllables(t, record.py[k] ?? ''))).join(' ');
}

function deltas(ids: number[]): number[] {
  const sorted = [...ids].sort((a, b) => a - b);
  return sorted.map((id, k) => id - (k ? sorted[k - 1]! : 0));
}

export function buildSearchIndex(docs: SourceDocument[], glossary: GlossaryInfo[], options: BuildOptions): BuiltIndex {
  const shards = { ...DEFAULT_SHARDS, ...options.shards };
  const textShardBytes = options.textShardBytes ?? 1;
  const records = buildRecords(docs, options.pinyin);
  const files = new Map<string, string>();

  for (const field of FIELDS) {
    const index = createIndex();
    for (const r of records) index.add(r.id, recordTokens(r, field));
    const parts: IndexShard[] = Array.from({ length: shards[field] }, () => []);
    index.export((key, data) => {
      if (!key.endsWith('map')) return;
      for (const [token, lists] of JSON.parse(data) as [string, number[][]][]) {
        parts[shardOf(shardKey(field, token), shards[field])]!.push([token, deltas(lists.flat())]);
      }
    });
    parts.forEach((part, k) => files.set(`${shardName(field, k)}.js`, shardScript(shardName(field, k), part)));
  }

  const docStarts: number[] = [];
  records.forEach((r) => {
    if (docStarts.length === r.doc) docStarts.push(r.id);
  });
  const textStarts: number[] = [];
  let shard: TextShard = { docs: [], records: [] };
  let bytes = 0;
  const flush = () => {
    if (!shard.docs.length) return;
    files.set(`${shardName('text', textStarts.length - 1)}.js`, shardScript(shardName('text', textStarts.length - 1), shard));
    shard = { docs: [], records: [] };
    bytes = 0;
  };
  docs.forEach((doc, d) => {
    if (!shard.docs.length) textStarts.push(d);
    const info: SearchDocInfo = { id: d, path: doc.path, title: doc.title, headline: doc.headlineZh.join(' '), date: doc.date };
    shard.docs.push(info);
    bytes += JSON.stringify(info).length;
    for (const r of records.slice(docStarts[d], docStarts[d + 1] ?? records.length)) {
      const row: TextShard['records'][number] = [r.id, r.anchor, r.zh, r.en, r.py];
      shard.records.push(row);
      bytes += JSON.stringify(row).length;
    }
    if (bytes >= textShardBytes) flush();
  });
  flush();

  const hash = createHash('sha1');
  for (const [name, content] of [...files].sort()) hash.update(name).update(content);
  hash.update(JSON.stringify(glossary));
  const meta: SearchMeta = { version: hash.digest('hex').slice(0, 10), shards, docStarts, textStarts, records: records.length, glossary };
  files.set('meta.js', shardScript('meta', meta));
  return { files, meta, docIds: new Map(docs.map((d, k) => [d.path, k])), records };
}
