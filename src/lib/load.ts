/**
 * Reads one document and its optional `.align` override from a folder, and turns it into the
 * stored shape. Shared by the content loader and the command-line reports, so both see the same
 * rows. Node I/O only; no Astro.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
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
  source: string;
  override?: string;
  data: StoredShape;
}

/** Document files in a folder: `.txt` and `.md`, except README files; sorted by name. */
export function listDocumentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.(txt|md)$/i.test(d.name) && !/^readme\./i.test(d.name))
    .map((d) => d.name)
    .sort();
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
  let path = documentPath(model.date, model.page, slug);
  for (let k = 2; paths.has(path); k++) path = documentPath(model.date, model.page, `${slug}-${k}`);
  paths.set(path, file);
  return { path, source, ...(override === undefined ? {} : { override }), data: { file, path, ...model } };
}
