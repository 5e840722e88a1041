/**
 * The word data of one document page: what the build writes into the page's `words.js` and what
 * the word popover and the word list read back. Compact because it travels: a dictionary entry is
 * `[traditional, pinyin, senses]` (traditional empty when it is the simplified form, senses joined
 * by `/` as CC-CEDICT writes them), a listed word `[word, pinyin here, sentence id, HSK level]`.
 *
 *   { "v": 1,
 *     "dict": { "开采": [["開採", "kāi cǎi", "to extract (ore …)/to exploit/to mine"]], "开": […], … },
 *     "list": [["开采", "kāi cǎi", "p5.2", 0], …] }
 */
import { toneless } from './tones.ts';

/** One reading of a word in the dictionary. */
export type Entry = [traditional: string, pinyin: string, senses: string];

/** A distinct word of the document, at its first occurrence. `hsk` 0: in no HSK list. */
export type Listed = [word: string, pinyin: string, sentence: string, hsk: number];

export interface PageWords {
  v: 1;
  /** Entries of every word on the page, and of the characters of words the dictionary lacks. */
  dict: Record<string, Entry[]>;
  /** Each distinct word once, in order of first occurrence. */
  list: Listed[];
}

/** The global a page's `words.js` calls: `__duizhaoWords(data)` (a classic script, for file://). */
export const WORDS_GLOBAL = '__duizhaoWords';

/** The one word popover of a document page (built by <word-lookup>, elements/word-lookup.ts). */
export const WORD_POPOVER_ID = 'word-pop';

/** The hidden description of the word keys that a focused sentence points to (aria-describedby). */
export const WORD_KEYS_ID = 'word-keys';

/** The file of a document page's word data, beside its `index.html`. */
export const WORDS_FILE = 'words.js';

/** A reading with its senses split, and whether it is the one the page reads here. */
export interface Reading {
  traditional: string;
  pinyin: string;
  senses: string[];
  here: boolean;
}

/** Senses that only point at another spelling. */
const VARIANT = /^(old |archaic |ancient |obscure |erroneous )?variant of |^see [^/]*$/i;

/**
 * The readings of `word`, the one read here (`pinyinHere`, as the page's ruby shows it) first:
 * the same toned syllables first, then the same syllables in another tone, then the others; within
 * each, common words before names and variant spellings, else the dictionary's order. A word read
 * here as the dictionary never reads it keeps that order.
 */
export function readings(entries: Entry[] | undefined, pinyinHere: string): Reading[] {
  if (!entries?.length) return [];
  const here = pinyinHere.toLowerCase().replace(/\s+/g, ' ').trim();
  const rank = ([, pinyin]: Entry) => (pinyin.toLowerCase() === here ? 0 : toneless(pinyin) === toneless(here) ? 1 : 2);
  // Among readings of one sound, the common word before a name (capitalised: 和 Hé, a surname)
  // and before a mere variant spelling (和 as an old variant of itself).
  const minor = ([, pinyin, senses]: Entry) => (pinyin !== pinyin.toLowerCase() ? 1 : 0) + (VARIANT.test(senses) ? 2 : 0);
  const ordered = entries.map((e, k) => ({ e, k, r: rank(e), m: minor(e) })).sort((a, b) => a.r - b.r || a.m - b.m || a.k - b.k);
  const best = ordered[0]!.r;
  return ordered.map(({ e: [traditional, pinyin, senses], r }) => ({
    traditional,
    pinyin,
    senses: senses.split('/').filter(Boolean),
    here: r < 2 && r === best,
  }));
}

/** The first sense of the reading read here, shortened: the list's and the export's definition. */
export function shortDefinition(entries: Entry[] | undefined, pinyinHere: string, max = 80): string {
  const first = readings(entries, pinyinHere)[0];
  if (!first) return '';
  const text = first.senses.slice(0, 3).join('; ');
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The traditional form of a word where it differs, from the reading read here. */
export function traditionalOf(word: string, entries: Entry[] | undefined, pinyinHere: string): string {
  const first = readings(entries, pinyinHere)[0];
  return first?.traditional && first.traditional !== word ? first.traditional : '';
}

/** Checks the shape of what a `words.js` handed over, so a stale or broken file is a message, not a crash. */
export function isPageWords(data: unknown): data is PageWords {
  const d = data as Partial<PageWords> | null;
  return !!d && d.v === 1 && typeof d.dict === 'object' && d.dict !== null && Array.isArray(d.list);
}
