/**
 * The result list as DOM: glossary entries first, then documents with their rows, Chinese and
 * English side by side with the matches marked. Built with text nodes only: a document or a query
 * containing `<img onerror=…>` shows as text.
 */
import type { SearchResults, ShownDoc } from '../lib/search/engine.ts';
import { excerpt, segments } from '../lib/search/highlight.ts';
import type { GlossaryInfo } from '../lib/search/files.ts';
import type { TextRange } from '../lib/search/match.ts';

export interface Links {
  /** A document row: `…/path/?q=…#p5`. */
  row: (path: string, anchor: string) => string;
  glossary: (slug: string) => string;
}

/** A page of the site below `root`; from file:// a folder does not open its index.html by itself. */
function sitePage(root: string, path: string): URL {
  return new URL(path + (root.startsWith('file:') ? 'index.html' : ''), root);
}

/** Links that carry the query (`?q=`), so that the document opened marks it. */
export function resultLinks(root: string, query: string): Links {
  return {
    row: (path, anchor) => {
      const url = sitePage(root, path);
      url.searchParams.set('q', query);
      if (anchor) url.hash = anchor;
      return url.href;
    },
    glossary: (slug) => sitePage(root, `glossary/${slug}/`).href,
  };
}

/** The search page with this query. */
export function searchPageUrl(root: string, query: string): string {
  const url = sitePage(root, 'search/');
  url.searchParams.set('q', query);
  return url.href;
}

/**
 * The status line: what was found, under which filter, and which years were searched when older
 * documents are still to search (`12 rows in 6 documents (searched 1989–1966 so far)`).
 */
export function statusText(results: SearchResults, yearOf: (doc: number) => number, filter: string): string {
  const { rows, docs, query, searched, complete } = results;
  const range = complete || searched.until <= searched.from ? '' : `searched ${yearOf(searched.from)}–${yearOf(searched.until - 1)} so far`;
  const within = [filter, range].filter(Boolean).join('; ');
  if (!rows && !results.glossary.length) return `Nothing found for “${query.text}”${within ? ` (${within})` : ''}.`;
  return `${rows} ${rows === 1 ? 'row' : 'rows'} in ${docs.length} ${docs.length === 1 ? 'document' : 'documents'}${within ? ` (${within})` : ''}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** Paragraphs joined by a pilcrow (headline decks by a space), ranges shifted with them. */
function joinParagraphs(texts: string[], ranges: TextRange[][], glue = ' ¶ '): { text: string; ranges: TextRange[] } {
  let text = '';
  const out: TextRange[] = [];
  texts.forEach((t, k) => {
    if (k) text += glue;
    for (const [s, e] of ranges[k] ?? []) out.push([s + text.length, e + text.length]);
    text += t;
  });
  return { text, ranges: out };
}

function highlighted(texts: string[], ranges: TextRange[][], max: number, glue?: string): DocumentFragment {
  const joined = joinParagraphs(texts, ranges, glue);
  const parts = max ? excerpt(joined.text, joined.ranges, max) : segments(joined.text, joined.ranges);
  const f = document.createDocumentFragment();
  for (const s of parts) f.append(s.hit ? el('mark', {}, s.text) : s.text);
  return f;
}

let uid = 0;

export function glossaryOption(entry: GlossaryInfo, links: Links): HTMLElement {
  return el(
    'a',
    { class: 'sr-term', role: 'option', id: `sr-${++uid}`, href: links.glossary(entry.slug) },
    el('span', { class: 'sr-label' }, 'Glossary'),
    el('span', { class: 'sr-zh', lang: 'zh-Hans' }, entry.term),
    el('span', { class: 'sr-py' }, entry.reading || entry.py),
    el('span', { class: 'sr-en', lang: 'en' }, entry.gloss),
  );
}

/**
 * One document and its rows. A match in the headline or title marks the document's heading, which
 * is then an option itself. `max`: characters per excerpt.
 */
export function documentGroup(doc: ShownDoc, links: Links, options: { max: number; rows: number }): HTMLElement {
  const { info } = doc;
  const head = doc.rows.find((r) => !r.record.anchor);
  const body = doc.rows.filter((r) => r.record.anchor);
  const rows = body.slice(0, options.rows);
  const headline = head ? highlighted(head.record.zh, head.match.zh, 0, ' ') : info.headline;
  const title = head ? highlighted(head.record.en, head.match.en, 0) : info.title;
  const group = el(
    'section',
    { class: 'sr-doc' },
    el(
      'a',
      { class: 'sr-doc-head', href: links.row(info.path, ''), ...(head ? { role: 'option', id: `sr-${++uid}` } : { tabindex: '-1' }) },
      el('span', { class: 'sr-doc-zh', lang: 'zh-Hans' }, headline),
      el('span', { class: 'sr-doc-en', lang: 'en' }, title),
      el('time', { datetime: info.date }, info.date),
      el('span', { class: 'sr-page' }, `p. ${info.page}`),
    ),
  );
  for (const { record, match } of rows) {
    group.append(
      el(
        'a',
        { class: 'sr-row', role: 'option', id: `sr-${++uid}`, href: links.row(info.path, record.anchor) },
        el('span', { class: 'sr-n' }, `¶${record.anchor.replace(/^[pe]/, '')}`),
        el('span', { class: 'sr-zh', lang: 'zh-Hans' }, highlighted(record.zh, match.zh, options.max)),
        el('span', { class: 'sr-en', lang: 'en' }, highlighted(record.en, match.en, options.max * 2)),
      ),
    );
  }
  // Rows past those shown were not all loaded: counted as found, confirmed on the document's page.
  const more = body.length - rows.length + doc.rest;
  const next = body[rows.length]?.record.anchor ?? '';
  if (more > 0)
    group.append(
      el('a', { class: 'sr-more', href: links.row(info.path, next), tabindex: '-1' }, `${more} more ${more === 1 ? 'row' : 'rows'} in this document`),
    );
  return group;
}

export function statusLine(text: string): HTMLElement {
  return el('p', { class: 'sr-status', role: 'status' }, text);
}

export function link(text: string, href: string, cls: string): HTMLElement {
  return el('a', { class: cls, href }, text);
}

export function button(text: string, cls: string): HTMLButtonElement {
  return el('button', { class: cls, type: 'button' }, text);
}
