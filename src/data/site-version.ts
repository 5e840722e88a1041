/**
 * The content version of the site being built, from the content collections' digests (Astro side:
 * it reads astro:content, so it lives outside the pure src/lib).
 */
import { getCollection } from 'astro:content';
import { contentVersion } from '../lib/content-version.ts';

let cached: Promise<string> | undefined;

export function siteContentVersion(): Promise<string> {
  cached ??= (async () => {
    const docs = await getCollection('documents');
    const glossary = await getCollection('glossary');
    return contentVersion([...docs.map((d) => ({ id: `d:${d.id}`, digest: d.digest })), ...glossary.map((g) => ({ id: `g:${g.id}`, digest: g.digest }))]);
  })();
  return cached;
}
