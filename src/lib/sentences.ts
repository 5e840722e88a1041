/**
 * Sentences inside a row, aligned across the languages with the paragraph aligner (lib/align.ts,
 * merges allowed). Anchors come from the Chinese only — `p5.2` is the second sentence of the
 * Chinese paragraph p5 — so a corrected translation or a re-alignment never moves them; English
 * sentences carry the anchors of the Chinese sentences they translate.
 */
import { alignParagraphs } from './align.ts';
import type { Row } from './document.ts';

/** Chinese sentences end in 。！？；… (closing quotes and brackets stay with them). */
export function splitZhSentences(text: string): string[] {
  return text.match(/[^。！？；…]+(?:[。！？；…]+[”’」』）)]*)?|[。！？；…]+/g) ?? [text];
}

/** English sentences end in . ! ? ; followed by white space. */
export function splitEnSentences(text: string): string[] {
  return text.split(/(?<=[.!?;]["”’)]?)\s+(?=\S)/);
}

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

export function rowSentences(row: Pick<Row, 'zh' | 'en'>): RowSentences {
  const zh = row.zh.map((p) => ({ n: p.n, sentences: splitZhSentences(p.text).map((text, k) => ({ id: `p${p.n}.${k + 1}`, text })) }));
  const en = row.en.map((p) => ({ e: p.e, sentences: enParts(p.text).map((text) => ({ text, ids: [] as string[] })) }));
  const zhFlat = zh.flatMap((p) => p.sentences);
  const enFlat = en.flatMap((p) => p.sentences);
  if (zhFlat.length && enFlat.length) {
    for (const bead of alignParagraphs(zhFlat.map((s) => s.text), enFlat.map((s) => s.text.trim()))) {
      const ids = bead.zh.map((k) => zhFlat[k]!.id);
      for (const k of bead.en) enFlat[k]!.ids = ids;
    }
  }
  return { zh, en };
}
