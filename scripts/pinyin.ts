/**
 * Prints the toned pinyin the site shows for some Chinese text.
 *
 *   npm run pinyin -- 土洋并举          → tǔ yáng bìng jǔ
 *   npm run pinyin < paragraphs.txt    → one line of pinyin per input line
 */
import { text } from 'node:stream/consumers';
import { pinyinLine } from '../src/node/pinyin/reading.ts';

const args = process.argv.slice(2);
if (args.length > 0) {
  console.log(pinyinLine(args.join(' ')));
} else {
  const lines = (await text(process.stdin)).split(/\r?\n/);
  // A final newline ends the last line; it does not start an empty one.
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) console.log(pinyinLine(line));
}
