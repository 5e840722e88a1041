/**
 * The hand-checked polyphone sample (`test/fixtures/gold/polyphones.tsv`, see its README) and how
 * a reader of pinyin is scored on it: the toned syllable of one character read in its sentence.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const GOLD_FILE = resolve(import.meta.dirname, '../test/fixtures/gold/polyphones.tsv');

export interface GoldOccurrence {
  /** Corpus file name (`../shared/corpus/rmrb/`). */
  file: string;
  /** 1-based source line of the paragraph. */
  line: number;
  /** Code point index of the character in `sentence`. */
  index: number;
  char: string;
  /** The right toned syllable (no mark: neutral tone). */
  reading: string;
  sentence: string;
  note: string;
}

export function readGold(file = GOLD_FILE): GoldOccurrence[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [file, lineNo, index, char, reading, sentence, note = ''] = line.split('\t');
      return { file, line: Number(lineNo), index: Number(index), char, reading, sentence, note };
    });
}

export interface Miss extends GoldOccurrence {
  got: string | null;
}

export interface Score {
  total: number;
  right: number;
  /** Per character: occurrences and how many were read right. */
  byChar: Map<string, { total: number; right: number }>;
  misses: Miss[];
}

/** Tone-exact accuracy of `read` (one syllable per code point of a sentence) on the sample. */
export function score(gold: GoldOccurrence[], read: (sentence: string) => (string | null)[]): Score {
  const byChar = new Map<string, { total: number; right: number }>();
  const misses: Miss[] = [];
  const cache = new Map<string, (string | null)[]>();
  for (const occurrence of gold) {
    let syllables = cache.get(occurrence.sentence);
    if (!syllables) cache.set(occurrence.sentence, (syllables = read(occurrence.sentence)));
    const got = syllables[occurrence.index] ?? null;
    const entry = byChar.get(occurrence.char) ?? { total: 0, right: 0 };
    entry.total++;
    if (got === occurrence.reading) entry.right++;
    else misses.push({ ...occurrence, got });
    byChar.set(occurrence.char, entry);
  }
  return { total: gold.length, right: gold.length - misses.length, byChar, misses };
}
