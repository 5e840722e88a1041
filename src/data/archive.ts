/**
 * The archive by date for this build (years, months, days), made once per process from the
 * documents' summary (src/data/summary.ts) and shared by the home, year, day and document pages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildArchive, inRange, parseRange, type Archive } from '../lib/archive/index.ts';
import { scanDates } from '../node/load.ts';
import { buildMode } from './build-mode.ts';
import { siteSummary } from './summary.ts';

let cached: Promise<Archive> | undefined;

export function siteArchive(): Promise<Archive> {
  cached ??= (async () => buildArchive((await siteSummary()).docs))();
  return cached;
}

let dates: Promise<string[]> | undefined;

/**
 * Every day of the archive with articles, ascending: what previous / next day links step through.
 * A part of a build in parts holds one year's documents; the other years' days come from the
 * list scripts/build-parts.ts wrote for it (ARCHIVE_DATES), or else from a glance at every file's
 * header (scanDates).
 */
export function archiveDates(): Promise<string[]> {
  dates ??= (async () => {
    const mode = buildMode();
    const own = (await siteArchive()).dates;
    if (mode.kind !== 'part') return own;
    const listed = process.env.ARCHIVE_DATES;
    const ranges = [parseRange(process.env.FROM_ALL, process.env.TO_ALL)];
    const all: string[] =
      listed && existsSync(listed)
        ? (JSON.parse(readFileSync(listed, 'utf8')) as string[])
        : [...scanDates(process.env.CONTENT_DIR || 'content/documents').values()].filter((d): d is string => !!d && ranges.every((r) => inRange(d, r)));
    return [...new Set([...all.filter((d) => !d.startsWith(mode.part)), ...own])].sort();
  })();
  return dates;
}
