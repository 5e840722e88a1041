/**
 * The words a student keeps: starred from a popover, listed on "My words" (/words/), kept in the
 * browser's localStorage, which survives reloads and rebuilds of the site. Pure functions over the
 * stored text, so a damaged or older value is read as far as it can be, never thrown at the reader.
 */

/** A kept word, with what an Anki card or a word list needs. */
export interface StarredWord {
  word: string;
  /** As the page read it in its sentence. */
  pinyin: string;
  traditional: string;
  definition: string;
  /** The Chinese sentence it was starred in, and its English counterpart. */
  zh: string;
  en: string;
  /** The sentence's address (`…/copper-and-aluminum/#p5.2`). */
  url: string;
  /** The document's title. */
  title: string;
  /** When it was starred (ISO 8601). */
  at: string;
}

/** localStorage keys: the starred words, and the words marked as known. */
export const WORD_STORAGE = { starred: 'duizhao:words:starred', known: 'duizhao:words:known' } as const;

const FIELDS = ['word', 'pinyin', 'traditional', 'definition', 'zh', 'en', 'url', 'title', 'at'] as const;

/** The stored list, skipping anything that is not a word record. */
export function parseStarred(text: string | null): StarredWord[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data
    .filter((d): d is Record<string, unknown> => !!d && typeof d === 'object' && typeof (d as { word?: unknown }).word === 'string')
    .map((d) => Object.fromEntries(FIELDS.map((f) => [f, typeof d[f] === 'string' ? d[f] : ''])) as unknown as StarredWord);
}

/** The same word starred from the same sentence is one entry. */
const same = (a: StarredWord, b: Pick<StarredWord, 'word' | 'url'>) => a.word === b.word && a.url === b.url;

export function isStarred(list: StarredWord[], word: string, url: string): boolean {
  return list.some((w) => same(w, { word, url }));
}

/** Adds `word` (newest first) or, when it is there, removes it. */
export function toggleStarred(list: StarredWord[], word: StarredWord): StarredWord[] {
  return isStarred(list, word.word, word.url) ? list.filter((w) => !same(w, word)) : [word, ...list];
}

export function removeStarred(list: StarredWord[], word: string, url: string): StarredWord[] {
  return list.filter((w) => !same(w, { word, url }));
}

/** The known words: a set stored as an array. */
export function parseKnown(text: string | null): Set<string> {
  try {
    const data: unknown = JSON.parse(text ?? '[]');
    return new Set(Array.isArray(data) ? data.filter((w): w is string => typeof w === 'string') : []);
  } catch {
    return new Set();
  }
}
