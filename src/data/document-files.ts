/**
 * What a document's own script files (`words.js`, `pinyin.js` beside its page) share: one route per
 * document of the build, and a classic script as the answer.
 */
import type { GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { builds } from './build-mode.ts';

export const documentFilePaths = (async () =>
  (builds('documents') ? await getCollection('documents') : []).map((d) => ({
    params: { doc: d.data.path.replace(/\/$/, '') },
    props: { doc: d.data },
  }))) satisfies GetStaticPaths;

export const javascript = (text: string): Response => new Response(text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
