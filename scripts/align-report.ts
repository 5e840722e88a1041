/**
 * `npm run align:report [-- --all] [file-substring…]`: per document, the pairs, the moves used and
 * the lowest confidence; then the documents that need a look (uncertain pairs, paragraphs with no
 * counterpart, parse notes). Reads CONTENT_DIR (default content/documents) like the site build.
 * Without --all, pairs are printed only for the documents that need a look (and for named ones).
 *
 * `npm run align:report -- --gold`: the share of headlines and rows (test/fixtures/gold/heads.json)
 * and of rows' sentences (sentences.json) the aligner gets right, and each miss. The gold is made
 * on the corpus: it reads CONTENT_DIR, else CORPUS_DIR, else ../shared/corpus/rmrb.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { scoreHeads, scoreSentences, share, type Score } from './align-gold.ts';
import { listDocumentFiles, loadDocument } from '../src/node/load.ts';
import { SourceError } from '../src/lib/errors.ts';

const dir = resolve(process.env.CONTENT_DIR || 'content/documents');
const args = process.argv.slice(2);
const all = args.includes('--all');
const only = args.filter((a) => !a.startsWith('--'));

if (args.includes('--gold')) {
  const corpus = resolve(process.env.CONTENT_DIR || process.env.CORPUS_DIR || '../shared/corpus/rmrb');
  if (!existsSync(corpus)) {
    console.error(`The gold is made on the corpus, and there is none at ${corpus}. Name its folder: CORPUS_DIR=path npm run align:report -- --gold`);
    process.exit(1);
  }
  const print = (name: string, unit: string, score: Score) => {
    console.log(`\n${name}: ${share(score)}; ${unit} with no miss: ${score.whole.right}/${score.whole.total}`);
    let file = '';
    for (const m of score.misses) {
      if (m.file !== file) console.log(`  ${(file = m.file)}`);
      console.log(`    ${m.what}: expected ${m.expected}, found ${m.found}`);
    }
  };
  print('Heads: headlines and rows (test/fixtures/gold/heads.json)', 'documents', scoreHeads(corpus));
  print('Sentences: rows (test/fixtures/gold/sentences.json)', 'rows', scoreSentences(corpus));
  process.exit(0);
}
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const look: string[] = [];
const failed: string[] = [];
const paths = new Map<string, string>();
let count = 0;
for (const file of listDocumentFiles(dir)) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  count++;
  let doc;
  try {
    doc = loadDocument(dir, file, paths).data;
  } catch (e) {
    if (e instanceof SourceError) {
      failed.push(e.format());
      continue;
    }
    throw e;
  }
  const moves = new Map<string, number>();
  for (const r of doc.rows) moves.set(r.move, (moves.get(r.move) ?? 0) + 1);
  const pairs = doc.rows.filter((r) => r.kind === 'pair');
  const lowest = pairs.length ? Math.min(...pairs.map((r) => r.confidence)) : 0;
  const reasons: string[] = [];
  const low = doc.rows.filter((r) => r.low).length;
  const noTr = doc.rows.filter((r) => r.kind === 'no-translation').length;
  const noOr = doc.rows.filter((r) => r.kind === 'no-original').length;
  if (low) reasons.push(`${low} uncertain`);
  if (noTr) reasons.push(`${noTr} without translation`);
  if (noOr) reasons.push(`${noOr} without original`);
  const summary = [...moves].map(([m, n]) => `${m}×${n}`).join(' ');
  console.log(`\n${file}  →  /${doc.path}`);
  console.log(`  rows ${doc.rows.length} · moves ${summary} · lowest confidence ${lowest.toFixed(2)}${reasons.length ? ` · ${reasons.join(', ')}` : ''}`);
  if (reasons.length) look.push(`${file}: ${reasons.join(', ')}`);
  if (all || reasons.length || only.length) {
    if (doc.headlineEn.length) console.log(`  headline  ${doc.headlineZh.join(' / ')}  =  ${doc.headlineEn.map((e) => `e${e.e}`).join(' ')}`);
    for (const r of doc.rows) {
      const zh = r.zh.length ? r.zh.map((z) => `p${z.n}`).join(' ') : '-';
      const en = r.en.length ? r.en.map((e) => `e${e.e}`).join(' ') : '-';
      const flag = r.fixed ? ' fixed' : r.low ? ' UNCERTAIN' : '';
      const text = `${clip(r.zh[0]?.text ?? '', 14)} | ${clip(r.en[0]?.text ?? '', 40)}`;
      console.log(`  ${`${zh} = ${en}`.padEnd(16)} ${r.move.padEnd(4)} ${r.confidence.toFixed(2)}${flag}  ${text}`);
    }
  }
  for (const n of doc.notes) console.log(`  note ${file}:${n.line}: ${n.message}`);
}

console.log(`\n${count} documents read from ${dir}`);
if (look.length) {
  console.log(`\nNeed a look (${look.length}); fix an alignment with a ${'`<file>.align`'} override, see README.md:`);
  for (const l of look) console.log(`  - ${l}`);
} else console.log('\nNo document needs a look.');
if (failed.length) {
  console.log(`\nCould not be read (${failed.length}):`);
  for (const f of failed) console.log(f);
  process.exitCode = 1;
}
