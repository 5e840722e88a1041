/**
 * CC-CEDICT and the HSK lists at build time (data/, written by `npm run words:data`). The files
 * are read into the build's bundle as text (Vite's `?raw`) and parsed once, on the first lookup:
 * about 124,000 entries in some 0.3 s. Nothing here reaches the browser; a page gets only the
 * entries of its own words (page-words.ts).
 *
 * CC-CEDICT (https://cc-cedict.org/) is licensed CC BY-SA 4.0, and so is data/cedict.tsv.
 */
import cedictText from './data/cedict.tsv?raw';
import hskText from './data/hsk.tsv?raw';
import type { Entry } from '../../lib/words/data.ts';

let bySimplified: Map<string, Entry[]> | null = null;
let byTraditional: Map<string, Entry[]> | null = null;
let hskLevels: Map<string, number> | null = null;

function load(): void {
  if (bySimplified) return;
  bySimplified = new Map();
  byTraditional = new Map();
  for (const line of cedictText.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [simplified, traditional, pinyin, senses] = line.split('\t') as [string, string, string, string];
    const entry: Entry = [traditional, pinyin, senses];
    const list = bySimplified.get(simplified);
    if (list) list.push(entry);
    else bySimplified.set(simplified, [entry]);
    if (traditional) {
      const trad = byTraditional.get(traditional);
      if (trad) trad.push(entry);
      else byTraditional.set(traditional, [entry]);
    }
  }
}

/** The entries of `word` (simplified, else traditional as written), in the dictionary's order. */
export function lookup(word: string): Entry[] | undefined {
  load();
  return bySimplified!.get(word) ?? byTraditional!.get(word);
}

/** The HSK 2.0 level (1–6) of `word`, 0 when no list has it. */
export function hskLevel(word: string): number {
  if (!hskLevels) {
    hskLevels = new Map();
    for (const line of hskText.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const [level, words] = line.split('\t') as [string, string];
      for (const w of words.split(' ')) if (w && !hskLevels.has(w)) hskLevels.set(w, Number(level));
    }
  }
  return hskLevels.get(word) ?? 0;
}
