import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { align } from '../../src/lib/document/align.ts';
import { buildDocument, type DocumentModel } from '../../src/lib/document/model.ts';
import { parseDocument, type ParsedDocument } from '../../src/lib/document/parse.ts';
import { SourceError } from '../../src/lib/errors.ts';
import { decodeDocument } from '../../src/node/load.ts';
import { documentSchema } from '../../src/schemas/document.ts';
import { corpusFiles, readCorpus, readSeed, SEED_FILE } from './support/corpus.ts';
import { expectEveryLineOnce, expectEveryParagraphOnce, expectSameCharacters, sourceLines, squash } from './support/integrity.ts';

// Issue 11, "Nothing lost": random and mutated documents never make the parser or the aligner
// throw anything but SourceError (file, line, problem, fix), never give the loader a model its
// schema rejects (that would stop the build past our message), and every character of a file that
// is read ends up in exactly one place (support/integrity.ts). Counterexamples the properties
// found are kept as plain tests at the end.

/** The seed and every corpus file (the corpus may be missing on a fresh clone: then the seed alone). */
const SOURCES: { file: string; text: string }[] = [{ file: SEED_FILE, text: readSeed() }, ...corpusFiles().map((file) => ({ file, text: readCorpus(file) }))];

type Read = { parsed: ParsedDocument; doc: DocumentModel } | { error: SourceError };

/** Parses and builds, as the loader does; anything thrown but a SourceError fails the property. */
function read(source: string, file: string): Read {
  try {
    const parsed = parseDocument(source, file);
    return { parsed, doc: buildDocument(parsed) };
  } catch (e) {
    if (e instanceof SourceError) return { error: e };
    throw e;
  }
}

/** A refusal names the file and a line of it, says what is wrong and how to fix it. */
function expectGoodRefusal(error: SourceError, source: string, file: string): void {
  expect(error.file).toBe(file);
  expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= sourceLines(source).length + 1, `line ${error.line}`).toBe(true);
  expect(error.message.startsWith(`${file}:${error.line}: `)).toBe(true);
  expect(error.message.length).toBeGreaterThan(`${file}:${error.line}: `.length + 10);
  expect(error.hint.length).toBeGreaterThan(10);
}

/** The whole check for one source: refused well, or read with nothing lost and a valid model. */
function expectReadOrRefused(source: string, file: string): Read {
  const result = read(source, file);
  if ('error' in result) {
    expectGoodRefusal(result.error, source, file);
    return result;
  }
  const stored = documentSchema.safeParse({ ...result.doc, file, path: 'x/' });
  expect(stored.success, stored.success ? '' : JSON.stringify(stored.error.issues.slice(0, 3))).toBe(true);
  expectEveryLineOnce(source, result.parsed);
  expectEveryParagraphOnce(result.parsed, result.doc);
  return result;
}

// --- Mutations of real documents.

/** Text fast-check may put anywhere: any code point, or Chinese and English text and markers. */
const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    '<hr />',
    'Original:',
    '### 标题',
    '专栏：',
    '第1版()',
    '1958-09-25',
    'Title: T',
    'Date: 1958-13-01',
    'Page: 0',
    '**Named Entities**',
    '<br>',
    '\\t',
    '。',
    '（新华社）',
    '"',
    '\u3000',
    '\t',
    ' ',
    '\r',
    '\uFEFF',
    '\u0000',
  ),
);
const indent = fc.constantFrom('', ' ', '  ', '    ', '\t', '\u3000\u3000', '\\t', '\u00a0', ' \u3000');

type Mutation =
  | { op: 'drop' | 'duplicate' | 'blank' | 'marker'; at: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'shuffle'; at: number; width: number; seed: number }
  | { op: 'insert'; at: number; offset: number; text: string }
  | { op: 'line'; at: number; text: string }
  | { op: 'indent'; at: number; indent: string }
  | { op: 'trailing'; at: number; text: string };

const position = fc.nat({ max: 10_000 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('drop', 'duplicate', 'blank', 'marker'), at: position }),
  fc.record({ op: fc.constant('swap'), at: position, to: position }),
  fc.record({ op: fc.constant('shuffle'), at: position, width: fc.integer({ min: 2, max: 8 }), seed: fc.nat() }),
  fc.record({ op: fc.constant('insert'), at: position, offset: position, text: noise }),
  fc.record({ op: fc.constant('line'), at: position, text: noise }),
  fc.record({ op: fc.constant('indent'), at: position, indent }),
  fc.record({ op: fc.constant('trailing'), at: position, text: fc.constantFrom(' ', '\t', '\u3000', '  \\t', '\r') }),
);

/** Lines the format gives a meaning to: removing one is "a marker removed". */
const MARKER = /^\s*(<hr|Original|###|专栏|第\s*\d+\s*版|\d{4}-\d{2}-\d{2}\s*$|Title|Author|Date|Page|Edition|Column|\*\*\s*Named)/i;

function mutate(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  if (!out.length) return m.op === 'line' ? [m.text] : out;
  const k = m.at % out.length;
  switch (m.op) {
    case 'drop':
      out.splice(k, 1);
      break;
    case 'duplicate':
      out.splice(k, 0, out[k]!);
      break;
    case 'blank':
      out.splice(k, 0, '');
      break;
    case 'marker': {
      const markers = out.flatMap((l, n) => (MARKER.test(l) ? [n] : []));
      if (markers.length) out.splice(markers[m.at % markers.length]!, 1);
      break;
    }
    case 'swap': {
      const l = m.to % out.length;
      [out[k], out[l]] = [out[l]!, out[k]!];
      break;
    }
    case 'shuffle': {
      const part = out.slice(k, k + m.width);
      let s = m.seed;
      for (let n = part.length - 1; n > 0; n--) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        const r = s % (n + 1);
        [part[n], part[r]] = [part[r]!, part[n]!];
      }
      out.splice(k, part.length, ...part);
      break;
    }
    case 'insert': {
      const line = out[k]!;
      const at = m.offset % (line.length + 1);
      out[k] = line.slice(0, at) + m.text + line.slice(at);
      break;
    }
    case 'line':
      out.splice(k, 0, m.text);
      break;
    case 'indent':
      out[k] = m.indent + out[k]!.replace(/^[ \t\u3000]+/, '');
      break;
    case 'trailing':
      out[k] = out[k]! + m.text;
      break;
  }
  return out;
}

const ending = fc.constantFrom('\n', '\r\n', '\r');
const mutated = fc
  .record({
    source: fc.nat({ max: SOURCES.length - 1 }),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }),
    ending,
    bom: fc.boolean(),
  })
  .map(({ source, mutations, ending, bom }) => {
    const { file, text } = SOURCES[source]!;
    const lines = mutations.reduce(mutate, text.split('\n'));
    return { file, text: (bom ? '\uFEFF' : '') + lines.join(ending), mutations };
  });

// --- Random documents: paragraphs drawn from the sources (or random text), written out in the
// format with random indentation, blank lines and line endings. What is shown must be exactly
// the paragraphs written.

const ALL_EN = SOURCES.flatMap((s) => parseDocument(s.text, s.file).en.paragraphs.map((p) => p.text));
const ALL_ZH = SOURCES.flatMap((s) => parseDocument(s.text, s.file).zh.paragraphs.map((p) => p.text));
/** Random text for one line: no line break, not blank, not starting like a marker. */
const lineText = (pool: string[]) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pool) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pool), noise).map(([a, b]) => a + b) },
    )
    // One line of text: no line break, and no NUL (a NUL makes the file binary, refused).
    .map((t) =>
      t
        .replace(/[\r\n]/g, '')
        .replaceAll(String.fromCharCode(0), '')
        .trim(),
    )
    .filter((t) => t.length > 0 && !MARKER.test(t) && !/^<br/i.test(t) && !/^[A-Za-z][A-Za-z /&-]*[:：]$/.test(t));

const randomDocument = fc
  .record({
    en: fc.array(lineText(ALL_EN), { maxLength: 12 }),
    zh: fc.array(lineText(ALL_ZH), { minLength: 1, maxLength: 12 }),
    headline: fc.array(fc.constantFrom(...ALL_ZH.filter((t) => t.length < 30 && !/\s/.test(t))), { minLength: 1, maxLength: 3 }),
    enIndent: indent,
    zhIndent: fc.constantFrom('', ' ', '   ', '    ', '\u3000\u3000', '\t'),
    gaps: fc.boolean(),
    original: fc.boolean(),
    ending,
  })
  .map((d) => {
    const body = (lines: string[], pad: string) => lines.flatMap((l) => (d.gaps ? [pad + l, ''] : [pad + l]));
    const lines = [
      'Title: A Random Document',
      'Author:',
      'Date: 1958-09-25',
      'Page: 3',
      '',
      ...body(d.en, d.enIndent),
      '',
      '<hr />',
      '',
      ...(d.original ? ['Original:', ''] : []),
      `### ${d.headline.join('  ')}`,
      '',
      '1958-09-25',
      '第3版()',
      '专栏：',
      '',
      ...body(d.zh, d.zhIndent),
    ];
    return { ...d, text: lines.join(d.ending) };
  });

describe('nothing lost (property-based)', () => {
  it('mutated documents are read with every line once, or refused with file, line, problem and fix', () => {
    fc.assert(
      fc.property(mutated, ({ file, text }) => {
        expectReadOrRefused(text, file);
      }),
      { numRuns: 400 },
    );
  });

  it('random documents are read with exactly the characters written, each once and in order', () => {
    fc.assert(
      fc.property(randomDocument, (d) => {
        const result = expectReadOrRefused(d.text, 'random.txt');
        if ('error' in result) throw result.error;
        expectSameCharacters(d.text, result.parsed, result.doc);
        const shownEn = [...result.doc.headlineEn, ...result.doc.rows.flatMap((r) => r.en)].map((e) => e.text).join('');
        expect(squash(shownEn)).toBe(squash(d.en.join('')));
      }),
      { numRuns: 200 },
    );
  });

  it('bytes of any kind give text or a refusal, never an exception of another kind', () => {
    const seed = Buffer.from(readSeed());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: seed.length }), fc.uint8Array({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 5 }), (edits) => {
        let bytes = seed;
        for (const [at, insert] of edits) bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);
        let text: string;
        try {
          text = decodeDocument(bytes, 'bytes.txt');
        } catch (e) {
          if (!(e instanceof SourceError)) throw e;
          expect(e.format()).toMatch(/^bytes\.txt:\d+: .+\n {2}Fix: .+/);
          return;
        }
        expectReadOrRefused(text, 'bytes.txt');
      }),
      { numRuns: 150 },
    );
  });

  it('the aligner puts every paragraph of both sides in exactly one bead, in order, whatever the texts and options', () => {
    const text = (pool: string[]) => fc.oneof(fc.constantFrom(...pool), fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(
      fc.property(
        fc.array(text(ALL_ZH), { maxLength: 40 }),
        fc.array(text(ALL_EN), { maxLength: 40 }),
        fc.record({
          truncated: fc.boolean(),
          alone: fc.array(fc.nat({ max: 40 })),
          skip: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { maxLength: 6 }),
        }),
        (zh, en, options) => expectCovers(align(zh, en, options), zh.length, en.length),
      ),
      { numRuns: 300 },
    );
  });

  it('the aligner covers every paragraph in the band it keeps to past a million cells', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 900, max: 1400 }), fc.integer({ min: 900, max: 1400 }), fc.nat(), (n, m, seed) => {
        const zh = Array.from({ length: n }, (_, k) => ALL_ZH[(seed + k) % ALL_ZH.length]!);
        const en = Array.from({ length: m }, (_, k) => ALL_EN[(seed * 7 + k) % ALL_EN.length]!);
        expectCovers(align(zh, en, { truncated: seed % 2 === 0 }), n, m);
      }),
      { numRuns: 3 },
    );
  });
});

/** Every Chinese index once, every English index after the skipped ones once, in order; beads not empty. */
function expectCovers(result: ReturnType<typeof align>, zhCount: number, enCount: number): void {
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);
  expect(result.beads.flatMap((b) => b.zh)).toEqual(range(0, zhCount));
  expect(result.beads.flatMap((b) => b.en)).toEqual(range(result.skipped, enCount));
  for (const b of result.beads) {
    expect(b.zh.length + b.en.length).toBeGreaterThan(0);
    expect(b.confidence >= 0 && b.confidence <= 1, `confidence ${b.confidence}`).toBe(true);
  }
  expect(Number.isFinite(result.cost), `cost ${result.cost}`).toBe(true);
}

// Counterexamples the properties found, kept as plain tests.
describe('nothing lost: counterexamples', () => {
  it.each([
    ['U+2028 LINE SEPARATOR', '\u2028'],
    ['U+2029 PARAGRAPH SEPARATOR', '\u2029'],
  ])('shows a paragraph holding %s, which a regular expression’s "." does not match, once in the HTML', (_name, separator) => {
    const text = `Title: A Random Document\nAuthor:\nDate: 1958-09-25\nPage: 3\n\n<hr />\n\n### 中共中央和国务院指示抓住大跃进中薄弱环节\n\n1958-09-25\n第3版()\n专栏：\n\n!${separator}!\n中共中央和国务院指示抓住大跃进中薄弱环节`;
    const result = expectReadOrRefused(text, 'separator.txt');
    if ('error' in result) throw result.error;
    expect(result.doc.rows.map((r) => r.zh.map((z) => z.text))).toEqual([[`!${separator}!`], ['中共中央和国务院指示抓住大跃进中薄弱环节']]);
  });
});
