/**
 * npm run bench:pinyin: the reader's pinyin against the hand-checked polyphone sample
 * (test/fixtures/gold/polyphones.tsv), beside pinyin-pro's own default on the same sentences.
 * Tone-exact, per character and overall. Prints the figures and writes the "Pinyin in context"
 * section of bench/results.md (replacing an earlier one, leaving the other sections alone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { readGold, score } from '../scripts/polyphone-gold.ts';

const ROOT = resolve(import.meta.dirname, '..');
const gold = readGold();

// pinyin-pro's default first: pinyinSyllables adds the complete dictionary to the same instance.
const byDefault = score(gold, (sentence) => pinyin(sentence, { type: 'array', toneSandhi: false }));
const { pinyinSyllables } = await import('../src/node/pinyin/reading.ts');
const ours = score(gold, pinyinSyllables);

const pct = (s) => `${((100 * s.right) / s.total).toFixed(1)} %`;
const docs = new Set(gold.map((g) => g.file)).size;
const md = [
  `## Pinyin in context (npm run bench:pinyin, ${new Date().toISOString().slice(0, 10)})`,
  '',
  `Tone-exact readings of ${gold.length} polyphone occurrences from ${docs} corpus documents, each checked by hand in its sentence (test/fixtures/gold/polyphones.tsv, see its README). *Ours*: \`pinyinSyllables\` (pinyin-pro with the complete dictionary of @pinyin-pro/data, CC-CEDICT words and the context rules of src/node/pinyin/context.ts, project overrides). *pinyin-pro default*: \`pinyin(sentence, { type: 'array', toneSandhi: false })\` with its built-in dictionary.`,
  '',
  '| | right | accuracy |',
  '| --- | --- | --- |',
  `| ours | ${ours.right} / ${ours.total} | ${pct(ours)} |`,
  `| pinyin-pro default | ${byDefault.right} / ${byDefault.total} | ${pct(byDefault)} |`,
  '',
  '| character | occurrences | ours | pinyin-pro default |',
  '| --- | --- | --- | --- |',
  ...[...ours.byChar].sort((a, b) => b[1].total - a[1].total).map(([char, s]) => `| ${char} | ${s.total} | ${pct(s)} | ${pct(byDefault.byChar.get(char))} |`),
  '',
  ours.misses.length ? 'Our misses:' : 'No misses.',
  '',
  ...ours.misses.map((m) => {
    const chars = Array.from(m.sentence);
    const window = `${chars.slice(Math.max(0, m.index - 8), m.index).join('')}**${m.char}**${chars.slice(m.index + 1, m.index + 6).join('')}`;
    return `- ${window}: ${m.got ?? '–'}, should be ${m.reading} (${m.file}:${m.line})`;
  }),
];

console.log(md.join('\n'));
const file = join(ROOT, 'bench/results.md');
const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
const kept = old.replace(/^## Pinyin in context[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/m, '').trimEnd();
writeFileSync(file, `${kept ? `${kept}\n\n` : ''}${md.join('\n')}\n`);
console.log('\n[bench:pinyin] wrote bench/results.md');
