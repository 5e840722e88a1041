/**
 * rehype plugin: every Chinese word of Chinese text becomes one short element, so that a reader
 * can look any word up. Run it after rehype-glossary (a glossary term or named entity is already
 * one mark, and stays one word) and before rehype-ruby (which puts the ruby inside the words).
 *
 *   <p data-n="5">…冶炼和<a class="term" …>土洋并举</a>…</p>
 *   → <p data-n="5">…<zh-w>冶炼</zh-w><zh-w>和</zh-w><a class="term" …>土洋并举</a>…</p>
 *
 * Only runs of Chinese characters are cut (`segment`, src/node/words/segment.ts at build time);
 * punctuation, digits and Latin letters stay plain text, and no character is added or lost.
 * What it found is reported in `file.data.words`: each distinct word (terms included) once, at its
 * first occurrence, with the pinyin the page shows there and the sentence it is in.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import { HAN } from '../lib/han.ts';
import { CLASS, DATA, prop, TAG } from '../lib/render/markup.ts';

export interface WordsOptions {
  /** The words of a run of Chinese characters; joined, they are the run. */
  segment: (text: string) => string[];
  /** Toned syllable per code point of a block's text (as for rehype-ruby), null for anything else. */
  syllables: (text: string) => (string | null)[];
}

/** A word's first occurrence. */
export interface WordSeen {
  word: string;
  /** Its pinyin there, syllables separated by spaces (a term: the term's reading). */
  pinyin: string;
  /** The id of the Chinese sentence it is in (`p5.2`); empty in the headline. */
  sentence: string;
}

declare module 'vfile' {
  interface DataMap {
    words: WordSeen[];
  }
}

const isZh = (el: Element) => el.properties[prop(DATA.n)] !== undefined || el.properties[prop(DATA.deck)] !== undefined;
const hasClass = (el: Element, name: string) => Array.isArray(el.properties.className) && el.properties.className.includes(name);
const HAN_RUN = /\p{Script=Han}+/gu;

const rehypeWords: Plugin<[WordsOptions], Root> = function (options) {
  return (tree, file) => {
    const seen = new Map<string, WordSeen>();
    const note = (word: string, pinyin: string, sentence: string) => {
      if (!seen.has(word)) seen.set(word, { word, pinyin, sentence });
    };

    visit(tree, 'element', (block) => {
      if (!isZh(block)) return;
      const readings = options.syllables(toString(block));
      let k = 0; // code point index into the block's text, as rehype-ruby counts
      const pinyinOf = (length: number) =>
        readings
          .slice(k, k + length)
          .filter((s) => s !== null)
          .join(' ');

      const walk = (parent: Element, sentence: string) => {
        const out: ElementContent[] = [];
        for (const child of parent.children) {
          if (child.type === 'text') {
            out.push(...cut(child, sentence));
          } else if (child.type === 'element') {
            const here = hasClass(child, CLASS.sentence) && typeof child.properties.id === 'string' ? child.properties.id : sentence;
            if (child.tagName === 'a') {
              // A glossary mark (or any link) is one word, never cut.
              const text = toString(child);
              const reading = child.properties[prop(DATA.reading)];
              if (hasClass(child, CLASS.term) && HAN.test(text)) note(text, typeof reading === 'string' ? reading : pinyinOf(Array.from(text).length), here);
              k += Array.from(text).length;
            } else walk(child, here);
            out.push(child);
          } else out.push(child);
        }
        parent.children = out;
      };

      /** A text node as plain text and word elements. */
      const cut = (node: Text, sentence: string): ElementContent[] => {
        const parts: ElementContent[] = [];
        let plain = '';
        let at = 0;
        for (const run of node.value.matchAll(HAN_RUN)) {
          const before = node.value.slice(at, run.index);
          plain += before;
          k += Array.from(before).length;
          for (const word of options.segment(run[0])) {
            if (plain) parts.push({ type: 'text', value: plain });
            plain = '';
            const length = Array.from(word).length;
            note(word, pinyinOf(length), sentence);
            k += length;
            parts.push(h(TAG.word, word));
          }
          at = run.index + run[0].length;
        }
        const rest = node.value.slice(at);
        plain += rest;
        k += Array.from(rest).length;
        if (plain) parts.push({ type: 'text', value: plain });
        return parts;
      };

      walk(block, '');
      return SKIP;
    });
    file.data.words = [...seen.values()];
  };
};

export default rehypeWords;
