/**
 * Chinese characters, one definition for the whole project: the Unicode script Han (CJK unified
 * and compatibility ideographs and their extensions; it includes 〇, the numeral zero). Test one
 * code point at a time (`Array.from(text)`), or a whole text with `hasHan`.
 */
export const HAN = /\p{Script=Han}/u;

/** Whether `text` has a Chinese character in it. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
