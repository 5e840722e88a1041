/**
 * Rows → HTML through a unified pipeline, so the rehype plugins in src/plugins (glossary marks,
 * pinyin ruby) transform the same tree the tests look at.
 */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import type { Row } from './document.ts';
import { rowsTree } from './rows-hast.ts';

export type TreeTransform = (tree: Root) => void;

export function renderRows(rows: Row[], transforms: TreeTransform[] = []): string {
  const tree = rowsTree(rows);
  for (const t of transforms) t(tree);
  return toHtml(tree);
}
