/**
 * The text of the documents as the browser loads it: one part of a document at a time (a few
 * rows, see files.ts), and its pinyin only when the query has pinyin in it. A result shows
 * a few rows of a document, so it loads the parts that hold those rows, not all the document.
 */
import { locate, partOf, pinyinName, textName, type PinyinFile, type SearchDocInfo, type SearchMeta, type SearchRecord, type TextFile } from './files.ts';
import type { Loader } from './lists.ts';
import { matchRecord, type Plan, type RecordMatch } from './match.ts';

export interface TextPart {
  info: SearchDocInfo;
  /** By slot. */
  records: Map<number, SearchRecord>;
}

export interface ShownDoc {
  info: SearchDocInfo;
  rows: { record: SearchRecord; match: RecordMatch }[];
  /** Candidate rows of the document not looked at (past the rows asked for). */
  rest: number;
}

export class Texts {
  #load: Loader;
  #stride: number;
  #years: SearchMeta['years'];
  #texts = new Map<string, Promise<TextPart>>();
  #pinyin = new Map<string, Promise<TextPart>>();

  constructor(load: Loader, meta: Pick<SearchMeta, 'stride' | 'years'>) {
    this.#load = load;
    this.#stride = meta.stride;
    this.#years = meta.years;
  }

  /** One part of a document; with `pinyin`, its records' `py` filled in. */
  part(doc: number, part: number, pinyin: boolean): Promise<TextPart> {
    const key = `${doc}-${part}`;
    const at = locate(this.#years, doc);
    const text = cached(this.#texts, key, () =>
      (this.#load(textName(at.year, at.doc, part)) as Promise<TextFile>).then((file) => {
        const records = new Map<number, SearchRecord>();
        for (const [slot, anchor, zh, en] of file.records) records.set(slot, { id: doc * this.#stride + slot, doc, anchor, zh, en, py: [] });
        return { info: file.doc, records };
      }),
    );
    if (!pinyin) return text;
    return cached(this.#pinyin, key, () =>
      Promise.all([text, this.#load(pinyinName(at.year, at.doc, part)) as Promise<PinyinFile>]).then(([t, py]) => {
        [...t.records.values()].forEach((r, k) => (r.py = py[k] ?? []));
        return t;
      }),
    );
  }

  /**
   * A document's candidate records `ids` (ascending) checked against the plans until `most` rows
   * besides the headline are confirmed; null when none is.
   */
  async show(doc: number, ids: number[], plans: Plan[], most: number, pinyin: boolean): Promise<ShownDoc | null> {
    const rows: ShownDoc['rows'] = [];
    let info: SearchDocInfo | undefined;
    let k = 0;
    const body = () => rows.filter((r) => r.record.anchor).length;
    while (k < ids.length && body() < most) {
      // The headline (slot 0) comes first and does not count: one more than the rows still wanted.
      const slots = ids.slice(k, k + Math.min(most - body(), ids.length) + 1).map((id) => id - doc * this.#stride);
      k += slots.length;
      const parts = await Promise.all([...new Set(slots.map(partOf))].map((part) => this.part(doc, part, pinyin)));
      info = parts[0]!.info;
      for (const slot of slots) {
        const record = parts.map((p) => p.records.get(slot)).find(Boolean);
        const match = record && matchRecord(record, plans);
        if (record && match?.ok) rows.push({ record, match });
      }
    }
    return rows.length && info ? { info, rows, rest: ids.length - k } : null;
  }

  /** Every record of a document (its first part says how many parts there are). */
  async document(doc: number, pinyin: boolean): Promise<SearchRecord[]> {
    const first = await this.part(doc, 0, pinyin);
    const rest = await Promise.all(Array.from({ length: first.info.parts - 1 }, (_, k) => this.part(doc, k + 1, pinyin)));
    return [first, ...rest].flatMap((p) => [...p.records.values()]);
  }
}

/** The promise under `key`, made once; forgotten if it fails, so that a retry can load again. */
function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let p = map.get(key);
  if (!p) {
    p = make();
    map.set(key, p);
    p.catch(() => map.delete(key));
  }
  return p;
}
