/**
 * What this `astro build` makes, from the environment that scripts/build-parts.ts sets:
 *
 * - `full` (no PART): the whole site, as `npm run build` always has;
 * - `part` (PART=1958, with FROM=TO=1958): that year's day and article pages and search text
 *   files, plus what the merge needs (`part-data/`): the summary of its documents
 *   (src/data/summary.ts) and its search lists (src/data/search.ts);
 * - `merge` (PART=merge, MERGE_PARTS=.parts): the pages that span the archive (home, years,
 *   headlines, glossary, search, status) from the parts' summaries, without reading a source file;
 *   scripts/build-parts.ts packs the search index from the parts' lists beside it.
 */
export type BuildMode = { kind: 'full' } | { kind: 'part'; part: string } | { kind: 'merge'; parts: string };

export function buildMode(env: Record<string, string | undefined> = process.env): BuildMode {
  const part = env.PART;
  if (!part) return { kind: 'full' };
  if (part === 'merge') return { kind: 'merge', parts: env.MERGE_PARTS || '.parts' };
  return { kind: 'part', part };
}

/** Which kinds of page a build makes. */
export function builds(what: 'documents' | 'days' | 'years' | 'global' | 'search-index' | 'part-data', mode: BuildMode = buildMode()): boolean {
  if (mode.kind === 'full') return what !== 'part-data';
  if (mode.kind === 'part') return what === 'documents' || what === 'days' || what === 'part-data';
  return what === 'years' || what === 'global';
}
