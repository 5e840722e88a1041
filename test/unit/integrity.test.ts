import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { corpusFiles, describeCorpus, readCorpus, readSeed, SEED_FILE } from './support/corpus.ts';
import { expectEveryLineOnce, expectEveryParagraphOnce, expectSameCharacters } from './support/integrity.ts';

// Nothing is dropped and nothing is doubled: every line of the source is a marker or is taken by
// exactly one paragraph, every paragraph of either body is shown exactly once, in the headline or
// in a row, and the rendered HTML holds the same text, counted, not just found (support/integrity.ts).

function expectIntact(source: string, file: string): void {
  const parsed = parseDocument(source, file);
  const doc = buildDocument(parsed);
  expectEveryLineOnce(source, parsed);
  expectEveryParagraphOnce(parsed, doc);
  expectSameCharacters(source, parsed, doc);
}

const ENTITY_HEADING = /^\s*\*\*\s*Named Entities\s*\*\*\s*$/i;
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
  it('takes every line once, shows every paragraph of both bodies exactly once, in the headline or a row, and in the HTML', () => {
    expectIntact(readSeed(), SEED_FILE);
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

  it.each(files)('takes every line of %s once and shows every paragraph exactly once, in the headline or a row, and in the HTML', (file) => {
    expectIntact(readCorpus(file), file);
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
