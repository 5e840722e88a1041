/**
 * CC-CEDICT and the HSK lists at build time, from the text of data/cedict.tsv and data/hsk.tsv
 * (written by `npm run words:data`; see source.ts for how the build reads them). Parsing the
 * dictionary's 124,000 entries takes about 0.3 s, once per process. Nothing here reaches the
 * browser: a page gets only the entries of its own words (page-words.ts).
 *
 * CC-CEDICT (https://cc-cedict.org/) is licensed CC BY-SA 4.0, and so is data/cedict.tsv.
 */
import type { Entry } from '../../lib/words/data.ts';
import { toneMarks } from '../../lib/words/tones.ts';

/** A reading inside a sense, `把[ba3]`, as the reader writes pinyin: `把[bǎ]`. */
const SENSE_READING = /\[([A-Za-z:]+[1-5](?: [A-Za-z:]+[1-5])*)\]/g;

export function markSenseReadings(senses: string): string {
  return senses.includes('[') ? senses.replace(SENSE_READING, (_, numbered: string) => `[${toneMarks(numbered)}]`) : senses;
}

export interface Dictionary {
  /** The entries of `word` (simplified, else traditional as written), in the dictionary's order. */
  lookup(word: string): Entry[] | undefined;
  /** The HSK 2.0 level (1–6) of `word`, 0 when no list has it. */
  hskLevel(word: string): number;
}

export function createDictionary(cedictText: string, hskText: string): Dictionary {
  const bySimplified = new Map<string, Entry[]>();
  const byTraditional = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const line of cedictText.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [simplified, traditional, pinyin, senses] = line.split('\t') as [string, string, string, string];
    const entry: Entry = [traditional, pinyin, markSenseReadings(senses)];
    push(bySimplified, simplified, entry);
    if (traditional) push(byTraditional, traditional, entry);
  }
  const levels = new Map<string, number>();
  for (const line of hskText.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [level, words] = line.split('\t') as [string, string];
    for (const w of words.split(' ')) if (w && !levels.has(w)) levels.set(w, Number(level));
  }
  return {
    lookup: (word) => bySimplified.get(word) ?? byTraditional.get(word),
    hskLevel: (word) => levels.get(word) ?? 0,
  };
}
