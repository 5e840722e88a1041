/**
 * Folding for search: the same text in every form a reader may type it. Full-width letters and
 * digits become ASCII (NFKC), accents are dropped, case is lowered; Chinese characters stay as they
 * are. Each folded character remembers where it came from in the original, so a match found in
 * folded text is highlighted on the original (`Ｆｏｏ` → `foo`, offsets 0, 1, 2).
 *
 * Shared by the index builder (Node) and the browser: plain string code, no dependencies.
 */

/** Characters that make up words and Chinese runs; everything else separates them. */
export const WORD = /[\p{L}\p{N}]/u;
const MARKS = /\p{M}/gu;

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`: start of the original code point it came from. */
  from: number[];
  /** For each UTF-16 unit of `text`: end of that original code point. */
  to: number[];
}

const cache = new Map<string, string>();

/** Folds one code point: `Ａ` → `a`, `é` → `e`, `ǚ` → `u`, `中` → `中`, `ﬁ` → `fi`. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  let out = cache.get(ch);
  if (out === undefined) {
    out = ch.normalize('NFKC').normalize('NFD').replace(MARKS, '').toLowerCase().replace(MARKS, '');
    if (cache.size < 20_000) cache.set(ch, out);
  }
  return out;
}

/** Folds a text and keeps, for every folded unit, the original code point's offsets. */
export function fold(text: string): Folded {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    i += ch.length;
  }
  return { text: folded, from, to };
}

/** The folded text only. */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}
