/**
 * Reads one document and its optional `.align` override from a folder, and turns it into the
 * stored shape. Shared by the content loader and the command-line reports, so both see the same
 * rows. Node I/O only; no Astro.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOverride } from '../lib/document/overrides.ts';
import { buildDocument } from '../lib/document/model.ts';
import type { StoredDocument } from '../schemas/document.ts';
import { parseDocument } from '../lib/document/parse.ts';
import { SourceError } from '../lib/errors.ts';
import { splitIndent } from '../lib/document/text.ts';
import { documentPath, documentSlug } from '../lib/document/slug.ts';

export interface LoadedDocument {
  path: string;
  /** The URL the document would have had, when another file took it first (see `loadDocument`). */
  wanted?: string;
  source: string;
  override?: string;
  data: StoredDocument;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A document file's text. Archives are UTF-8; a file in another encoding would otherwise be read
 * with its Chinese replaced by U+FFFD, silently, so it is refused with a way to convert it.
 */
export function readDocumentText(dir: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(dir, file));
  } catch (e) {
    throw new SourceError(
      file,
      1,
      `the file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
      'Check that it is a file the user running the build may read; a symbolic link must point at one.',
    );
  }
  return decodeDocument(bytes, file);
}

/** The text of a document file's bytes (see `readDocumentText`); `file` names it in a refusal. */
export function decodeDocument(bytes: Buffer, file: string): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) {
    throw new SourceError(
      file,
      1,
      'the file is UTF-16 text; archive files are UTF-8.',
      `Save it as UTF-8 (for example \`iconv -f ${utf16} -t UTF-8 "${file}" > converted.txt\`).`,
    );
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    if (bytes.includes(0)) return bytes.toString('utf8'); // binary: the parser says so
    const line = bytes.subarray(0, firstInvalid(bytes)).toString('utf8').split('\n').length;
    throw new SourceError(
      file,
      line,
      'the file is not UTF-8 text (GBK or GB 2312, as older Chinese files often are?).',
      `Convert it to UTF-8, for example \`iconv -f GBK -t UTF-8 "${file}" > converted.txt\`.`,
    );
  }
}

/**
 * The UTF-16 a file is in, as iconv names it: `UTF-16` when a byte-order mark says which, else
 * from where its NUL bytes fall. ASCII in UTF-16 has one in every other position (`T\0i\0t\0…` is
 * little-endian), which a binary file has no reason to show on one side only.
 */
function utf16Encoding(bytes: Buffer): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'UTF-16';
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0;
  let odd = 0;
  for (let k = 0; k < n; k += 2) {
    if (bytes[k] === 0) even++;
    if (bytes[k + 1] === 0) odd++;
  }
  if (n < 16 || Math.min(even, odd) > 0 || Math.max(even, odd) < n / 8) return undefined;
  return odd ? 'UTF-16LE' : 'UTF-16BE';
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (to name its line). */
function firstInvalid(bytes: Buffer): number {
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i]!;
    const follow = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (follow < 0) return i;
    for (let k = 1; k <= follow; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += follow + 1;
  }
  return bytes.length;
}

/**
 * Document files below a folder, read recursively as archives store them (`1958/09/…`): `.txt`
 * and `.md`, except README files and hidden folders; paths relative to `dir` with `/`, sorted, so
 * the order (and the `-2` of a colliding URL) is the same on every machine.
 */
export function listDocumentFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of readdirSync(resolve(dir, rel), { withFileTypes: true })) {
      if (d.name.startsWith('.') || d.name === 'node_modules') continue;
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(path);
      // A symbolic link is listed too: one that points nowhere is refused with a message, not skipped.
      else if ((d.isFile() || d.isSymbolicLink()) && /\.(txt|md)$/i.test(d.name) && !/^readme\./i.test(d.name)) out.push(path);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A document's `.align` override, if it has one. */
export function readOverride(dir: string, file: string): string | undefined {
  const overrideFile = resolve(dir, `${file}.align`);
  return existsSync(overrideFile) ? readFileSync(overrideFile, 'utf8') : undefined;
}

/**
 * The URL path of a document, and the one it wanted when another file took that first. `paths`
 * collects URL paths already taken, so two documents with the same date, page and slug get `-2`,
 * `-3` (in file-name order, hence stable). With `take` false, the path is not taken.
 */
export function placeDocument(
  file: string,
  doc: { date: string; page: number; title: string },
  paths: Map<string, string>,
  take = true,
): { path: string; wanted?: string } {
  const slug = documentSlug(file, doc.title);
  const wanted = documentPath(doc.date, doc.page, slug);
  let path = wanted;
  for (let k = 2; paths.has(path); k++) path = documentPath(doc.date, doc.page, `${slug}-${k}`);
  if (take) paths.set(path, file);
  return path === wanted ? { path } : { path, wanted };
}

/** Reads, parses and aligns one document file; see `placeDocument` for `paths`. */
export function loadDocument(dir: string, file: string, paths: Map<string, string> = new Map()): LoadedDocument {
  const source = readDocumentText(dir, file);
  const parsed = parseDocument(source, file);
  const override = readOverride(dir, file);
  const model = buildDocument(parsed, override === undefined ? undefined : { groups: parseOverride(override, `${file}.align`), file: `${file}.align` });
  const place = placeDocument(file, model, paths);
  return { ...place, source, ...(override === undefined ? {} : { override }), data: { file, path: place.path, ...model } };
}

/** A header line, as lib/document/parse.ts reads it. */
const FIELD = /^(Title|Author|Date|Page|Edition|Column)\s*[:：]\s?(.*)$/i;

/** The first `Date:` of the English header, read as the parser reads the header; undefined when it has none. */
function headerDate(head: string): string | undefined {
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = FIELD.exec(line);
    if (!m) return undefined;
    if (m[1]!.toLowerCase() === 'date') return splitIndent(m[2]!).text.trim() || undefined;
  }
  return undefined;
}

/**
 * The date of each document file as the loader will read it, without parsing most of them: the
 * `Date:` line of the English header (in the first 4 KB); a file without one is parsed whole
 * (its date is then the one under the Chinese headline). Null for a file the parser refuses. A
 * build limited to FROM/TO, and a build in parts, sort 20,000 files by it in about a second.
 */
export function scanDates(dir: string, files: string[] = listDocumentFiles(dir)): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const buffer = Buffer.alloc(4096);
  for (const file of files) {
    let head = '';
    try {
      const fd = openSync(resolve(dir, file), 'r');
      try {
        head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
      } finally {
        closeSync(fd);
      }
    } catch {
      out.set(file, null); // unreadable: the loader refuses it with the reason
      continue;
    }
    const date = headerDate(head);
    if (date) {
      out.set(file, /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null);
      continue;
    }
    try {
      out.set(file, parseDocument(readDocumentText(dir, file), file).date);
    } catch {
      out.set(file, null);
    }
  }
  return out;
}
