/**
 * The search encoders: what goes into the index for a row, and what a query looks up.
 *
 * - Chinese: every character of a run plus every overlapping pair (土洋并举 → 土 洋 并 举 土洋 洋并
 *   并举). A query of two or more characters looks up all its pairs, so 土地 finds 土地 and never
 *   土…地; FlexSearch's CJK charset indexes single characters only and would.
 * - Pinyin: every syllable plus every pair of syllables of adjacent characters (`tu` `yang`
 *   `tu'yang`), from the same build-time pinyin the reader shows.
 * - English: folded words, inflections removed (lib/search/stem.ts), and word prefixes (`alu*`).
 *
 * The build and the browser both tokenize with these functions, so they never disagree on an
 * encoder; FlexSearch in the browser gets the tokens joined by spaces and splits them back (see
 * files.ts). Shared by Node and the browser.
 */
import { foldText, WORD } from './fold.ts';
import { HAN } from '../han.ts';
import { stem } from './stem.ts';

export type Field = 'zh' | 'py' | 'en';
export const FIELDS: readonly Field[] = ['zh', 'py', 'en'];
/** Joins the two syllables of a pinyin pair token: `tu'yang`, as `xi'an` is written. */
export const PAIR = "'";
/** Placeholder for a Han character the pinyin reader cannot read. */
export const NO_SYLLABLE = '_';

/** Maximal runs of word characters (letters, digits and Chinese characters alike) in folded text. */
export function wordRuns(folded: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const ch of folded) {
    if (WORD.test(ch)) run += ch;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  if (run) runs.push(run);
  return runs;
}

/** Index tokens of Chinese text: the characters and overlapping pairs of each run. */
export function chineseTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of wordRuns(foldText(text))) {
    const chars = Array.from(run);
    chars.forEach((c, k) => {
      out.push(c);
      if (k > 0) out.push(chars[k - 1] + c);
    });
  }
  return out;
}

/** Query tokens of one folded Chinese run: its pairs, or the single character. */
export function chineseQueryTokens(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  return chars.slice(1).map((c, k) => chars[k] + c);
}

/**
 * Toneless syllables of the Han characters of `text`, in order, as stored in a record
 * (`tu yang bing ju`), paired back with the characters: one entry per code point, null for
 * anything that is not a readable Han character.
 */
export function alignSyllables(text: string, py: string): (string | null)[] {
  const syllables = py ? py.split(' ') : [];
  let k = 0;
  return Array.from(text, (ch) => {
    if (!HAN.test(ch)) return null;
    const s = syllables[k++];
    return s && s !== NO_SYLLABLE ? s : null;
  });
}

/** Index tokens of pinyin: each syllable, and each pair of syllables of adjacent characters. */
export function pinyinTokens(perCodePoint: (string | null)[]): string[] {
  const out: string[] = [];
  let prev: string | null = null;
  for (const s of perCodePoint) {
    if (s) {
      out.push(s);
      if (prev) out.push(prev + PAIR + s);
    }
    prev = s;
  }
  return out;
}

/** Query tokens of a syllable sequence: its adjacent pairs, or the single syllable. */
export function pinyinQueryTokens(syllables: string[]): string[] {
  if (syllables.length === 1) return [...syllables];
  return syllables.slice(1).map((s, k) => syllables[k] + PAIR + s);
}

export interface Word {
  /** The stem looked up in the index. */
  stem: string;
  /** Offsets in the folded text. */
  start: number;
  end: number;
}

/** English words of folded text (letters and digits, Han excluded), with their stems. */
export function englishWords(folded: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0) words.push({ stem: stem(folded.slice(start, end)), start, end });
    start = -1;
  };
  let i = 0;
  for (const ch of folded) {
    if (WORD.test(ch) && !HAN.test(ch)) {
      if (start < 0) start = i;
    } else close(i);
    i += ch.length;
  }
  close(i);
  return words;
}

/** Index tokens of English text: the stems of its words. */
export function englishTokens(text: string): string[] {
  return englishWords(foldText(text)).map((w) => w.stem);
}

/**
 * English prefixes are indexed as tokens of their own (`alu*`, `alumi*`), so that a word still
 * being typed is one lookup in one file, like a whole word. Only some lengths: every length would
 * make the English index five times its size, these less than three (bench/results.md). A typed
 * prefix is looked up by the longest indexed prefix it starts with, and the rows are then
 * confirmed on their text (lib/search/match.ts), as every candidate is.
 */
export const PREFIX = '*';
export const PREFIX_LENGTHS: readonly number[] = [3, 5, 7];

/** Index tokens of English text: the stems of its words and the indexed prefixes of its words. */
export function englishIndexTokens(text: string): string[] {
  const out = new Set<string>();
  const folded = foldText(text);
  for (const w of englishWords(folded)) {
    out.add(w.stem);
    for (const k of PREFIX_LENGTHS) if (w.end - w.start >= k) out.add(folded.slice(w.start, w.start + k) + PREFIX);
  }
  return [...out];
}

/** The token to look a typed prefix up by (`alumin` → `alumi*`), or null when it is too short. */
export function prefixToken(typed: string): string | null {
  const k = [...PREFIX_LENGTHS].reverse().find((n) => typed.length >= n);
  return k ? typed.slice(0, k) + PREFIX : null;
}

/**
 * The key that decides a token's file: the token itself, except pinyin pairs, which share a key
 * with every pair of the same first syllable and second initial (`yang'bing`, `yang'ban` →
 * `yang'b`), so that a partly typed last syllable (`tuyangb`) is one file. At most 36 syllables
 * share an initial, so such a group stays small whatever the size of the archive.
 */
export function bucketKey(field: Field, token: string): string {
  const k = field === 'py' ? token.indexOf(PAIR) : -1;
  return k < 0 ? token : token.slice(0, k + 2);
}

/** The file (of 2^depth for the field) a key lives in: the top `depth` bits of its FNV-1a hash. */
export function bucketOf(key: string, depth: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // `>>> 32` would shift by nothing.
  return depth ? h >>> (32 - depth) : 0;
}
