/**
 * The content version of the site being built, from the content collections' digests (Astro side:
 * it reads astro:content, so it lives outside the pure src/lib).
 */
import { getCollection } from 'astro:content';
import { contentVersion } from '../lib/content-version.ts';
import { buildMode, PART_PLACEHOLDERS } from './build-mode.ts';

let cached: Promise<string> | undefined;

export function siteContentVersion(): Promise<string> {
  cached ??= (async () => {
    // A part of a build in parts holds one year: the archive's version is set when it is assembled.
    if (buildMode().kind === 'part') return PART_PLACEHOLDERS.content;
    const docs = await getCollection('documents');
    const glossary = await getCollection('glossary');
    return contentVersion([...docs.map((d) => ({ id: `d:${d.id}`, digest: d.digest })), ...glossary.map((g) => ({ id: `g:${g.id}`, digest: g.digest }))]);
  })();
  return cached;
}
