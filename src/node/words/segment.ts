/**
 * Chinese text into words at build time, with jieba (@node-rs/jieba: a native binary shipped in
 * the npm package, build time only). Its dictionary keeps 土洋并举 and 人民公社化 whole, where
 * `Intl.Segmenter` splits them. The HMM guesser for unknown words is off: every word it gives is
 * one of its dictionary's or a single character, so a reading never depends on a guess.
 * Loading the dictionary takes about 0.4 s, once per process, on the first call.
 * https://github.com/napi-rs/node-rs/tree/main/packages/jieba
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;
const memo = new Map<string, string[]>();

/** The words of `text`, in order; joined they give `text` back exactly. */
export function segment(text: string): string[] {
  const known = memo.get(text);
  if (known) return known;
  jieba ??= Jieba.withDict(dict);
  const words = jieba.cut(text, false);
  // Never trust a native library with the text itself: if the pieces do not give the text back,
  // fall back to single characters rather than change a character of the page.
  const out = words.join('') === text ? words : Array.from(text);
  memo.set(text, out);
  return out;
}
