/**
 * The archive by date for this build (years, months, days), made once per process from the
 * documents collection and shared by the home, year, day and document pages.
 */
import { getCollection } from 'astro:content';
import { buildArchive, type Archive, type ArticleRef } from '../lib/archive/index.ts';

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
