/**
 * `/glossary/lv/note.js`: a curated term's note, loaded by the term's popover on a document page
 * when it is first opened (src/elements/reader-terms.ts), as a classic script so that it loads
 * from file:// too. One file per term, shared by every page that marks it: a document page carries
 * only each term's hanzi, pinyin and gloss (its print notes), not the notes (the bulk of them).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { StoredGlossaryEntry } from '../../../schemas/glossary.ts';
import { builds } from '../../../data/build-mode.ts';
import { glossaryTermId, TERM_NOTE_GLOBAL } from '../../../lib/render/markup.ts';

export const getStaticPaths = (async () =>
  (builds('global') ? await getCollection('glossary') : []).map((g) => ({ params: { slug: g.data.slug }, props: { entry: g.data } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ entry: StoredGlossaryEntry }> = ({ props }) =>
  new Response(`${TERM_NOTE_GLOBAL}(${JSON.stringify(glossaryTermId(props.entry.slug))},${JSON.stringify(props.entry.noteHtml)});\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
