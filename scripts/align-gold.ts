/**
 * Scores the aligner against hand-made gold (test/fixtures/gold/, see its README): the heads of
 * documents (`heads.json`: which lines are the headline, then every row) and the sentences of rows
 * (`sentences.json`). Used by `npm run align:report -- --gold` and by test/unit/align-gold.test.ts.
 * Pure over the corpus files it is given; no Astro.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDocument, type DocumentModel, type Row } from '../src/lib/document/model.ts';
import { splitHeadline } from '../src/lib/document/headline.ts';
import { parseDocument } from '../src/lib/document/parse.ts';
import { rowSentences } from '../src/lib/document/sentences.ts';

export const GOLD_DIR = resolve(import.meta.dirname, '../test/fixtures/gold');

export interface HeadGold {
  file: string;
  /** Body lines shown as the headline: Chinese by their text, English by their e-number. */
  headline: { zh: string[]; en: number[] };
  /** Every row in reading order, written as in a `.align` file: `p1 = e3`, `p2 p3 = e4`, `p4 = -`, `- = e5`. */
  rows: string[];
  note?: string;
}

export interface SentenceGold {
  file: string;
  /** The row, by its first Chinese paragraph (`p5`), or its first English one for a row with no original. */
  row: string;
  /**
   * Per English sentence of the row, in order: the Chinese sentence ids it translates and the
   * sentence's first words, `p5.2 p5.3 | We believe that we are` (`-` for no ids). The words fix
   * where the English splits: a sentence split elsewhere is a miss too.
   */
  en: string[];
  note?: string;
}

/** One scored item: the headline or a row of a document, or one row's sentences. */
export interface Miss {
  file: string;
  what: string;
  expected: string;
  found: string;
}

export interface Score {
  right: number;
  total: number;
  /** Documents (heads) or rows (sentences) with nothing missed, of how many. */
  whole: { right: number; total: number };
  /** Documents (or rows) with at least one miss, and what was missed. */
  misses: Miss[];
}

const rowKey = (r: Pick<Row, 'zh' | 'en'>) =>
  `${r.zh.length ? r.zh.map((z) => `p${z.n}`).join(' ') : '-'} = ${r.en.length ? r.en.map((e) => `e${e.e}`).join(' ') : '-'}`;

/** The written form of a gold row, normalised (`p1  =  e3` → `p1 = e3`). */
const normalise = (row: string) =>
  row
    .trim()
    .split(/\s*=\s*/)
    .map((s) => s.split(/\s+/).join(' '))
    .join(' = ');

export function readGold<T>(name: string): T[] {
  return JSON.parse(readFileSync(resolve(GOLD_DIR, name), 'utf8')) as T[];
}

function build(dir: string, file: string): { doc: DocumentModel; zhHead: string[] } {
  const parsed = parseDocument(readFileSync(resolve(dir, file), 'utf8'), file);
  return { doc: buildDocument(parsed), zhHead: splitHeadline(parsed).zhHead.map((p) => p.text) };
}

/**
 * Heads: per document the headline counts as one item (its Chinese lines and English paragraphs
 * both right) and each gold row as one (the same Chinese and English numbers in one row, which
 * also fixes its kind). A wrong headline usually renumbers every row after it, and they count wrong.
 */
export function scoreHeads(dir: string, gold: HeadGold[] = readGold<HeadGold>('heads.json')): Score {
  const score: Score = { right: 0, total: 0, whole: { right: 0, total: 0 }, misses: [] };
  for (const g of gold) {
    const missed = score.misses.length;
    const { doc, zhHead } = build(dir, g.file);
    const head = (zh: string[], en: number[]) => `${zh.join(' / ') || '(### line)'} = ${en.map((e) => `e${e}`).join(' ') || '-'}`;
    const expected = head(g.headline.zh, g.headline.en);
    const found = head(
      zhHead,
      doc.headlineEn.map((e) => e.e),
    );
    score.total++;
    if (expected === found) score.right++;
    else score.misses.push({ file: g.file, what: 'headline', expected, found });
    const rows = new Set(doc.rows.map(rowKey));
    for (const want of g.rows.map(normalise)) {
      score.total++;
      if (rows.has(want)) score.right++;
      else {
        const first = want.split(' ')[0]!;
        const near = doc.rows.map(rowKey).find((r) => r.split(' ').includes(first === '-' ? want.split(' ').at(-1)! : first));
        score.misses.push({ file: g.file, what: `row ${want}`, expected: want, found: near ?? '(none)' });
      }
    }
    score.whole.total++;
    if (score.misses.length === missed) score.whole.right++;
  }
  return score;
}

/** The English sentences of a row as the gold writes them: `ids | first words`. */
export function sentenceIds(row: Row): string[] {
  return rowSentences(row).en.flatMap((p) => p.sentences.map((s) => `${s.ids.join(' ') || '-'} | ${s.text.trim().split(/\s+/).slice(0, 6).join(' ')}`));
}

/** Sentences: a row is right when its English splits as the gold's and each sentence has exactly its ids. */
export function scoreSentences(dir: string, gold: SentenceGold[] = readGold<SentenceGold>('sentences.json')): Score {
  const score: Score = { right: 0, total: 0, whole: { right: 0, total: 0 }, misses: [] };
  const docs = new Map<string, DocumentModel>();
  for (const g of gold) {
    let doc = docs.get(g.file);
    if (!doc) docs.set(g.file, (doc = build(dir, g.file).doc));
    const row = doc.rows.find((r) => (r.zh[0] ? `p${r.zh[0].n}` : `e${r.en[0]!.e}`) === g.row);
    score.total++;
    score.whole.total++;
    const found = row ? sentenceIds(row) : [];
    const expected = g.en;
    if (row && found.length === expected.length && found.every((ids, k) => ids === expected[k])) {
      score.right++;
      score.whole.right++;
      continue;
    }
    const differ = Array.from({ length: Math.max(found.length, expected.length) }, (_, k) => k).filter((k) => found[k] !== expected[k]);
    score.misses.push({
      file: g.file,
      what: `row ${g.row}, English sentence ${differ.map((k) => k + 1).join(', ')}`,
      expected: differ.map((k) => expected[k] ?? '(none)').join(' / '),
      found: row ? differ.map((k) => found[k] ?? '(none)').join(' / ') : '(no such row)',
    });
  }
  return score;
}

const percent = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '0.0'} %`;

/** `518/555 right (93.3 %)` */
export function share(score: Score): string {
  return `${score.right}/${score.total} right (${percent(score.right, score.total)})`;
}
