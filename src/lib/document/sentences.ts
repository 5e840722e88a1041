/**
 * Sentences inside a row, aligned across the languages with the paragraph aligner (lib/document/align.ts,
 * merges allowed). Anchors come from the Chinese only — `p5.2` is the second sentence of the
 * Chinese paragraph p5 — so a corrected translation or a re-alignment never moves them; English
 * sentences carry the anchors of the Chinese sentences they translate.
 */
import { alignParagraphs, type Move } from './align.ts';
import type { Row, StoredSentences } from '../../schemas/document.ts';
import { isCredit } from './text.ts';

/**
 * Chinese sentences end in 。！？；… (closing quotes and brackets stay with them). A quotation
 * that the sentence goes on after (“毛主席万岁！万万岁！”的欢呼声响彻云霄。) is not the end of it:
 * what follows the closing quote with 的, a comma or the like joins it.
 */
export function splitZhSentences(text: string): string[] {
  const pieces = text.match(/[^。！？；…]+(?:[。！？；…]+[”’」』）)]*)?|[。！？；…]+/g) ?? [text];
  const out: string[] = [];
  for (const piece of pieces) {
    if (out.length && /[”’」』]$/.test(out[out.length - 1]!) && /^[的地得，、：]/.test(piece)) out[out.length - 1] += piece;
    else out.push(piece);
  }
  return out;
}

/** A stop that ends an abbreviation, not a sentence: a title before a name, an initial, U.S. */
const ABBREVIATION = /(?:(?<![\p{L}])(?:Mr|Mrs|Ms|Dr|St|Mt|Prof|Gen|Col|Lt|Capt|Gov|Sen|Rev|No|Nos|Vol)|(?<![\p{L}])(?:\p{Lu}\.)*\p{Lu})\.$/u;

/** The number of an enumerated item, `1.` or `(2).`, is not a sentence of its own. */
const ENUMERATOR = /^\(?\d{1,3}\)?\.$/;

/**
 * English sentences end in . ! ? followed by white space and a word that does not start in lower
 * case ("at 2:00 a.m. today" goes on), unless the stop ends an abbreviation ("Mr. Hoskin", "Typhoon
 * No. 7", "Professor A. I. Denisov", "the U.S. Air Force"); and in ; as Chinese sentences end in ；.
 */
export function splitEnSentences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/([.!?;])["'”’)\]]*(\s+)(?=(\S))/g)) {
    const end = m.index! + m[0].length - m[2]!.length;
    const before = text.slice(start, m.index! + 1);
    if (m[1] !== ';' && (/\p{Ll}/u.test(m[3]!) || ABBREVIATION.test(before) || ENUMERATOR.test(before))) continue;
    parts.push(text.slice(start, end));
    start = end + m[2]!.length;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Moves between sentences. A translation splits a long Chinese sentence (up to 。) far more often
 * than it splits a paragraph: in the hand-checked rows of test/fixtures/gold/sentences.json one
 * Chinese sentence in four has two English ones (24 %, three in a hundred have three), against one
 * paragraph in twenty; two Chinese sentences in one English are rare (1 %).
 */
const SENTENCE_MOVES: Move[] = [
  [1, 1, 0.78],
  [1, 2, 0.15],
  [2, 1, 0.012],
  [1, 3, 0.03],
  [3, 1, 0.002],
  [1, 0, 0.01],
  [0, 1, 0.01],
  [1, 4, 0.006],
  [1, 5, 0.002],
  [1, 6, 0.001],
  [1, 7, 0.001],
  [1, 8, 0.001],
];

export interface ZhSentence {
  /** `p5.2` */
  id: string;
  text: string;
}
export interface EnSentence {
  text: string;
  /** Anchors of the Chinese sentences this one translates (empty: none found). */
  ids: string[];
}
export interface RowSentences {
  zh: { n: number; sentences: ZhSentence[] }[];
  en: { e: number; sentences: EnSentence[] }[];
}

/**
 * Splits keep every character: white space between English sentences stays with the sentence
 * before it, so joining the parts gives the paragraph back.
 */
function enParts(text: string): string[] {
  const parts = splitEnSentences(text);
  if (parts.length <= 1) return [text];
  const out: string[] = [];
  let at = 0;
  for (const p of parts) {
    const start = text.indexOf(p, at);
    if (out.length) out[out.length - 1] += text.slice(at, start);
    out.push(p);
    at = start + p.length;
  }
  out[out.length - 1] += text.slice(at);
  return out;
}

/**
 * Splits the paragraphs of a row into sentences and aligns them: done once, when the document is
 * built (lib/document/model.ts), and stored with the row (`storeSentences`).
 */
export function alignSentences(row: Pick<Row, 'zh' | 'en'>): RowSentences {
  const zh = row.zh.map((p) => ({ n: p.n, sentences: splitZhSentences(p.text).map((text, k) => ({ id: `p${p.n}.${k + 1}`, text })) }));
  const en = row.en.map((p) => ({ e: p.e, sentences: enParts(p.text).map((text) => ({ text, ids: [] as string[] })) }));
  const zhFlat = zh.flatMap((p) => p.sentences);
  const enFlat = en.flatMap((p) => p.sentences);
  if (zhFlat.length && enFlat.length) {
    const alone = zhFlat.flatMap((s, k) => (isCredit(s.text) ? [k] : []));
    for (const bead of alignParagraphs(
      zhFlat.map((s) => s.text),
      enFlat.map((s) => s.text.trim()),
      { alone, moves: SENTENCE_MOVES },
    )) {
      const ids = bead.zh.map((k) => zhFlat[k]!.id);
      for (const k of bead.en) enFlat[k]!.ids = ids;
    }
  }
  return { zh, en };
}

/** Aligned sentences as the row stores them: lengths and ids, not the text again. */
export function storeSentences(s: RowSentences): StoredSentences {
  return {
    zh: s.zh.map((p) => p.sentences.map((x) => x.text.length)),
    en: s.en.map((p) => p.sentences.map((x) => [x.text.length, x.ids] as [number, string[]])),
  };
}

/** Cuts `text` into pieces of these lengths. */
function cut(text: string, lengths: number[]): string[] {
  let at = 0;
  return lengths.map((n) => text.slice(at, (at += n)));
}

/** The sentences of a row, as stored when its document was built. */
export function rowSentences(row: Pick<Row, 'zh' | 'en' | 'sentences'>): RowSentences {
  return {
    zh: row.zh.map((p, k) => ({ n: p.n, sentences: cut(p.text, row.sentences.zh[k] ?? [p.text.length]).map((text, j) => ({ id: `p${p.n}.${j + 1}`, text })) })),
    en: row.en.map((p, k) => {
      const stored = row.sentences.en[k] ?? [[p.text.length, []]];
      const texts = cut(
        p.text,
        stored.map(([n]) => n),
      );
      return { e: p.e, sentences: texts.map((text, j) => ({ text, ids: stored[j]![1] })) };
    }),
  };
}
