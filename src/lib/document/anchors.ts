/**
 * Anchors for the aligner: things both sides of a translation share. Numbers are the strongest
 * (1958 ↔ 一九五八 ↔ １９５８, 24 ↔ 二十四 ↔ 24th, 600 million ↔ 六亿), then Latin words kept in
 * the Chinese (GATT), then names from the document's named-entity block.
 */
import { foldWidth } from './text.ts';

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const ZH_NUM = /[〇零一二两三四五六七八九十百千万亿]+/g;

/** Reads a run of Chinese numerals: 一九五八 → 1958 (digit by digit), 二十四 → 24, 六亿 → 6e8. */
export function chineseNumeral(run: string): number | null {
  if (!/[十百千万亿]/.test(run)) {
    if (run.length < 2) return run.length === 1 ? (DIGIT[run] ?? null) : null;
    let v = 0;
    for (const ch of run) v = v * 10 + (DIGIT[ch] ?? 0);
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of run) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in UNIT) {
      section += (digit || 1) * UNIT[ch]!;
      digit = 0;
    } else if (ch in BIG) {
      total = (total + section + digit) * BIG[ch]!;
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** A single numeral only counts before a unit word (三日, 九月, 五年, 两倍); alone (一齐, 一个) it is not a number. */
const SINGLE_OK = /^[年月日时点号倍万亿届周次天]/;

export function zhNumbers(text: string): number[] {
  const out: number[] = [];
  const t = foldWidth(text);
  for (const m of t.matchAll(/\d+(?:[.,]\d+)*/g)) out.push(Number(m[0].replace(/,/g, '')));
  for (const m of t.matchAll(ZH_NUM)) {
    const run = m[0];
    const next = t.slice(m.index! + run.length, m.index! + run.length + 1);
    if (run.length === 1 && !SINGLE_OK.test(next)) continue;
    const v = chineseNumeral(run);
    if (v !== null && (v !== 0 || /[〇零]/.test(run))) out.push(v);
  }
  return out;
}

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  first: 1,
  second: 2,
  third: 3,
  fifth: 5,
  eighth: 8,
  ninth: 9,
  twelfth: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

export function enNumbers(text: string): number[] {
  const out: number[] = [];
  const tokens =
    foldWidth(text)
      .toLowerCase()
      .match(/\d+(?:[.,]\d+)*|[a-z]+/g) ?? [];
  let value: number | null = null;
  const flush = () => {
    if (value !== null) out.push(value);
    value = null;
  };
  for (const tok of tokens) {
    if (/^\d/.test(tok)) {
      flush();
      value = Number(tok.replace(/,(?=\d{3})/g, ''));
    } else if (tok in SCALE && value !== null) {
      // "600 million" → 6e8; keep the plain number too, since Chinese may write 六亿 or 600000000.
      out.push(value);
      value = value * SCALE[tok]!;
    } else if (tok in WORDS) {
      flush();
      value = WORDS[tok]!;
    } else if (!['st', 'nd', 'rd', 'th', 'and'].includes(tok)) flush();
  }
  flush();
  return out.filter((n) => Number.isFinite(n));
}

/** Latin words of two or more letters inside Chinese text (GATT, UNRRA), lower-cased. */
export function zhLatinWords(text: string): string[] {
  return (foldWidth(text).match(/[A-Za-z]{2,}/g) ?? []).map((w) => w.toLowerCase());
}
