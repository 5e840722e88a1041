/**
 * Document trees → HTML through a unified pipeline, so the rehype plugins in src/plugins (glossary
 * marks, pinyin ruby) transform the same trees everywhere (pages, tests). A document's headline
 * and rows are one tree, transformed in one pass (footnotes number through the page), then
 * written out as the two places the page shows them.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { unified, type PluggableList } from 'unified';
import { VFile, type DataMap } from 'vfile';
import type { DocumentModel } from '../document/model.ts';
import { headlineElement } from './headline.ts';
import { rowsElement, rowsTree } from './rows.ts';

/** A tree through the plugins, as HTML. */
export function renderTree(tree: Root, plugins: PluggableList = []): string {
  return toHtml(unified().use(plugins).runSync(tree) as Root);
}

/** Rows through the plugins, as HTML (tests, integrity checks). */
export function renderRows(rows: DocumentModel['rows'], plugins: PluggableList = []): string {
  return renderTree(rowsTree(rows), plugins);
}

export interface RenderedDocument {
  headline: string;
  rows: string;
  data: Partial<DataMap>;
}

/** The headline and rows of a document through the plugins, in one pass. */
export function renderDocument(doc: Pick<DocumentModel, 'headlineZh' | 'title' | 'headlineEn' | 'rows'>, plugins: PluggableList = []): RenderedDocument {
  const file = new VFile();
  const tree: Root = { type: 'root', children: [headlineElement(doc.headlineZh, doc.title, doc.headlineEn), rowsElement(doc.rows)] };
  const done = unified().use(plugins).runSync(tree, file) as Root;
  const [headline, rows] = done.children as Element[];
  return { headline: toHtml(headline!), rows: toHtml(rows!), data: file.data };
}
