/**
 * A document page's word data (lib/words/data.ts) from what rehype-words found: the dictionary
 * entries of each word on the page (and of the characters of a word the dictionary lacks), each
 * word's HSK level, nothing else. Build time only.
 */
import type { Entry, Listed, PageWords } from '../../lib/words/data.ts';
import type { WordSeen } from '../../plugins/rehype-words.ts';
import type { Dictionary } from './dictionary.ts';

export function pageWords(seen: WordSeen[], { lookup, hskLevel }: Dictionary): PageWords {
  const dict: Record<string, Entry[]> = {};
  const add = (key: string): boolean => {
    if (Object.hasOwn(dict, key)) return true;
    const entries = lookup(key);
    if (entries) dict[key] = entries;
    return !!entries;
  };
  const list: Listed[] = [];
  for (const { word, pinyin, sentence } of seen) {
    // A word the dictionary lacks (a name, a rare compound) is shown character by character.
    if (!add(word)) for (const ch of Array.from(word)) add(ch);
    list.push([word, pinyin, sentence, hskLevel(word)]);
  }
  return { v: 1, dict, list };
}

/** The page's `words.js`: a classic script (it loads from file:// too) handing the data over. */
export function wordsScript(data: PageWords, global: string): string {
  // JSON is valid JavaScript. `<` escaped so the text can never close a script element; `//`
  // written `\/\/` so that a URL in a sense is never mistaken for one the page requests.
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\/\//g, '\\/\\/');
  return `self.${global}&&self.${global}(${json});\n`;
}
