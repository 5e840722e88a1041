/**
 * `/1958-09-25/p1/copper-and-aluminum/pinyin.js`: the pinyin of that document page and the few
 * lines that put it over the characters (src/data/pinyin.ts), loaded the first time the page shows
 * pinyin, as a classic script so that it loads from file:// too (src/elements/ruby-load.ts).
 */
import type { APIRoute } from 'astro';
import type { StoredDocument } from '../../schemas/document.ts';
import { documentFilePaths, javascript } from '../../data/document-files.ts';
import { pinyinScript } from '../../data/pinyin.ts';

export const getStaticPaths = documentFilePaths;

export const GET: APIRoute<{ doc: StoredDocument }> = async ({ props }) => javascript(await pinyinScript(props.doc));
