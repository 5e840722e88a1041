/**
 * Nothing lost, nothing doubled: the checks the integrity tests, the bad-files matrix and the
 * property tests share. Three levels, each against an independent reading of the source:
 *
 * - `expectEveryLineOnce`: every non-blank source line is taken by exactly one part of the parsed
 *   document (a paragraph, the headline, a byline, an entity), with the same characters, or is a
 *   marker the format defines (a header field, `<hr />`, `Original:`, the date, `第N版`, `专栏：`).
 * - `expectEveryParagraphOnce`: every parsed paragraph is shown exactly once, in the headline or a
 *   row, and the rendered HTML holds the same text, counted, not just found.
 * - `expectSameCharacters`: the bodies between the markers, read naively (as
 *   test/e2e/integrity.e2e.ts reads them from the built page), hold the characters the model shows.
 */
import { expect } from 'vitest';
import { buildDocument, type DocumentModel } from '../../../src/lib/document/model.ts';
import { splitHeadline } from '../../../src/lib/document/headline.ts';
import { parseDocument, type ParsedDocument } from '../../../src/lib/document/parse.ts';
import { renderRows } from '../../../src/lib/render/html.ts';
import { renderedParagraphs, tally } from './corpus.ts';

const range = (n: number) => Array.from({ length: n }, (_, k) => k + 1);
const key = (p: { line: number; text: string }) => `${p.line}:${p.text}`;

/** Text without white space and literal `\t` escapes: what "the same characters" compares. */
export const squash = (s: string) => s.replace(/\\t|[\s\u3000\u00a0\uFEFF]/g, '');

/** The lines of a source as the parser numbers them. */
export const sourceLines = (source: string) => source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/** Lines the format defines as markers: shown as metadata or not at all, never as text. */
const MARKER = [
  /^(Title|Author|Date|Page|Edition|Column)\s*[:：]/i,
  /^<hr\s*\/?>$/i,
  /^Original\s*[:：]$/i,
  /^\*\*\s*Named Entities\s*\*\*$/i,
  /^(?:<br\s*\/?>\s*)+$/i,
  /^\d{4}-\d{2}-\d{2}$/,
  /^第\s*[0-9０-９]+\s*版/,
  /^专栏\s*[：:]/,
  /^[A-Za-z][A-Za-z /&-]*[:：]$/, // a group heading in the entity block
];

export function expectEveryLineOnce(source: string, parsed: ParsedDocument): void {
  const lines = sourceLines(source);
  const taken = new Map<number, string>();
  // Problems are collected, not asserted one by one: a document of thousands of lines stays fast.
  const problems: string[] = [];
  const take = (line: number, what: string, text: string, from: string) => {
    if (taken.has(line)) problems.push(`line ${line} taken as ${what} and as ${taken.get(line)}`);
    taken.set(line, what);
    if (squash(text) !== squash(from)) problems.push(`line ${line}: ${what} "${text.slice(0, 30)}" differs from its source "${from.slice(0, 30)}"`);
  };
  for (const p of parsed.en.paragraphs) take(p.line, 'an English paragraph', p.text, lines[p.line - 1]!);
  for (const p of parsed.zh.paragraphs) {
    take(p.line, 'a Chinese paragraph', p.text, lines.slice(p.line - 1, p.endLine).join(''));
    for (let l = p.line + 1; l <= p.endLine; l++) take(l, 'a joined line', '', '');
  }
  for (const b of parsed.zh.bylines) take(b.line, 'a byline', b.text, lines[b.line - 1]!);
  take(parsed.zh.headlineLine, 'the headline', parsed.zh.headline.join(''), lines[parsed.zh.headlineLine - 1]!.replace(/^\s*#+/, ''));
  for (const e of [...parsed.en.entities, ...parsed.en.entityLines]) if (taken.has(e.line)) problems.push(`entity line ${e.line} taken twice`);
  for (const e of [...parsed.en.entities, ...parsed.en.entityLines]) taken.set(e.line, 'an entity');
  lines.forEach((raw, k) => {
    const text = raw
      .trim()
      .replace(/^(?:\\t)+|(?:\\t)+$/g, '')
      .trim();
    if (text && !taken.has(k + 1) && !MARKER.some((m) => m.test(text))) problems.push(`line ${k + 1} "${text.slice(0, 40)}" is neither shown nor a marker`);
  });
  expect(problems).toEqual([]);
}

export function expectEveryParagraphOnce(parsed: ParsedDocument, doc: DocumentModel = buildDocument(parsed)): void {
  const split = splitHeadline(parsed);
  const html = renderRows(doc.rows);
  expect(parsed.zh.paragraphs.length, 'Chinese paragraphs').toBeGreaterThan(0);
  expect(doc.rows.length, 'rows').toBeGreaterThan(0);
  const problems: string[] = [];

  // Chinese: headline lines plus numbered rows, each source paragraph once (by line and text).
  const zhHead = split.zhHead.map((_, k) => ({ line: doc.headlineLines[k]!, text: doc.headlineZh[k]! }));
  expect(zhHead.map(key)).toEqual(split.zhHead.map(key));
  const zhRows = doc.rows.flatMap((r) => r.zh);
  const zhShown = tally([...zhHead, ...zhRows].map(key));
  for (const p of parsed.zh.paragraphs) if (zhShown.get(key(p)) !== 1) problems.push(`Chinese line ${p.line} shown ${zhShown.get(key(p)) ?? 0} times`);
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
  const enRows = doc.rows.flatMap((r) => r.en);
  const counts = (shown: { text: string }[], held: { text: string }[]) => {
    const inHtml = tally(shown.map((p) => p.text));
    for (const [text, count] of tally(held.map((p) => p.text)))
      if (inHtml.get(text) !== count) problems.push(`HTML count of "${text.slice(0, 30)}": ${inHtml.get(text) ?? 0}, rows ${count}`);
  };
  counts(zhHtml, zhRows);
  counts(enHtml, enRows);
  expect(problems).toEqual([]);
  expect(html.match(/<p[^>]* data-n="/g) ?? []).toHaveLength(zhRows.length);
  expect(html.match(/<p[^>]* data-e="/g) ?? []).toHaveLength(enRows.length);
}

/**
 * The bodies of a well-formed source (header, `<hr />`, `专栏：` present), read line by line without
 * the parser: the English between the header and `<hr />` (or the entity block), the Chinese after
 * `专栏：`. The same reader as test/e2e/integrity.e2e.ts.
 */
export function naiveBodies(source: string): { zh: string; en: string } {
  const lines = sourceLines(source);
  const hr = lines.findIndex((l) => /^\s*<hr\s*\/?>\s*$/i.test(l));
  const field = /^\s*(Title|Author|Date|Page|Edition|Column)\s*:/i;
  let i = 0;
  while (i < hr && (!lines[i]!.trim() || field.test(lines[i]!))) i++;
  const en: string[] = [];
  for (; i < hr; i++) {
    if (/^\s*\*\*\s*Named Entities\s*\*\*\s*$/i.test(lines[i]!)) break;
    if (/^\s*(<br\s*\/?>\s*)+$/i.test(lines[i]!)) continue;
    en.push(lines[i]!);
  }
  const col = lines.findIndex((l, k) => k > hr && /^\s*专栏[：:]/.test(l));
  return { zh: squash(lines.slice(col + 1).join('')), en: squash(en.join('')) };
}

/** The characters of both bodies, read naively, are those the model shows, in order. */
export function expectSameCharacters(source: string, parsed: ParsedDocument, doc: DocumentModel = buildDocument(parsed)): void {
  const { zh, en } = naiveBodies(source);
  // The headline shows body lines when the body repeats it; otherwise it is the `###` line.
  const fromBody = doc.headlineLines[0] !== parsed.zh.headlineLine;
  const shownZh = squash((fromBody ? doc.headlineZh.join('') : '') + doc.rows.flatMap((r) => r.zh.map((z) => z.text)).join(''));
  const shownEn = squash([...doc.headlineEn, ...doc.rows.flatMap((r) => r.en)].map((e) => e.text).join(''));
  expect(shownZh.length, 'Chinese characters shown').toBe(zh.length);
  expect(shownZh === zh, 'the Chinese shown is the source body, in order').toBe(true);
  expect(shownEn.length, 'English characters shown').toBe(en.length);
  expect(shownEn === en, 'the English shown is the source body, in order').toBe(true);
}

/** All three checks on one source, which must be read; returns the model. */
export function expectNothingLost(source: string, file: string): DocumentModel {
  const parsed = parseDocument(source, file);
  const doc = buildDocument(parsed);
  expectEveryLineOnce(source, parsed);
  expectEveryParagraphOnce(parsed, doc);
  return doc;
}
