/**
 * rehype plugin: marks glossary terms in Chinese text and their English renderings in the paired
 * English text. Transform only: the terms are validated by the glossary loader.
 *
 * Scopes are `.row` and `.headline` elements; inside a scope, Chinese text lives in elements with
 * `data-n` (paragraphs) or `data-deck` (headline decks), English in `data-e` or `data-title`.
 *
 *   <p data-n="6">…这样土洋并举，…</p>
 *   → <p data-n="6">…这样<a class="term" href="/glossary/tuyangbingju/" data-term="g-tuyangbingju">土洋并举</a>，…</p>
 *   <p data-e="8">This approach of combining indigenous and foreign methods…</p>
 *   → <p data-e="8">This approach of <a class="term term-en" … data-term="g-tuyangbingju">combining indigenous and foreign methods</a>…</p>
 *
 * Never marks inside an existing link; longest match wins; matches never overlap (lib/glossary/match.ts).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { visit, SKIP } from 'unist-util-visit';
import type { TermInfo } from '../lib/glossary/terms.ts';
import { chineseMatcher, englishMatcher, type TermMatch } from '../lib/glossary/match.ts';

export interface GlossaryOptions {
  terms: TermInfo[];
  /** URL of a curated term's page; entities link to their entry in the page's name list. */
  hrefOf: (term: TermInfo) => string;
  /** Filled with the ids of the terms actually marked (for the page's popovers). */
  used?: Set<string>;
  /**
   * Print footnotes: each Chinese mark is followed by `<sup class="fn-ref">`; the first one of
   * each term on the page gets `data-fn` (its number, shown by CSS in print). Shared between the
   * headline and rows so numbering runs through the page.
   */
  footnotes?: Map<string, number>;
}

const isScope = (el: Element) => {
  const c = el.properties.className;
  return Array.isArray(c) && (c.includes('row') || c.includes('headline'));
};
const isZh = (el: Element) => el.properties.dataN !== undefined || el.properties.dataDeck !== undefined;
const isEn = (el: Element) => el.properties.dataE !== undefined || el.properties.dataTitle !== undefined;

export default function rehypeGlossary(options: GlossaryOptions) {
  const byKey = new Map(options.terms.map((t) => [t.key, t]));
  const matchZh = chineseMatcher(byKey.keys());
  const matchEn = englishMatcher(new Map(options.terms.map((t) => [t.key, t.renderings])));

  const anchor = (term: TermInfo, text: string, english: boolean): Element => {
    options.used?.add(term.id);
    return h('a', { className: english ? ['term', 'term-en'] : ['term'], href: options.hrefOf(term), dataTerm: term.id, ...(english ? {} : { dataReading: term.reading }) }, text);
  };

  /** Replaces the text children of `el` (outside links) by text and term links. */
  const markText = (el: Element, find: (text: string) => TermMatch[], english: boolean, found?: Set<string>) => {
    visit(el, (node, index, parent) => {
      if (node.type === 'element' && node.tagName === 'a') return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const text = (node as Text).value;
      const matches = find(text);
      if (!matches.length) return;
      const parts: ElementContent[] = [];
      let at = 0;
      for (const m of matches) {
        if (m.start > at) parts.push({ type: 'text', value: text.slice(at, m.start) });
        const term = byKey.get(m.key)!;
        parts.push(anchor(term, text.slice(m.start, m.end), english));
        if (!english && options.footnotes) {
          const first = !options.footnotes.has(term.id);
          if (first) options.footnotes.set(term.id, options.footnotes.size + 1);
          parts.push(h('sup', { className: ['fn-ref'], ariaHidden: 'true', ...(first ? { dataFn: options.footnotes.get(term.id) } : {}) }));
        }
        found?.add(m.key);
        at = m.end;
      }
      if (at < text.length) parts.push({ type: 'text', value: text.slice(at) });
      parent.children.splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };

  return (tree: Root) => {
    visit(tree, 'element', (scope) => {
      if (!isScope(scope)) return;
      const found = new Set<string>();
      visit(scope, 'element', (el) => {
        if (isZh(el)) {
          markText(el, matchZh, false, found);
          return SKIP;
        }
      });
      if (found.size) {
        visit(scope, 'element', (el) => {
          if (isEn(el)) {
            markText(el, (t) => matchEn(t, found), true);
            return SKIP;
          }
        });
      }
      return SKIP;
    });
  };
}
