/**
 * rehype plugin: marks glossary terms in Chinese text and their English renderings in the paired
 * English text. Transform only: the terms are validated by the glossary loader.
 *
 * Scopes are rows and the headline (lib/render/markup.ts); inside a scope, Chinese text lives in
 * paragraphs (`data-n`) and headline decks (`data-deck`), English in `data-e` and `data-title`.
 *
 *   <p data-n="6">…这样土洋并举，…</p>
 *   → <p data-n="6">…这样<a class="term" href="/glossary/tuyangbingju/" data-term="g-tuyangbingju" data-reading="…">土洋并举</a><sup class="fn-ref" data-fn="2"></sup>，…</p>
 *   <p data-e="8">This approach of combining indigenous and foreign methods…</p>
 *   → <p data-e="8">This approach of <a class="term term-en" … data-term="g-tuyangbingju">combining indigenous and foreign methods</a>…</p>
 *
 * Never marks inside an existing link; longest match wins; matches never overlap
 * (lib/glossary/match.ts). Each Chinese mark is followed by a print footnote reference; a term's
 * first one carries its number (lib/render/footnotes.ts), so run it on the headline and the rows
 * as one tree (lib/render/html.ts). What it marked is reported in `file.data.glossary`.
 */
import type { Element, ElementContent, Root } from 'hast';
import { findAndReplace } from 'hast-util-find-and-replace';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { visit, SKIP } from 'unist-util-visit';
import type { TermInfo } from '../lib/glossary/terms.ts';
import { chineseMatcher, englishMatcher, type TermMatch } from '../lib/glossary/match.ts';
import { numberFootnotes } from '../lib/render/footnotes.ts';
import { attr, CLASS, DATA, prop } from '../lib/render/markup.ts';

export interface GlossaryOptions {
  terms: TermInfo[];
  /** URL of a curated term's page; entities link to their entry in the page's name list. */
  hrefOf: (term: TermInfo) => string;
}

/** What the plugin reports about the tree it marked. */
export interface GlossaryReport {
  /** Ids of the terms marked, in the order of their first mark. */
  used: string[];
  /** Ids of the terms with a print footnote, in footnote order (footnote k + 1 is `footnotes[k]`). */
  footnotes: string[];
}

declare module 'vfile' {
  interface DataMap {
    glossary: GlossaryReport;
  }
}

const hasClass = (el: Element, name: string) => Array.isArray(el.properties.className) && el.properties.className.includes(name);
const isScope = (el: Element) => hasClass(el, CLASS.row) || hasClass(el, CLASS.headline);
const isZh = (el: Element) => el.properties[prop(DATA.n)] !== undefined || el.properties[prop(DATA.deck)] !== undefined;
const isEn = (el: Element) => el.properties[prop(DATA.e)] !== undefined || el.properties[prop(DATA.title)] !== undefined;
/** Every text node, whole: the matchers decide what is a term (hast-util-find-and-replace splices). */
const WHOLE_TEXT = /[\s\S]+/g;

const rehypeGlossary: Plugin<[GlossaryOptions], Root> = function (options) {
  const byKey = new Map(options.terms.map((t) => [t.key, t]));
  const matchZh = chineseMatcher(byKey.keys());
  const matchEn = englishMatcher(new Map(options.terms.map((t) => [t.key, t.renderings])));

  return (tree, file) => {
    const used: string[] = [];
    const chinese: string[] = [];

    /** Replaces the text of `el` (outside links) by text and term marks. */
    const mark = (el: Element, find: (text: string) => TermMatch[], english: boolean, found?: Set<string>) => {
      findAndReplace(
        el,
        [
          WHOLE_TEXT,
          (text: string) => {
            const matches = find(text);
            if (!matches.length) return false;
            const parts: ElementContent[] = [];
            let at = 0;
            for (const m of matches) {
              if (m.start > at) parts.push({ type: 'text', value: text.slice(at, m.start) });
              const term = byKey.get(m.key)!;
              if (!used.includes(term.id)) used.push(term.id);
              parts.push(
                h(
                  'a',
                  {
                    className: english ? [CLASS.term, CLASS.termEn] : [CLASS.term],
                    href: options.hrefOf(term),
                    [attr(DATA.term)]: term.id,
                    ...(english ? {} : { [attr(DATA.reading)]: term.reading }),
                  },
                  text.slice(m.start, m.end),
                ),
              );
              if (!english) {
                chinese.push(term.id);
                parts.push(h('sup', { className: [CLASS.footnoteRef], ariaHidden: 'true' }));
              }
              found?.add(m.key);
              at = m.end;
            }
            if (at < text.length) parts.push({ type: 'text', value: text.slice(at) });
            return parts;
          },
        ],
        { ignore: ['a'] },
      );
    };

    visit(tree, 'element', (scope) => {
      if (!isScope(scope)) return;
      const found = new Set<string>();
      visit(scope, 'element', (el) => {
        if (!isZh(el)) return;
        mark(el, matchZh, false, found);
        return SKIP;
      });
      if (found.size) {
        visit(scope, 'element', (el) => {
          if (!isEn(el)) return;
          mark(el, (t) => matchEn(t, found), true);
          return SKIP;
        });
      }
      return SKIP;
    });

    // Footnotes: the first reference of each term gets the term's number.
    const numbers = numberFootnotes(chinese);
    const numbered = new Set<string>();
    visit(tree, 'element', (el, index, parent) => {
      if (!hasClass(el, CLASS.footnoteRef) || !parent || index === undefined) return;
      const term = (parent.children[index - 1] as Element | undefined)?.properties?.[prop(DATA.term)];
      if (typeof term !== 'string' || numbered.has(term)) return;
      numbered.add(term);
      el.properties[prop(DATA.fn)] = numbers.get(term)!;
    });
    file.data.glossary = { used, footnotes: [...numbers.keys()] };
  };
};

export default rehypeGlossary;
