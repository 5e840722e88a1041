/**
 * npm run bench:words (and the end of npm run bench): what the word lookup costs.
 *
 *   1. bytes a document page downloads for lookups: its words.js (only on the first lookup), raw
 *      and gzipped, for the seed and across the corpus; and what the word marks add to the page;
 *   2. build time the segmentation and dictionary add on the corpus, in-process: loading the
 *      dictionary and jieba, marking words in every document (beside the glossary and ruby the
 *      page runs anyway), and making every words.js.
 *
 * Figures only, no pass/fail. Writes the "Words" section of bench/results.md (replacing an earlier
 * one, leaving the other sections alone). CONTENT_DIR: the corpus (default ../shared/corpus/rmrb).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listDocumentFiles, loadDocument } from '../src/node/load.ts';
import { readYaml } from '../src/node/yaml-source.ts';
import { pinyinLine, pinyinSyllables } from '../src/node/pinyin/reading.ts';
import { pageTerms } from '../src/node/page-terms.ts';
import { renderDocument } from '../src/lib/render/html.ts';
import { WORDS_GLOBAL } from '../src/lib/words/data.ts';
import { createDictionary } from '../src/node/words/dictionary.ts';
import { segment } from '../src/node/words/segment.ts';
import { pageWords, wordsScript } from '../src/node/words/page-words.ts';
import rehypeGlossary from '../src/plugins/rehype-glossary.ts';
import rehypeRuby from '../src/plugins/rehype-ruby.ts';
import rehypeWords from '../src/plugins/rehype-words.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, process.env.CONTENT_DIR || '../shared/corpus/rmrb');
const SEED = resolve(ROOT, 'content/documents');
const gz = (text) => gzipSync(Buffer.from(text), { level: 6 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const now = () => performance.now();

// The glossary as the loader reads it: the `pinyin` field, or the term read on its own.
const glossaryDir = resolve(ROOT, 'content/glossary');
const glossary = readdirSync(glossaryDir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const data = readYaml(readFileSync(join(glossaryDir, f), 'utf8'), f).data;
    return {
      term: data.term,
      slug: f.replace(/\.yaml$/, ''),
      gloss: data.gloss,
      reading: data.pinyin ?? pinyinLine(data.term),
      renderings: data.renderings ?? [],
    };
  });

let t = now();
const dictionary = createDictionary(
  readFileSync(resolve(ROOT, 'src/node/words/data/cedict.tsv'), 'utf8'),
  readFileSync(resolve(ROOT, 'src/node/words/data/hsk.tsv'), 'utf8'),
);
dictionary.lookup('中');
const dictionaryMs = now() - t;
t = now();
segment('中文');
const jiebaMs = now() - t;

const words = { segment, syllables: pinyinSyllables };
function measure(dir) {
  const docs = listDocumentFiles(dir).map((f) => loadDocument(dir, f).data);
  const out = { docs: docs.length, base: 0, marked: 0, data: 0, files: [], markup: [] };
  for (const doc of docs) {
    const terms = pageTerms(glossary, doc.entities);
    const glossaryPlugin = [rehypeGlossary, { terms, hrefOf: (x) => `#${x.id}` }];
    // Warm the pinyin memo, which the page's ruby fills anyway, so only the words' share is timed.
    renderDocument(doc, [glossaryPlugin, [rehypeRuby, { syllables: pinyinSyllables }]]);
    t = now();
    const plain = renderDocument(doc, [glossaryPlugin, [rehypeRuby, { syllables: pinyinSyllables }]]);
    out.base += now() - t;
    t = now();
    const withWords = renderDocument(doc, [glossaryPlugin, [rehypeWords, words], [rehypeRuby, { syllables: pinyinSyllables }]]);
    out.marked += now() - t;
    // The words.js endpoint: glossary and words again, then the page's entries.
    t = now();
    const chineseOnly = [rehypeGlossary, { terms: terms.map((x) => ({ ...x, renderings: [] })), hrefOf: (x) => `#${x.id}` }];
    const seen = renderDocument(doc, [chineseOnly, [rehypeWords, words]]).data.words ?? [];
    const script = wordsScript(pageWords(seen, dictionary), WORDS_GLOBAL);
    out.data += now() - t;
    out.files.push({ path: doc.path, raw: Buffer.byteLength(script), gz: gz(script), words: seen.length });
    out.markup.push(gz(withWords.headline + withWords.rows) - gz(plain.headline + plain.rows));
  }
  return out;
}

const seed = measure(SEED);
const corpus = existsSync(CORPUS) ? measure(CORPUS) : null;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const f = seed.files[0];

const md = [
  `## Words (npm run bench:words, ${new Date().toISOString().slice(0, 10)})`,
  '',
  'What the word lookup costs (issue 13). A page downloads its `words.js` (the CC-CEDICT entries of its own words, HSK levels, first sentences) only on the first lookup or when "Words in this document" is opened; gzip level 6, as a server sends it.',
  '',
  '| page | words | words.js raw | words.js gzipped | word marks added to the page, gzipped |',
  '| --- | --- | --- | --- | --- |',
  `| seed (${f.path}) | ${f.words} | ${kb(f.raw)} | **${kb(f.gz)}** (target ≤ 30 KB) | ${kb(seed.markup[0])} |`,
  ...(corpus
    ? [
        `| corpus, median of ${corpus.docs} | ${median(corpus.files.map((x) => x.words))} | ${kb(median(corpus.files.map((x) => x.raw)))} | ${kb(median(corpus.files.map((x) => x.gz)))} | ${kb(median(corpus.markup))} |`,
        `| corpus, largest | ${Math.max(...corpus.files.map((x) => x.words))} | ${kb(Math.max(...corpus.files.map((x) => x.raw)))} | ${kb(Math.max(...corpus.files.map((x) => x.gz)))} | ${kb(Math.max(...corpus.markup))} |`,
      ]
    : []),
  '',
  `Build time the words add${corpus ? ` on the corpus (${corpus.docs} documents)` : ' on the seed'}, measured in-process (one core; the glossary and ruby passes the page runs anyway are the baseline):`,
  '',
  '| step | time |',
  '| --- | --- |',
  `| parse CC-CEDICT (124,000 entries) and the HSK lists, once | ${s(dictionaryMs)} |`,
  `| load jieba's dictionary, once | ${s(jiebaMs)} |`,
  ...(corpus
    ? [
        `| page render, glossary + ruby (baseline) | ${s(corpus.base)} |`,
        `| page render, glossary + words + ruby | ${s(corpus.marked)} (+${s(corpus.marked - corpus.base)}) |`,
        `| every words.js (glossary + words again, entries, script) | ${s(corpus.data)} |`,
        `| **added in all** | **${s(dictionaryMs + jiebaMs + corpus.marked - corpus.base + corpus.data)}** |`,
      ]
    : []),
];

console.log(md.join('\n'));
const file = join(ROOT, 'bench/results.md');
const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
const kept = old.replace(/^## Words \(npm run bench:words[^\n]*\n[\s\S]*?(?=^## |(?![\s\S]))/m, '').trimEnd();
writeFileSync(file, `${kept ? `${kept}\n\n` : ''}${md.join('\n')}\n`);
console.log('\n[bench:words] wrote bench/results.md');
