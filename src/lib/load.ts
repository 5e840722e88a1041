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

const HEADER_DATE = /^Date\s*[:：]\s*(\d{4}-\d{2}-\d{2})\s*$/m;
const CHINESE_DATE = /^(\d{4}-\d{2}-\d{2})\s*$/m;

/**
 * The date of each document file without parsing it, taken as the parser takes it: the `Date:`
 * line of the English header (in the first 4 KB), else the date line under the Chinese headline;
 * null when there is neither (the loader will say why when it reads the file). A build limited to
 * FROM/TO, and a build in parts, sort files by it without parsing 20,000 of them.
 */
export function scanDates(dir: string, files: string[] = listDocumentFiles(dir)): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const buffer = Buffer.alloc(4096);
  for (const file of files) {
    const fd = openSync(resolve(dir, file), 'r');
    try {
      const n = readSync(fd, buffer, 0, buffer.length, 0);
      const header = HEADER_DATE.exec(buffer.subarray(0, n).toString('utf8'))?.[1];
      out.set(file, header ?? CHINESE_DATE.exec(readFileSync(resolve(dir, file), 'utf8'))?.[1] ?? null);
    } finally {
      closeSync(fd);
    }
  }
  return out;
}
