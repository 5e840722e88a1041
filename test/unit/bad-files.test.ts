import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { SourceError } from '../../src/lib/errors.ts';
import { loadDocument } from '../../src/node/load.ts';
import { readSeed, SEED_FILE } from './support/corpus.ts';
import { sourceError } from './support/errors.ts';
import { expectEveryLineOnce, expectEveryParagraphOnce, expectNothingLost, expectSameCharacters, sourceLines } from './support/integrity.ts';

// The bad-files matrix of README "Content format": each kind of malformed file is either read,
// with every character of it on the page, or refused with file, line, what is wrong and the fix.
// Files that only exist as bytes (encodings, binary, two files) go through loadDocument; the rest
// through the parser. The 5 MB and 2,000-paragraph documents are generated here, not committed.

const seed = readSeed();
const lines = sourceLines(seed);
/** Line numbers (1-based) of the seed's markers. */
const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l)) + 1;
const HR = at(/^<hr/);
const ORIGINAL = at(/^Original:/);
const HEADLINE = at(/^###/);
const COLUMN = at(/^专栏/);
const without = (...drop: number[]) => lines.filter((_, k) => !drop.includes(k + 1)).join('\n');

/** Reads and checks that nothing was lost (see support/integrity.ts). */
function expectRead(source: string, file = SEED_FILE) {
  const doc = expectNothingLost(source, file);
  expectSameCharacters(source, parseDocument(source, file), doc);
  return doc;
}

const dir = mkdtempSync(join(tmpdir(), 'duizhao-bad-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Writes bytes to a file of the temporary folder and loads it; a SourceError is returned, not thrown. */
function load(file: string, bytes: Buffer | string) {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), bytes);
  try {
    return loadDocument(dir, file);
  } catch (e) {
    if (e instanceof SourceError) return e;
    throw e;
  }
}

describe('the bad-files matrix', () => {
  it('no <hr />: refused at the Original: line, with where to put it', () => {
    const error = sourceError(() => parseDocument(without(HR), 'no-hr.txt'));
    expect(error.format()).toBe(
      `no-hr.txt:${ORIGINAL - 1}: no \`<hr />\` line separates the English translation from the Chinese original that starts here.\n  Fix: Add a line \`<hr />\` above line ${ORIGINAL - 1}.`,
    );
  });

  it('no Original:: read, every character shown, with a note where the Chinese part starts', () => {
    const source = without(ORIGINAL);
    const doc = expectRead(source);
    expect(doc.rows).toHaveLength(12);
    expect(doc.notes).toEqual([{ line: HEADLINE - 1, message: 'no "Original:" line after `<hr />`; the Chinese part starts here.' }]);
  });

  it('no English paragraphs: read, every Chinese paragraph a "no translation" row, with a note', () => {
    const source = lines.filter((_, k) => k < 4 || k + 1 >= HR).join('\n');
    const doc = expectRead(source);
    expect(doc.rows.map((r) => r.kind)).toEqual(new Array(12).fill('no-translation'));
    expect(doc.notes.map((n) => n.message)).toContain('the English translation has no paragraphs: every Chinese paragraph is shown as "no translation".');
  });

  it('no English part at all (the file starts at <hr />): refused at line 1', () => {
    const error = sourceError(() => parseDocument(lines.slice(HR - 1).join('\n'), 'chinese-only.txt'));
    expect(error.format()).toBe(
      'chinese-only.txt:1: the file has no English part: it starts with the Chinese original ("<hr />").\n  Fix: Above it write the English header (`Title:`, `Author:`, `Date:`, `Page:`), the English translation and a line `<hr />`; a document not yet translated still needs the header and `<hr />`.',
    );
  });

  it('no Chinese part (nothing after <hr />): refused at the <hr /> line', () => {
    const error = sourceError(() => parseDocument(lines.slice(0, HR).join('\n') + '\n\n', 'english-only.txt'));
    expect(error.format()).toBe(
      `english-only.txt:${HR}: the Chinese original is missing: nothing follows the \`<hr />\` line.\n  Fix: After \`<hr />\` write \`Original:\`, the \`### \` headline, the date, \`第N版()\`, \`专栏：\` and the Chinese paragraphs, one per line.`,
    );
  });

  it('no Chinese part (nothing after Original:): refused at the end of the file', () => {
    const error = sourceError(() => parseDocument(lines.slice(0, ORIGINAL).join('\n'), 'english-only.txt'));
    expect(error.line).toBe(ORIGINAL);
    expect(error.message).toBe(`english-only.txt:${ORIGINAL}: the Chinese original is missing: nothing follows \`Original:\`.`);
  });

  it('an empty file: refused at line 1', () => {
    const error = load('empty.txt', '');
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).format()).toBe(
      'empty.txt:1: the file is empty.\n  Fix: Write the English translation, a line `<hr />`, then `Original:` and the Chinese original (see README.md, "Content format").',
    );
  });

  it('a binary file (a PNG saved as .txt): refused as binary, at the line of its first NUL byte', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]);
    const error = load('picture.txt', png) as SourceError;
    expect(error).toBeInstanceOf(SourceError);
    expect(error.format()).toBe(
      'picture.txt:3: the file is binary (it contains NUL bytes), not an archive text file.\n  Fix: Save the document as UTF-8 text.',
    );
  });

  it('GBK text: refused at the line of its first non-UTF-8 byte, with the iconv command', () => {
    // The seed with its Chinese part in GBK: 铜 is cd ad there.
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, HEADLINE - 1).join('\n') + '\n### '), Buffer.from([0xcd, 0xad, 0xc2, 0xc1]), Buffer.from('\n')]);
    const error = load('gbk.txt', bytes) as SourceError;
    expect(error.format()).toBe(
      `gbk.txt:${HEADLINE}: the file is not UTF-8 text (GBK or GB 2312, as older Chinese files often are?).\n  Fix: Convert it to UTF-8, for example \`iconv -f GBK -t UTF-8 "gbk.txt" > converted.txt\`.`,
    );
  });

  it.each([
    ['with a byte-order mark', 'utf16-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]), 'UTF-16'],
    ['little-endian without one', 'utf16le.txt', Buffer.from(seed, 'utf16le'), 'UTF-16LE'],
    ['big-endian without one', 'utf16be.txt', Buffer.from(seed, 'utf16le').swap16(), 'UTF-16BE'],
  ])('UTF-16 text %s: refused, with the iconv command for its byte order', (_kind, file, bytes, encoding) => {
    const error = load(file, bytes) as SourceError;
    expect(error.format()).toBe(
      `${file}:1: the file is UTF-16 text; archive files are UTF-8.\n  Fix: Save it as UTF-8 (for example \`iconv -f ${encoding} -t UTF-8 "${file}" > converted.txt\`).`,
    );
  });

  it('a byte-order mark: read as if absent, every character shown', () => {
    const loaded = load('bom.txt', `\uFEFF${seed}`);
    expect(loaded).not.toBeInstanceOf(SourceError);
    expectRead(`\uFEFF${seed}`);
    expect(buildDocument(parseDocument(`\uFEFF${seed}`, SEED_FILE))).toEqual(buildDocument(parseDocument(seed, SEED_FILE)));
  });

  it('CRLF line endings (and old Mac CR): read as LF, every character shown, no \\r in any text', () => {
    for (const source of [seed.replace(/\n/g, '\r\n'), seed.replace(/\n/g, '\r')]) {
      const doc = expectRead(source);
      expect(doc).toEqual(buildDocument(parseDocument(seed, SEED_FILE)));
      expect(JSON.stringify(doc)).not.toContain('\\r');
    }
  });

  it.each([
    ['an impossible day', 'Date: 1958-02-30', '"1958-02-30" is not a date in the form YYYY-MM-DD.'],
    ['words', 'Date: September 25, 1958', '"September 25, 1958" is not a date in the form YYYY-MM-DD.'],
    ['slashes', 'Date: 1958/09/25', '"1958/09/25" is not a date in the form YYYY-MM-DD.'],
  ])('a date that does not parse (%s): refused at the Date line', (_kind, line, problem) => {
    const dateLine = at(/^Date:/);
    const error = sourceError(() => parseDocument(lines.map((l, k) => (k + 1 === dateLine ? line : l)).join('\n'), 'bad-date.txt'));
    expect(error.format()).toBe(`bad-date.txt:${dateLine}: ${problem}\n  Fix: Write the date as \`Date: 1958-09-25\`.`);
  });

  it('two documents with the same URL: both read, the second at -2, saying which URL it wanted', () => {
    const first = load('1958/1958-09-25-p1-copper-and-aluminum.txt', seed);
    const taken = new Map<string, string>();
    const a = loadDocument(dir, '1958/1958-09-25-p1-copper-and-aluminum.txt', taken);
    load('1959/1958-09-25-p1-copper-and-aluminum.txt', seed);
    const b = loadDocument(dir, '1959/1958-09-25-p1-copper-and-aluminum.txt', taken);
    expect(first).not.toBeInstanceOf(SourceError);
    expect([a.path, b.path, b.wanted]).toEqual(['1958-09-25/p1/copper-and-aluminum/', '1958-09-25/p1/copper-and-aluminum-2/', a.path]);
  });

  it('a headline with no body: refused at the headline, saying how a picture with only a headline is written', () => {
    const error = sourceError(() => parseDocument(lines.slice(0, COLUMN).join('\n'), 'headline-only.txt'));
    expect(error.format()).toBe(
      `headline-only.txt:${HEADLINE}: the Chinese original has no paragraphs after its header.\n  Fix: Write the Chinese paragraphs after the \`专栏：\` line, one paragraph per line; a picture with only a headline repeats it there as its one paragraph.`,
    );
  });

  it('a headline repeated as its one paragraph (a picture): read, the line a row of its own', () => {
    const english = '    The CCP Central Committee and the State Council Issue Instructions';
    const source = [...lines.slice(0, 4), '', english, '', ...lines.slice(HR - 1, COLUMN), '', '    中共中央和国务院指示抓住大跃进中薄弱环节'].join('\n');
    const doc = expectRead(source);
    expect(doc.rows.map((r) => [r.zh.map((z) => z.text), r.en.map((e) => e.text)])).toEqual([[['中共中央和国务院指示抓住大跃进中薄弱环节'], [english.trim()]]]);
  });
});

/** The seed's English and Chinese bodies (the Chinese without its repeated headline decks). */
const enBody = lines.slice(at(/^Xinhua/) - 1, HR - 1).filter((l) => l.trim());
const zhDecks = lines.slice(COLUMN, COLUMN + 4).filter((l) => l.trim());
const zhBody = lines.slice(COLUMN + 4).filter((l) => l.trim());
/** The seed's rows as [Chinese numbers, English numbers]. */
const seedShape = buildDocument(parseDocument(seed, SEED_FILE)).rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)]);

/** The seed with its bodies repeated `times`, each paragraph `longer` times as long. */
function repeated(times: number, longer = 1): string {
  const grow = (line: string, sep: string) => line.replace(/^(\s*)(.*)$/, (_, indent: string, text: string) => indent + new Array(longer).fill(text).join(sep));
  const en = Array.from({ length: times }, () => enBody.map((l) => grow(l, ' '))).flat();
  const zh = Array.from({ length: times }, () => zhBody.map((l) => grow(l, ''))).flat();
  return [...lines.slice(0, 4), '', ...en, '', ...lines.slice(HR - 1, COLUMN), ...zhDecks, ...zh, ''].join('\n');
}

/** Reads a large document, checks nothing was lost and its rows are the seed's, repeated; returns the seconds taken. */
function expectLargeRead(source: string, times: number): number {
  const start = performance.now();
  const parsed = parseDocument(source, 'large.txt');
  const doc = buildDocument(parsed);
  const seconds = (performance.now() - start) / 1000;
  expectEveryLineOnce(source, parsed);
  expectEveryParagraphOnce(parsed, doc);
  expectSameCharacters(source, parsed, doc);
  const zhEach = zhBody.length;
  const enEach = enBody.length;
  const expected = Array.from({ length: times }, (_, t) =>
    seedShape.map(([zh, en]) => [zh!.map((n) => n + t * zhEach), en!.map((e) => e + t * enEach)]),
  ).flat();
  expect(doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual(expected);
  return seconds;
}

describe('large documents', () => {
  it('2,000 paragraphs: read, aligned row for row as the seed, in seconds, not minutes', { timeout: 120_000 }, () => {
    const source = repeated(167);
    expect(parseDocument(source, 'large.txt').zh.paragraphs.length).toBeGreaterThanOrEqual(2000);
    const seconds = expectLargeRead(source, 167);
    // Quadratic alignment took about 220 s here; the banded one takes 3 s (8 s with the whole unit suite
    // running beside it): the bound leaves room for a busy machine and still catches a square.
    expect(seconds).toBeLessThan(60);
  });

  it('a 5 MB document of long paragraphs: read, aligned row for row as the seed, in seconds', { timeout: 120_000 }, () => {
    const source = repeated(21, 20);
    expect(Buffer.byteLength(source)).toBeGreaterThan(5_000_000);
    const seconds = expectLargeRead(source, 21);
    expect(seconds).toBeLessThan(60);
  });

  it('one paragraph of 2 MB in English and 1 MB in Chinese: read in seconds, its sentences aligned in a band', { timeout: 120_000 }, () => {
    const en = `    ${new Array(280).fill(enBody.slice(1).join(' ')).join(' ')}`;
    const zh = `    ${new Array(280).fill(zhBody.join('')).join('')}`;
    const source = [...lines.slice(0, 4), '', en, '', ...lines.slice(HR - 1, COLUMN), zh, ''].join('\n');
    expect(Buffer.byteLength(en)).toBeGreaterThan(2_000_000);
    expect(Buffer.byteLength(zh)).toBeGreaterThan(1_000_000);
    const start = performance.now();
    const parsed = parseDocument(source, 'one-paragraph.txt');
    const doc = buildDocument(parsed);
    expect((performance.now() - start) / 1000).toBeLessThan(60);
    expectEveryParagraphOnce(parsed, doc);
    expectSameCharacters(source, parsed, doc);
    expect(doc.rows).toHaveLength(1);
  });
});
