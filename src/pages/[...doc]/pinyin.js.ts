/**
 * `/1958-09-25/p1/copper-and-aluminum/pinyin.js`: the pinyin of that document page and the few
 * lines that put it over the characters (src/data/pinyin.ts), loaded the first time the page shows
 * pinyin, as a classic script so that it loads from file:// too (src/elements/ruby-load.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { StoredDocument } from '../../schemas/document.ts';
import { builds } from '../../data/build-mode.ts';
import { pinyinScript } from '../../data/pinyin.ts';

export const getStaticPaths = (async () =>
  (builds('documents') ? await getCollection('documents') : []).map((d) => ({
    params: { doc: d.data.path.replace(/\/$/, '') },
    props: { doc: d.data },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ doc: StoredDocument }> = async ({ props }) =>
  new Response(await pinyinScript(props.doc), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
