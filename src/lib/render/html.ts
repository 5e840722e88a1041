/**
 * Document trees → HTML through a unified pipeline, so the rehype plugins in src/plugins (glossary
 * marks, pinyin ruby) transform the same trees everywhere (pages, tests).
 */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { unified, type PluggableList } from 'unified';
import type { Row } from '../document/model.ts';
import { rowsTree } from './rows.ts';

export function renderTree(tree: Root, plugins: PluggableList = []): string {
  return toHtml(unified().use(plugins).runSync(tree) as Root);
}

export function renderRows(rows: Row[], plugins: PluggableList = []): string {
  return renderTree(rowsTree(rows), plugins);
}
