/**
 * `/1958-09-25/p1/copper-and-aluminum/words.js`: the dictionary entries of the words on that
 * document page, loaded by its word popover on the first lookup (src/elements/word-lookup.ts), as
 * a classic script so that it loads from file:// too. CC-CEDICT data: CC BY-SA 4.0.
 */
import type { APIRoute } from 'astro';
import type { StoredDocument } from '../../schemas/document.ts';
import { documentFilePaths, javascript } from '../../data/document-files.ts';
import { documentWords } from '../../data/words.ts';
import { WORDS_GLOBAL } from '../../lib/words/data.ts';
import { wordsScript } from '../../node/words/page-words.ts';

export const getStaticPaths = documentFilePaths;

export const GET: APIRoute<{ doc: StoredDocument }> = async ({ props }) => javascript(wordsScript(await documentWords(props.doc), WORDS_GLOBAL));
