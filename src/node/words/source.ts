/**
 * The build's dictionary. The data files are read into the build's bundle as text (Vite's `?raw`:
 * a file read from disk by path would have to be found again from wherever Astro puts its bundled
 * chunks), and parsed on the first lookup, never on import.
 */
import cedictText from './data/cedict.tsv?raw';
import hskText from './data/hsk.tsv?raw';
import { createDictionary, type Dictionary } from './dictionary.ts';

let dictionary: Dictionary | null = null;

export function siteDictionary(): Dictionary {
  dictionary ??= createDictionary(cedictText, hskText);
  return dictionary;
}
