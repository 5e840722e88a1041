/**
 * rehype plugin: pinyin over every Chinese character of Chinese text, computed at build time, so
 * no pinyin library reaches the browser. The reading sits in an attribute shown by CSS
 * (`rt::before { content: attr(data-py) }`), so the text of the page, copy and search highlighting
 * stay free of pinyin; CSS hides it until the reader switches pinyin on.
 *
 *   <p data-n="3">薄弱</p> → <p data-n="3"><ruby>薄<rt data-py="bó"></rt></ruby><ruby>弱<rt data-py="ruò"></rt></ruby></p>
 *
 * With `collect`, the tree is left as it is and the same readings are handed over instead, one list
 * per Chinese block in document order (`file.data.pinyin`): what a document page's `pinyin.js`
 * carries (lib/pinyin/data.ts), for the page to make this same markup when pinyin is first shown.
 *
 * Readings come from the whole paragraph (context decides 重 zhòng / chóng); inside a glossary term
 * (`data-reading`) the term's own reading is used, so popover and ruby always agree. The mark's
 * `data-reading` is removed then: the ruby carries it, and the page's term list has it once for the
 * popover (a page marks a term many times).
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { HAN } from '../lib/han.ts';
import { attr, DATA, prop } from '../lib/render/markup.ts';

export interface RubyOptions {
  /** Toned syllable per code point of `text`, null for anything else (build/pinyin/reading.ts pinyinSyllables). */
  syllables: (text: string) => (string | null)[];
  /** Hand the readings over (`file.data.pinyin`) instead of writing ruby. @default false */
  collect?: boolean;
}

declare module 'vfile' {
  interface DataMap {
    /** Per Chinese block (headline decks, then paragraphs), the reading of each Han character in order ('' for none). */
    pinyin: string[][];
  }
}

const isZh = (el: Element) => el.properties[prop(DATA.n)] !== undefined || el.properties[prop(DATA.deck)] !== undefined;

const rehypeRuby: Plugin<[RubyOptions], Root> = function (options) {
  return (tree, file) => {
    const collected: string[][] = [];
    visit(tree, 'element', (block) => {
      if (!isZh(block)) return;
      const readings = options.syllables(toString(block));
      const here: string[] = [];
      let k = 0; // code point index into the block's text
      const walk = (parent: Element, override: string[] | null) => {
        const out: ElementContent[] = [];
        for (const child of parent.children) {
          if (child.type === 'element') {
            const given = child.properties[prop(DATA.reading)];
            delete child.properties[prop(DATA.reading)];
            const reading = typeof given === 'string' ? given.split(/\s+/) : null;
            const hanInside = Array.from(toString(child)).filter((c) => HAN.test(c)).length;
            walk(child, reading && reading.length === hanInside ? reading : override);
            out.push(child);
          } else if (child.type === 'text') {
            let run = '';
            for (const ch of Array.from(child.value)) {
              const han = HAN.test(ch);
              const py = han ? (override?.shift() ?? readings[k]) : null;
              k++;
              // A Han character without a reading keeps its place in the list (empty): no ruby.
              if (han) here.push(py ?? '');
              if (py) {
                if (run) out.push({ type: 'text', value: run });
                run = '';
                out.push(h('ruby', [ch, h('rt', { [attr(DATA.py)]: py })]));
              } else run += ch;
            }
            if (run) out.push({ type: 'text', value: run });
          } else out.push(child);
        }
        if (!options.collect) parent.children = out;
      };
      walk(block, null);
      collected.push(here);
      return SKIP;
    });
    if (options.collect) file.data.pinyin = collected;
  };
};

export default rehypeRuby;
