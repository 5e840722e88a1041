/**
 * A document page's `pinyin.js` (src/pages/[...doc]/pinyin.js.ts): the readings rehype-ruby gives
 * the page's Chinese (after the glossary marks, whose readings win inside a term), packed by
 * lib/pinyin/data.ts, after the applier that wraps them in ruby in the browser
 * (src/elements/ruby-apply.ts, bundled once per build as a classic script).
 */
import { resolve } from 'node:path';
import type { PluggableList } from 'unified';
import type { StoredDocument } from '../schemas/document.ts';
import { encodePinyin, PINYIN_GLOBAL } from '../lib/pinyin/data.ts';
import { renderDocument } from '../lib/render/html.ts';
import { bundleScript } from '../node/bundle.ts';
import { pinyinSyllables } from '../node/pinyin/reading.ts';
import rehypeRuby from '../plugins/rehype-ruby.ts';
import { chineseTermMarks, documentTerms } from './terms.ts';

let applier: Promise<string> | undefined;

/** The browser's applier as one classic script. Made again on every request under `astro dev`. */
function applierCode(): Promise<string> {
  const make = () => bundleScript({ entryPoints: [resolve('src/elements/ruby-apply.ts')] });
  if (import.meta.env.DEV) return make();
  applier ??= make();
  return applier;
}

/** The text of the page's `pinyin.js`: the applier, then a call with the page's readings. */
export async function pinyinScript(doc: StoredDocument): Promise<string> {
  // The glossary marks first: a term's own reading wins inside it.
  const plugins: PluggableList = [chineseTermMarks(await documentTerms(doc)), [rehypeRuby, { syllables: pinyinSyllables, collect: true }]];
  const data = encodePinyin(renderDocument(doc, plugins).data.pinyin ?? []);
  // JSON is valid JavaScript; `<` escaped so the text can never close a script element.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `${await applierCode()}self.${PINYIN_GLOBAL}(${json});\n`;
}
