/**
 * The search index of a build in parts: the parts' lists (`part-data/search-<year>.bin`, a year each)
 * packed into the archive's buckets, chunks, page maps and meta.js (build/search-index.ts,
 * `packIndex`), written below `<out>/search-index/`. Only files whose content changed are
 * written, and files the index no longer has are removed, so that a rebuild after one change
 * touches few files (and the files assembled from them keep their inode, see build-parts.ts).
 * The parts write their text files themselves.
 *
 *   node scripts/pack-search.ts <parts-dir> <out-dir>
 *
 * Run by scripts/build-parts.ts beside the merge's `astro build`, in a process of its own.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { partFolders } from '../src/data/parts.ts';
import { decodeYearIndex, packIndex, type YearIndex } from '../src/node/search-index.ts';
import type { GlossaryInfo } from '../src/lib/search/files.ts';

export interface PackReport {
  files: number;
  written: number;
  removed: number;
  version: string;
}

const DIR = 'search-index';

export function packParts(partsDir: string, outDir: string): PackReport {
  const years: YearIndex[] = [];
  let glossary: GlossaryInfo[] = [];
  for (const folder of partFolders(partsDir)) {
    const part = JSON.parse(readFileSync(join(folder, 'search.json'), 'utf8')) as { years: number[]; glossary: GlossaryInfo[] };
    for (const year of part.years) years.push(decodeYearIndex(readFileSync(join(folder, `search-${year}.bin`))));
    // Every part reads the same glossary.
    glossary = part.glossary;
  }
  const { files, meta } = packIndex(years, glossary);
  const manifestFile = join(outDir, 'hashes.json');
  const before: Record<string, string> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')) : {};
  const after: Record<string, string> = {};
  let written = 0;
  const dirs = new Set<string>();
  for (const [name, content] of files) {
    const hash = createHash('sha1').update(content).digest('hex');
    after[name] = hash;
    const path = join(outDir, DIR, name);
    if (before[name] === hash && existsSync(path)) continue;
    if (!dirs.has(dirname(path))) {
      mkdirSync(dirname(path), { recursive: true });
      dirs.add(dirname(path));
    }
    // A new file, not a rewrite in place: a hard link to the old one in the site keeps the old text.
    rmSync(path, { force: true });
    writeFileSync(path, content);
    written++;
  }
  let removed = 0;
  for (const name of Object.keys(before)) {
    if (after[name] === undefined) {
      rmSync(join(outDir, DIR, name), { force: true });
      removed++;
    }
  }
  writeFileSync(manifestFile, JSON.stringify(after));
  return { files: files.size, written, removed, version: meta.version };
}

if (import.meta.main) {
  const [parts, out] = process.argv.slice(2);
  if (!parts || !out) {
    console.error('usage: node scripts/pack-search.ts <parts-dir> <out-dir>');
    process.exit(2);
  }
  const t = performance.now();
  const report = packParts(resolve(parts), resolve(out));
  console.log(
    `[parts] search index ${report.version}: ${report.files} files, ${report.written} written, ${report.removed} removed, in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}
