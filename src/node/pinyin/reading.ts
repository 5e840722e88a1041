/**
 * Toned pinyin for Chinese text, read word by word in context, at build time only.
 *
 * pinyin-pro's built-in dictionary misreads common polyphones (局长 jú cháng, 率先 lǜ xiān,
 * 湖泊 hú bó); its complete dictionary from @pinyin-pro/data fixes most of them, CC-CEDICT's words
 * and the context rules of `context.ts` most of the rest (大队长 zhǎng, 更好地 de, 打得 de),
 * and `overrides.ts` the exceptions. Loading that dictionary takes 3–5 s, so it happens once,
 * on the first call, never on import. pinyin-pro is ~145 KB gzipped: never ship this to the browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { addDict, customPinyin, OutputFormat, segment } from 'pinyin-pro';
import { readInContext, type Span } from './context.ts';
import { pinyinOverrides } from './overrides.ts';
import { HAN } from '../../lib/han.ts';

let ready = false;

/** Loads the complete dictionary and the project overrides into pinyin-pro, once per process. */
function ensureDictionary(): void {
  if (ready) return;
  // The JSON file parses about twice as fast as the equivalent 18 MB ES module, and reading it from
  // disk keeps bundlers (Vite during `astro build`) from trying to inline it.
  const file = createRequire(import.meta.url).resolve('@pinyin-pro/data/complete.json');
  const complete: Parameters<typeof addDict>[0] = JSON.parse(readFileSync(file, 'utf8'));
  addDict(complete, 'complete');
  customPinyin({ ...pinyinOverrides });
  ready = true;
}

/**
 * One entry per code point of `text` (as `Array.from(text)` splits it): the toned syllable of each
 * Han character read in context (`薄弱` → `['bó', 'ruò']`), `null` for anything else.
 */
export function pinyinSyllables(text: string): (string | null)[] {
  // The reader's ruby and the search index read the same paragraphs in one build: read each once.
  const known = memo.get(text);
  if (known) return [...known];
  ensureDictionary();
  const chars = Array.from(text);
  const syllables: (string | null)[] = chars.map(() => null);
  const spans: Span[] = chars.map((_, i) => ({ start: i, end: i + 1 }));
  // Words never span a non-Han character, so each run of Han characters is read on its own.
  let start = 0;
  while (start < chars.length) {
    if (!HAN.test(chars[start])) {
      start++;
      continue;
    }
    let end = start;
    while (end < chars.length && HAN.test(chars[end])) end++;
    readRun(chars, start, end, syllables, spans);
    start = end;
  }
  // Rules look past the run (为 before a number, 以…为 across a 、), so they read the whole text.
  readInContext(chars, syllables, spans, isOverride);
  memo.set(text, syllables);
  return [...syllables];
}

/** Readings by paragraph text, for the life of the build process (a corpus is a few MB of text). */
const memo = new Map<string, (string | null)[]>();

/**
 * pinyin-pro 3.29's max-probability segmenter loses its underflow exponent on characters that start
 * no word (`iDP.decimal = 0` in `common/segmentit/max-probability`), so past ~30 words a reading
 * depends on how much text follows it: 铜产量提高 + 69 characters reads 量 as liáng. Reading windows
 * of at most 24 characters, each keeping the middle 12 and 6 characters of context either side,
 * stays far from that limit and no word is cut.
 */
const STEP = 12;
const MARGIN = 6;

const isOverride = (word: string) => Object.hasOwn(pinyinOverrides, word);

function readRun(chars: string[], start: number, end: number, out: (string | null)[], spans: Span[]): void {
  for (let from = start; from < end; from += STEP) {
    const to = Math.min(from + STEP, end);
    const windowStart = from === start ? start : from - MARGIN;
    const windowEnd = to === end ? end : Math.min(to + MARGIN, end);
    // Citation tones, not 一/不 tone sandhi (一年 yī nián, not yì nián): the orthography standard
    // GB/T 16159-2012 writes 一 and 不 with their original tones, and so do dictionaries.
    // `segment` reads exactly as `pinyin(…, { type: 'array' })` does, in the same time, and also
    // says which characters it read as one word: one item per code point, grouped by word.
    const words = segment(chars.slice(windowStart, windowEnd).join(''), { format: OutputFormat.AllArray, toneSandhi: false });
    let i = windowStart;
    for (const word of words) {
      // The whole word, even where it reaches into the next window's characters.
      const span = { start: i, end: i + word.length };
      for (const { result } of word) {
        // A character pinyin-pro cannot read comes back unchanged.
        if (i >= from && i < to) {
          out[i] = result !== chars[i] ? result : null;
          spans[i] = span;
        }
        i++;
      }
    }
  }
}

/** The toned syllables of the Han characters in `text`, one space apart: 薄弱环节 → `bó ruò huán jié`. */
export function pinyinLine(text: string): string {
  return pinyinSyllables(text)
    .filter((syllable) => syllable !== null)
    .join(' ');
}

/** Strips tone marks and writes ü as v, lowercased: `lǚ` → `lv`, `Bó ruò` → `bo ruo`. */
export function toneless(pinyinText: string): string {
  return pinyinText
    .normalize('NFD')
    .replace(/u\u0308/gi, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Toneless pinyin of the Han characters in `text`, joined with `separator`: 土洋并举 → `tu yang bing ju`. */
export function tonelessPinyin(text: string, separator = ' '): string {
  return pinyinSyllables(text)
    .filter((syllable) => syllable !== null)
    .map(toneless)
    .join(separator);
}
