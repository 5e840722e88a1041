/**
 * Longer than 250 lines because the file is read in one pass, top to bottom, and each refusal is
 * written where its line is found, so that the order of the checks is the order of the file.
 *
 * Parses one archive file: the English translation, `<hr />`, `Original:`, the Chinese original.
 * Reference: the seed `content/documents/1958-09-25-p1-copper-and-aluminum.txt`; the irregular
 * variants handled here are listed in `../shared/corpus/README.md`.
 *
 * Throws `SourceError` (file, line, problem, fix) for what cannot be read; returns `notes` for
 * irregularities that were read and kept. No text is dropped: every non-blank line of either body
 * becomes (part of) a paragraph, and the named-entity block is returned as data.
 */
import { SourceError, type SourceNote } from '../errors.ts';
import { parseEntityBlock, type NamedEntity } from './entities.ts';
import { endsSentence, isBreakLine, splitIndent, unescapeTabs } from './text.ts';

export interface Paragraph {
  /** The text, without indentation; every other character as in the source. */
  text: string;
  /** 1-based first source line. */
  line: number;
  /** 1-based last source line (differs from `line` when OCR broke the paragraph). */
  endLine: number;
}

export interface ParsedDocument {
  en: {
    title: string;
    author: string;
    date: string;
    page: string;
    column: string;
    /** Body paragraphs in order, including a dateline line. */
    paragraphs: Paragraph[];
    entities: NamedEntity[];
    /** Lines of the entity block that could not be read as entries (shown as they are). */
    entityLines: { text: string; line: number }[];
  };
  zh: {
    /** The `###` headline, its parts split on two or more spaces or a full-width space. */
    headline: string[];
    headlineLine: number;
    /** Author or source lines between the headline and the date. */
    bylines: Paragraph[];
    date: string;
    page: string;
    /** The section in `第N版(section)`; often empty. */
    section: string;
    /** The column after `专栏：`; often empty. */
    column: string;
    paragraphs: Paragraph[];
  };
  /** Resolved metadata: English header first, Chinese header as fallback. */
  date: string;
  page: number;
  notes: SourceNote[];
}

const HR = /^\s*<hr\s*\/?>\s*$/i;
const ORIGINAL = /^Original\s*[:：]\s*$/i;
const FIELD = /^(Title|Author|Date|Page|Edition|Column)\s*[:：]\s?(.*)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EDITION = /^第\s*([0-9０-９]+)\s*版\s*(?:[(（](.*)[)）])?$/;
const COLUMN = /^专栏\s*[：:]\s*(.*)$/;
const TERMINAL_ZH = /[。！？；…”’」』）)】》!?]$/;

function isValidDate(d: string): boolean {
  if (!DATE.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** Splits a `###` headline into its decks: two or more spaces, or any full-width space. */
export function splitDecks(text: string): string[] {
  return text
    .split(/(?:[ \t]*\u3000[ \t\u3000]*|[ \t]{2,})/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseDocument(source: string, file: string): ParsedDocument {
  const nul = source.indexOf('\u0000');
  if (nul >= 0) {
    const line = source.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new SourceError(file, line, 'the file is binary (it contains NUL bytes), not an archive text file.', 'Save the document as UTF-8 text.');
  }
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const notes: SourceNote[] = [];
  const fail = (line: number, message: string, hint: string): never => {
    throw new SourceError(file, line, message, hint);
  };
  if (!lines.some((l) => l.trim()))
    fail(
      1,
      'the file is empty.',
      'Write the English translation, a line `<hr />`, then `Original:` and the Chinese original (see README.md, "Content format").',
    );

  // --- English header: `Key: value` lines, blank lines allowed between them.
  const fields: Record<string, { value: string; line: number }> = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim()) continue;
    const m = FIELD.exec(raw.trim());
    if (!m) break;
    const key = m[1]!.toLowerCase();
    if (fields[key]) notes.push({ line: i + 1, message: `a second "${m[1]}:" line; the first one (line ${fields[key]!.line}) is used.` });
    else fields[key] = { value: splitIndent(m[2]!).text.trim(), line: i + 1 };
  }
  const first = lines.findIndex((l) => l.trim());
  if (first === i && (HR.test(lines[i]!) || ORIGINAL.test(lines[i]!.trim()) || /^#+\s*\p{Script=Han}/u.test(lines[i]!.trim()))) {
    fail(
      i + 1,
      `the file has no English part: it starts with the Chinese original ("${lines[i]!.trim().slice(0, 40)}").`,
      'Above it write the English header (`Title:`, `Author:`, `Date:`, `Page:`), the English translation and a line `<hr />`; a document not yet translated still needs the header and `<hr />`.',
    );
  }
  if (!fields.title?.value) {
    fail(
      fields.title?.line ?? 1,
      'the English header has no "Title:" (or it is empty).',
      'Start the file with a line `Title: <the English title>`, followed by `Author:`, `Date:` and `Page:` lines.',
    );
  }

  // --- English body, up to `**Named Entities**` or `<hr />`.
  const hrAt = lines.findIndex((l, n) => n >= i && HR.test(l));
  const originalAt = lines.findIndex((l, n) => n >= i && ORIGINAL.test(l.trim()));
  if (hrAt < 0 && originalAt >= 0) {
    fail(
      originalAt + 1,
      'no `<hr />` line separates the English translation from the Chinese original that starts here.',
      `Add a line \`<hr />\` above line ${originalAt + 1}.`,
    );
  }
  if (hrAt < 0) {
    fail(
      lines.length,
      'no `<hr />` line separates the English translation from the Chinese original.',
      'Add a line `<hr />` after the last English paragraph, then a line `Original:` and the Chinese original.',
    );
  }
  const entitiesAt = lines.findIndex((l, n) => n >= i && n < hrAt && /^\s*\*\*\s*Named Entities\s*\*\*\s*$/i.test(l));
  const enEnd = entitiesAt >= 0 ? entitiesAt : hrAt;
  const enParagraphs: Paragraph[] = [];
  for (let n = i; n < enEnd; n++) {
    const raw = lines[n]!;
    if (isBreakLine(raw)) continue;
    const { text } = splitIndent(raw);
    if (text) enParagraphs.push({ text: unescapeTabs(text), line: n + 1, endLine: n + 1 });
  }
  let entities: NamedEntity[] = [];
  let entityLines: { text: string; line: number }[] = [];
  if (entitiesAt >= 0) {
    const block = lines.slice(entitiesAt + 1, hrAt).map((text, k) => ({ text, line: entitiesAt + 2 + k }));
    const read = parseEntityBlock(block);
    entities = read.entities;
    entityLines = read.unread;
    for (const u of read.unread) notes.push({ line: u.line, message: `named-entity line not in the form "汉字<tab>English": shown as it is.` });
  }
  const second = lines.findIndex((l, n) => n > hrAt && HR.test(l));
  if (second >= 0) {
    fail(
      second + 1,
      'a second `<hr />` line: a document has one English part and one Chinese part.',
      'Split the file into one file per document, or remove the extra `<hr />`.',
    );
  }

  // --- Chinese part: `Original:`, `### headline`, bylines, date, 第N版(…), 专栏：…
  let j = hrAt + 1;
  while (j < lines.length && !lines[j]!.trim()) j++;
  if (j === lines.length) {
    fail(
      hrAt + 1,
      'the Chinese original is missing: nothing follows the `<hr />` line.',
      'After `<hr />` write `Original:`, the `### ` headline, the date, `第N版()`, `专栏：` and the Chinese paragraphs, one per line.',
    );
  }
  if (ORIGINAL.test(lines[j]!.trim())) j++;
  else notes.push({ line: j + 1, message: 'no "Original:" line after `<hr />`; the Chinese part starts here.' });
  while (j < lines.length && !lines[j]!.trim()) j++;
  if (j === lines.length) {
    fail(
      j,
      'the Chinese original is missing: nothing follows `Original:`.',
      'After `Original:` write the `### ` headline, the date, `第N版()`, `专栏：` and the Chinese paragraphs, one per line.',
    );
  }
  const headLine = lines[j]?.trim() ?? '';
  if (!headLine.startsWith('#')) {
    fail(
      Math.min(j + 1, lines.length),
      `expected the Chinese headline ("### 标题"), found ${headLine ? `"${headLine.slice(0, 40)}"` : 'the end of the file'}.`,
      'After `Original:` write the headline on one line starting with `### `, its parts separated by two spaces.',
    );
  }
  const headline = splitDecks(headLine.replace(/^#+\s*/, ''));
  if (!headline.length) fail(j + 1, 'the Chinese headline line is empty.', 'Write the headline after `### `.');
  const headlineLine = j + 1;
  j++;
  const bylines: Paragraph[] = [];
  let zhDate = '';
  let zhDateLine = 0;
  let zhPage = '';
  let zhPageLine = 0;
  let section = '';
  let zhColumn = '';
  for (; j < lines.length; j++) {
    const { text } = splitIndent(lines[j]!);
    if (!text) {
      if (zhDate || zhPage || zhColumn) break;
      continue;
    }
    let m: RegExpExecArray | null;
    if (DATE.test(text)) {
      zhDate = text;
      zhDateLine = j + 1;
    } else if ((m = EDITION.exec(text))) {
      zhPage = m[1]!.normalize('NFKC');
      zhPageLine = j + 1;
      section = (m[2] ?? '').trim();
    } else if ((m = COLUMN.exec(text))) {
      zhColumn = m[1]!.trim();
      j++;
      break;
    } else if (!zhDate && !zhPage) bylines.push({ text, line: j + 1, endLine: j + 1 });
    else break;
  }

  // --- Chinese body. An OCR line break leaves a line indented by one to three ASCII spaces
  // continuing a line without final punctuation (`1954-10-02-p2-…national-day.md`): rejoin it.
  const zhParagraphs: Paragraph[] = [];
  for (; j < lines.length; j++) {
    const raw = lines[j]!;
    if (isBreakLine(raw)) continue;
    const { indent, text } = splitIndent(raw);
    if (!text) continue;
    const prev = zhParagraphs[zhParagraphs.length - 1];
    if (prev && /^ {1,3}$/.test(indent) && !TERMINAL_ZH.test(prev.text) && prev.endLine === j) {
      prev.text += unescapeTabs(text);
      prev.endLine = j + 1;
      notes.push({ line: j + 1, message: 'line joined to the paragraph above (a line break inside a paragraph).' });
      continue;
    }
    zhParagraphs.push({ text: unescapeTabs(text), line: j + 1, endLine: j + 1 });
  }
  if (!zhParagraphs.length) {
    fail(
      headlineLine,
      'the Chinese original has no paragraphs after its header.',
      'Write the Chinese paragraphs after the `专栏：` line, one paragraph per line; a picture with only a headline repeats it there as its one paragraph.',
    );
  }

  // --- Resolve date and page, English header first.
  const enDate = fields.date?.value ?? '';
  if (enDate && !isValidDate(enDate)) fail(fields.date!.line, `"${enDate}" is not a date in the form YYYY-MM-DD.`, 'Write the date as `Date: 1958-09-25`.');
  if (zhDate && !isValidDate(zhDate)) fail(zhDateLine, `the Chinese date "${zhDate}" is not a valid date.`, 'Write the date under the headline as 1958-09-25.');
  const date = enDate || zhDate;
  if (!date)
    fail(
      fields.title!.line,
      'the document has no date: neither a "Date:" line nor a date under the Chinese headline.',
      'Add `Date: YYYY-MM-DD` under the `Title:` line.',
    );
  if (enDate && zhDate && enDate !== zhDate)
    notes.push({ line: fields.date!.line, message: `the English date ${enDate} differs from the Chinese date ${zhDate}; the English one is used.` });
  const pageField = fields.page ?? fields.edition;
  const enPage = pageField?.value.normalize('NFKC') ?? '';
  if (pageField && enPage && !/^\d+$/.test(enPage)) fail(pageField.line, `the page "${pageField.value}" is not a number.`, 'Write the page as `Page: 1`.');
  const pageText = enPage || zhPage;
  if (pageText && Number(pageText) < 1)
    fail(enPage ? pageField!.line : zhPageLine, `page ${pageText} does not exist: pages start at 1.`, 'Write the page as `Page: 1`.');
  if (!pageText)
    fail(fields.title!.line, 'the document has no page: neither a "Page:" (or "Edition:") line nor a "第N版" line.', 'Add `Page: N` under the `Date:` line.');
  if (!enParagraphs.length)
    notes.push({ line: enEnd, message: 'the English translation has no paragraphs: every Chinese paragraph is shown as "no translation".' });
  const lastEn = enParagraphs[enParagraphs.length - 1];
  if (lastEn && !endsSentence(lastEn.text) && enParagraphs.length > 0) {
    notes.push({ line: lastEn.line, message: 'the last English paragraph ends without final punctuation (the translation may be truncated).' });
  }

  return {
    en: {
      title: fields.title!.value,
      author: fields.author?.value ?? '',
      date: enDate,
      page: enPage,
      column: fields.column?.value ?? '',
      paragraphs: enParagraphs,
      entities,
      entityLines,
    },
    zh: { headline, headlineLine, bylines, date: zhDate, page: zhPage, section, column: zhColumn, paragraphs: zhParagraphs },
    date: date!,
    page: Number(pageText),
    notes,
  };
}
