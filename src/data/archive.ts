/**
 * The archive by date for this build (years, months, days), made once per process from the
 * documents collection and shared by the home, year, day and document pages.
 */
import { getCollection } from 'astro:content';
import { buildArchive, inRange, parseRange, type Archive, type ArticleRef } from '../lib/archive/index.ts';
import { scanDates } from '../lib/load.ts';
import { buildMode } from './build-mode.ts';

let cached: Promise<Archive> | undefined;

export function siteArchive(): Promise<Archive> {
  cached ??= (async () => {
    const refs: ArticleRef[] = (await getCollection('documents')).map(({ data: d }) => ({
      path: d.path,
      date: d.date,
      page: d.page,
      headlineZh: d.headlineZh,
      title: d.title,
    }));
    return buildArchive(refs);
  })();
  return cached;
}

let dates: Promise<string[]> | undefined;

/**
 * Every day of the archive with articles, ascending: what previous / next day links step through.
 * A part of a build in parts holds one year's documents, so it reads the other years' days from
 * their files' headers (scanDates) to link across its edges.
 */
export function archiveDates(): Promise<string[]> {
  dates ??= (async () => {
    const mode = buildMode();
    if (mode.kind !== 'part') return (await siteArchive()).dates;
    // This part's own days are what it builds; the other years' come from a glance at their files.
    const ranges = [parseRange(process.env.FROM_ALL, process.env.TO_ALL)];
    const others = [...scanDates(process.env.CONTENT_DIR || 'content/documents').values()].filter(
      (d): d is string => !!d && !d.startsWith(mode.part) && ranges.every((r) => inRange(d, r)),
    );
    return [...new Set([...others, ...(await siteArchive()).dates])].sort();
  })();
  return dates;
}
