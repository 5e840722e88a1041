/**
 * rehype plugin: removes the terms' `data-reading` (rehype-glossary's, read by rehype-words and, for
 * a page's pinyin.js, rehype-ruby) once those have run. A document page marks a term many times;
 * its reading is on the page once, in the term list its popover is made from.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { DATA, prop } from '../lib/render/markup.ts';

const rehypeDropReadings: Plugin<[], Root> = function () {
  return (tree) => {
    visit(tree, 'element', (el) => {
      delete el.properties[prop(DATA.reading)];
    });
  };
};

export default rehypeDropReadings;
