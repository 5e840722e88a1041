/**
 * What this `astro build` makes, from the environment that scripts/build-parts.ts sets:
 *
 * - `full` (no PART): the whole site, as `npm run build` always has;
 * - `part` (PART=1958, with FROM=TO=1958): that year's day and article pages, plus the data the
 *   merge needs (`part-data/`): the documents as stored and their pinyin;
 * - `merge` (PART=merge, MERGE_PARTS=.parts): the pages that span the archive (home, years,
 *   headlines, glossary, search and its index), from the parts' data, without reading a source file.
 */
export type BuildMode = { kind: 'full' } | { kind: 'part'; part: string } | { kind: 'merge'; parts: string };

export function buildMode(env: Record<string, string | undefined> = process.env): BuildMode {
  const part = env.PART;
  if (!part) return { kind: 'full' };
  if (part === 'merge') return { kind: 'merge', parts: env.MERGE_PARTS || '.parts' };
  return { kind: 'part', part };
}

/** Which kinds of page a build makes. */
export function builds(what: 'documents' | 'days' | 'years' | 'global' | 'part-data', mode: BuildMode = buildMode()): boolean {
  if (mode.kind === 'full') return what !== 'part-data';
  if (mode.kind === 'part') return what === 'documents' || what === 'days' || what === 'part-data';
  return what === 'years' || what === 'global';
}

/**
 * Written by a part where it cannot know the value, replaced when the parts are assembled
 * (scripts/build-parts.ts): the archive's content version, the search version and an article's id
 * in the search index. Not hex, so they can never be taken for a real version.
 */
export const PART_PLACEHOLDERS = { content: 'part-cv-00', search: 'part-sv-00', doc: 'part-doc' } as const;
