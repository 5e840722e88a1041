/**
 * CC-CEDICT writes pinyin with tone numbers (`kai1 cai3`, `lu:4`); the reader shows tone marks.
 * https://cc-cedict.org/wiki/format:syntax
 */

const MARKS: Record<string, string> = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };

/** `zhang3` → `zhǎng`, `lu:4` → `lǜ`, `de5` → `de`, `Bei3` → `Běi`; anything else unchanged. */
export function toneMark(numbered: string): string {
  const m = /^([a-zü:]+)([1-5])$/i.exec(numbered);
  if (!m) return numbered;
  const letters = m[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const tone = Number(m[2]);
  if (tone === 5) return letters;
  const lower = letters.toLowerCase();
  // The mark goes on a or e, on the o of ou, else on the last vowel (pinyin orthography).
  const at = /[ae]/.test(lower) ? lower.search(/[ae]/) : lower.includes('ou') ? lower.indexOf('o') : Math.max(...[...'iouü'].map((v) => lower.lastIndexOf(v)));
  if (at < 0) return letters;
  const marked = MARKS[lower[at]!]![tone - 1]!;
  return letters.slice(0, at) + (letters[at] === lower[at] ? marked : marked.toUpperCase()) + letters.slice(at + 1);
}

/** Each space-separated syllable through toneMark: `kai1 cai3` → `kāi cǎi`. */
export function toneMarks(numbered: string): string {
  return numbered.split(' ').map(toneMark).join(' ');
}

/** Lowercase, without tone marks, ü as v: `Běi jīng` → `bei jing`, to compare readings. */
export function toneless(pinyin: string): string {
  return pinyin
    .normalize('NFD')
    .replace(/u\u0308/gi, 'v')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
