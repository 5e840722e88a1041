import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { splitHeadline } from '../../src/lib/document/headline.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { renderRows } from '../../src/lib/render/html.ts';
import { corpusFiles, describeCorpus, readCorpus, readSeed, renderedParagraphs, SEED_FILE, tally } from './support/corpus.ts';

// Nothing is dropped and nothing is doubled: every paragraph of either body is shown exactly once,
// in the headline or in a row, and the rendered HTML holds the same text, counted, not just found.

const ENTITY_HEADING = /^\s*\*\*\s*Named Entities\s*\*\*\s*$/i;
const range = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
const key = (p: { line: number; text: string }) => `${p.line}:${p.text}`;

function expectEveryParagraphOnce(source: string, file: string): void {
  const parsed = parseDocument(source, file);
  const split = splitHeadline(parsed);
  const doc = buildDocument(parsed);
  const html = renderRows(doc.rows);
  expect(parsed.zh.paragraphs.length, 'Chinese paragraphs').toBeGreaterThan(0);
  expect(doc.rows.length, 'rows').toBeGreaterThan(0);

  // Chinese: headline lines plus numbered rows, each source paragraph once (by line and text).
  const zhHead = split.zhHead.map((_, k) => ({ line: doc.headlineLines[k]!, text: doc.headlineZh[k]! }));
  expect(zhHead.map(key)).toEqual(split.zhHead.map(key));
  const zhRows = doc.rows.flatMap((r) => r.zh);
  const zhShown = tally([...zhHead, ...zhRows].map(key));
  for (const p of parsed.zh.paragraphs) expect(zhShown.get(key(p)), `Chinese line ${p.line} shown`).toBe(1);
  expect(zhHead.length + zhRows.length).toBe(parsed.zh.paragraphs.length);
  expect(zhRows.map((z) => z.n)).toEqual(range(zhRows.length));

  // English: headline lines plus rows, numbered e1…eN in order, each source paragraph once.
  const enShown = [...doc.headlineEn, ...doc.rows.flatMap((r) => r.en)];
  expect(enShown.map((e) => e.e)).toEqual(range(parsed.en.paragraphs.length));
  expect(enShown.map(key)).toEqual(parsed.en.paragraphs.map(key));

  // The HTML: one <p data-n> per Chinese row paragraph and one <p data-e> per English one, in
  // order, each text occurring as many times as the rows hold it.
  const zhHtml = renderedParagraphs(html, 'data-n');
  const enHtml = renderedParagraphs(html, 'data-e');
  expect(zhHtml.map((p) => p.num)).toEqual(zhRows.map((z) => z.n));
  expect(enHtml.map((p) => p.num)).toEqual(doc.rows.flatMap((r) => r.en.map((e) => e.e)));
  const zhHtmlTexts = tally(zhHtml.map((p) => p.text));
  const zhRowTexts = tally(zhRows.map((z) => z.text));
  for (const [text, count] of zhRowTexts) expect(zhHtmlTexts.get(text), `HTML count of ${text.slice(0, 30)}`).toBe(count);
  const enRows = doc.rows.flatMap((r) => r.en);
  const enHtmlTexts = tally(enHtml.map((p) => p.text));
  for (const [text, count] of tally(enRows.map((e) => e.text))) expect(enHtmlTexts.get(text), `HTML count of ${text.slice(0, 30)}`).toBe(count);
  expect(html.match(/<p[^>]* data-n="/g) ?? []).toHaveLength(zhRows.length);
  expect(html.match(/<p[^>]* data-e="/g) ?? []).toHaveLength(enRows.length);
}

function expectCleanText(source: string, file: string): void {
  const parsed = parseDocument(source, file);
  const all = [...parsed.en.paragraphs, ...parsed.zh.paragraphs, ...parsed.zh.bylines];
  expect(all.length).toBeGreaterThan(0);
  for (const p of all) {
    expect(p.text, `line ${p.line}`).not.toContain('\\t');
    expect(p.text, `line ${p.line}`).not.toMatch(/<br\s*\/?>/i);
  }
}

describe('integrity of the seed', () => {
  it('shows every paragraph of both bodies exactly once, in the headline or a row, and in the HTML', () => {
    expectEveryParagraphOnce(readSeed(), SEED_FILE);
  });

  it('leaves no literal \\t or <br> in any paragraph', () => expectCleanText(readSeed(), SEED_FILE));
});

describeCorpus('integrity of every corpus file', () => {
  const files = corpusFiles();
  const withEntities = files.filter((file) =>
    readCorpus(file)
      .split(/\r?\n/)
      .some((l) => ENTITY_HEADING.test(l)),
  );

  it.each(files)('shows every paragraph of %s exactly once, in the headline or a row, and in the HTML', (file) => {
    expectEveryParagraphOnce(readCorpus(file), file);
  });

  it.each(files)('leaves no literal \\t or <br> in any paragraph of %s', (file) => expectCleanText(readCorpus(file), file));

  it('has a Named Entities block in 42 files, as the corpus README counts', () => {
    expect(withEntities).toHaveLength(42);
  });

  it.each(withEntities)('never shows a line of the Named Entities block of %s as an English paragraph', (file) => {
    const source = readCorpus(file);
    const lines = source.split(/\r?\n/);
    const heading = lines.findIndex((l) => ENTITY_HEADING.test(l)) + 1;
    const hr = lines.findIndex((l, k) => k >= heading && /^\s*<hr\s*\/?>\s*$/i.test(l)) + 1;
    expect(heading).toBeGreaterThan(0);
    expect(hr).toBeGreaterThan(heading);
    const block = new Set(
      lines
        .slice(heading, hr - 1)
        .map((l) => l.trim())
        .filter(Boolean),
    );
    const parsed = parseDocument(source, file);
    expect(parsed.en.entities.length + parsed.en.entityLines.length).toBeGreaterThan(0);
    for (const p of parsed.en.paragraphs) {
      expect(p.line, p.text.slice(0, 40)).toBeLessThan(heading);
      expect(block.has(p.text), p.text.slice(0, 40)).toBe(false);
    }
    const doc = buildDocument(parsed);
    const shown = [...doc.headlineEn, ...doc.rows.flatMap((r) => r.en)];
    for (const e of shown) expect(e.line).toBeLessThan(heading);
  });
});
