/**
 * The pinyin of one document page, as its `pinyin.js` carries it (src/pages/[...doc]/pinyin.js.ts):
 * per Chinese block (headline decks, then paragraphs, in document order) the reading of each of its
 * Han characters, as rehype-ruby reads them at build time. The page asks for it the first time
 * pinyin is shown (src/elements/ruby-load.ts) and wraps the characters in the same ruby markup
 * the CSS draws (src/elements/ruby-apply.ts).
 *
 * The syllables written out, one string per block, `_` for a Han character without a reading:
 * gzip finds the page's repeated words in them as it does in the text. The seed's 1,526 readings
 * take 2.4 KB gzipped this way, where its ruby markup cost the HTML 3.7 KB. Tried and dropped:
 * a table of distinct syllables with one character per reading (2.6 KB: the codes hide the words
 * from gzip) and tone numbers (`tu3yang2`, 2.2 KB, but a decoder in every file to get the marks back).
 *
 *   { "v": 1, "b": ["tǔ yáng bìng jǔ", "", "tǔ _"] }   ← 土洋并举 / (no Han) / 土𰻞 (no reading)
 */

/** The file beside a document page's `index.html`. */
export const PINYIN_FILE = 'pinyin.js';

/** The global a `pinyin.js` defines and calls with its data: `__duizhaoPinyin(data)`. */
export const PINYIN_GLOBAL = '__duizhaoPinyin';

export interface PagePinyin {
  v: 1;
  /** Per block, its readings separated by single spaces. */
  b: string[];
}

/** A Han character without a reading (rehype-ruby gives it no ruby). */
const NONE = '_';

export class PinyinDataError extends Error {
  override name = 'PinyinDataError';
}

/** Readings per block → the file's data. */
export function encodePinyin(blocks: string[][]): PagePinyin {
  const word = (syllable: string) => {
    if (syllable === NONE || /\s/.test(syllable))
      throw new PinyinDataError(`Not one syllable: ${JSON.stringify(syllable)}; rehype-ruby reads one per character.`);
    return syllable || NONE;
  };
  return { v: 1, b: blocks.map((readings) => readings.map(word).join(' ')) };
}

/** The file's data → readings per block ('' where a character has none). */
export function decodePinyin(data: PagePinyin): string[][] {
  return data.b.map((block) => (block ? block.split(' ').map((s) => (s === NONE ? '' : s)) : []));
}

/** Checks what a `pinyin.js` handed over, so a stale or broken file is ignored, not a crash. */
export function isPagePinyin(data: unknown): data is PagePinyin {
  const d = data as Partial<PagePinyin> | null;
  return !!d && d.v === 1 && Array.isArray(d.b) && d.b.every((b) => typeof b === 'string');
}
