/**
 * Reads one document and its optional `.align` override from a folder, and turns it into the
 * stored shape. Shared by the content loader and the command-line reports, so both see the same
 * rows. Node I/O only; no Astro.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOverride } from './align-override.ts';
import { buildDocument, type DocumentModel } from './document.ts';
import { parseDocument } from './parse.ts';
import { documentPath, documentSlug } from './slug.ts';

export interface StoredShape extends DocumentModel {
  file: string;
  path: string;
}

export interface LoadedDocument {
  path: string;
  /** The URL the document would have had, when another file took it first (see `loadDocument`). */
  wanted?: string;
  source: string;
  override?: string;
  data: StoredShape;
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
      else if (d.isFile() && /\.(txt|md)$/i.test(d.name) && !/^readme\./i.test(d.name)) out.push(path);
    }
  };
  walk('');
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `paths` collects URL paths already taken, so two documents with the same date, page and slug
 * get `-2`, `-3` (in file-name order, hence stable).
 */
export function loadDocument(dir: string, file: string, paths: Map<string, string> = new Map()): LoadedDocument {
  const source = readFileSync(resolve(dir, file), 'utf8');
  const parsed = parseDocument(source, file);
  const overrideFile = `${file}.align`;
  const override = existsSync(resolve(dir, overrideFile)) ? readFileSync(resolve(dir, overrideFile), 'utf8') : undefined;
  const model = buildDocument(parsed, override === undefined ? undefined : { groups: parseOverride(override, overrideFile), file: overrideFile });
  const slug = documentSlug(file, model.title);
  const wanted = documentPath(model.date, model.page, slug);
  let path = wanted;
  for (let k = 2; paths.has(path); k++) path = documentPath(model.date, model.page, `${slug}-${k}`);
  paths.set(path, file);
  return { path, ...(path === wanted ? {} : { wanted }), source, ...(override === undefined ? {} : { override }), data: { file, path, ...model } };
}

/** A header line, as lib/parse.ts reads it. */
const FIELD = /^(Title|Author|Date|Page|Edition|Column)\s*[:：]\s?(.*)$/i;

/** The first `Date:` of the English header, read as the parser reads the header; undefined when it has none. */
function headerDate(head: string): string | undefined {
  for (const raw of head.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const m = FIELD.exec(line);
    if (!m) return undefined;
    if (m[1]!.toLowerCase() === 'date') return m[2]!.trim() || undefined;
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
    const fd = openSync(resolve(dir, file), 'r');
    let head = '';
    try {
      head = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
    } finally {
      closeSync(fd);
    }
    const date = headerDate(head);
    if (date) {
      out.set(file, /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null);
      continue;
    }
    try {
      out.set(file, parseDocument(readFileSync(resolve(dir, file), 'utf8'), file).date);
    } catch {
      out.set(file, null);
    }
  }
  return out;
}
