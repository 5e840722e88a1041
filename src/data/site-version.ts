/**
 * Content versions (build/content-version.ts) from the collections' digests. A page shows the version
 * of the texts it is made from: an article its own source and the glossary, a day its articles and
 * the glossary, the pages that span the archive all of it. So an article's version, and a citation
 * of it, changes only when its own text or the glossary does, and a page of one year never has to
 * be rewritten because another year changed (a build in parts relies on that).
 */
import { getCollection } from 'astro:content';
import { contentVersion } from '../node/content-version.ts';
import { siteSummary, type DocRef } from './summary.ts';

let glossary: Promise<{ id: string; digest: string }[]> | undefined;

function glossaryDigests(): Promise<{ id: string; digest: string }[]> {
  glossary ??= getCollection('glossary').then((entries) => entries.map((g) => ({ id: `g:${g.id}`, digest: String(g.digest ?? '') })));
  return glossary;
}

/** The version of these documents with the glossary. */
export async function versionOf(docs: Pick<DocRef, 'id' | 'digest'>[]): Promise<string> {
  return contentVersion([...docs.map((d) => ({ id: `d:${d.id}`, digest: d.digest })), ...(await glossaryDigests())]);
}

let site: Promise<string> | undefined;

/** The version of the whole archive. */
export function siteContentVersion(): Promise<string> {
  site ??= (async () => versionOf((await siteSummary()).docs))();
  return site;
}

let byPath: Promise<Map<string, DocRef>> | undefined;

/** The version of the documents at these URL paths (an article, a day's articles). */
export async function pagesVersion(paths: string[]): Promise<string> {
  byPath ??= siteSummary().then((s) => new Map(s.docs.map((d) => [d.path, d])));
  const docs = await byPath;
  return versionOf(paths.map((p) => docs.get(p)!).filter(Boolean));
}
