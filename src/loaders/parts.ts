/**
 * The documents of a build in parts, for its merge step (PART=merge): read from what each part
 * wrote (`<part>/dist/part-data/documents.json`, see src/pages/part-data/[file].ts), not from the
 * source files, which the parts have already read, checked and aligned. The parts' pinyin is
 * loaded too, so the merge never reads a text twice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { primeReadings } from '../lib/pinyin.ts';
import { recordRefusals, type Refusal } from '../data/refusals.ts';
import { documentSchema, type StoredDocument } from '../schemas/document.ts';

/** Folders below `dir` that hold a finished part. */
export function partFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'dist', 'part-data', 'documents.json')))
    .map((d) => join(dir, d.name, 'dist', 'part-data'))
    .sort();
}

export function partsLoader(options: { dir: string }): Loader {
  return {
    name: 'duizhao-parts',
    schema: documentSchema,
    load: async ({ store, logger }) => {
      const dir = resolve(options.dir);
      const folders = partFolders(dir);
      if (!folders.length) {
        throw new AstroError(`No built parts in ${dir}.`, 'Build the parts first: `npm run build:parts` (all of them), or `npm run build:part -- 1958` for each year, then `npm run build:merge`.');
      }
      store.clear();
      recordRefusals([]);
      let count = 0;
      for (const folder of folders) {
        const docs = JSON.parse(readFileSync(join(folder, 'documents.json'), 'utf8')) as { id: string; digest: string; data: StoredDocument }[];
        for (const d of docs) {
          if (store.has(d.id)) logger.warn(`${d.id} is in two parts; the one in ${folder} is used.`);
          store.set({ id: d.id, data: d.data, digest: d.digest });
        }
        count += docs.length;
        primeReadings(JSON.parse(readFileSync(join(folder, 'pinyin.json'), 'utf8')) as [string, (string | null)[]][]);
        // A file whose date cannot be seen is read, and refused, by every part: one entry each.
        if (existsSync(join(folder, 'refused.json'))) recordRefusals(JSON.parse(readFileSync(join(folder, 'refused.json'), 'utf8')) as Refusal[], false);
      }
      logger.info(`${count} documents from ${folders.length} parts in ${dir}`);
    },
  };
}
