import type { Page } from 'playwright-core';

/** Where the ink of a row's first characters starts: the Chinese (hanzi, and pinyin when shown) and the English. */
export interface RowInk {
  id: string;
  zh: number;
  /** The top of the first pinyin syllable's ink, when pinyin is shown. */
  pinyin: number | null;
  en: number;
}

/**
 * The ink tops of the first line of each numbered row's two cells, in CSS pixels from the viewport
 * top. Box tops say little (a line box holds leading above the glyphs); this measures the glyphs:
 * the first character's baseline (its range's top plus the font's ascent) minus the ascent of its
 * ink (canvas measureText, with the element's own font).
 */
export function rowInk(page: Page): Promise<RowInk[]> {
  return page.$$eval('.rows .row', (rows) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    const top = (root: Element | null, inRuby: boolean): number | null => {
      if (!root) return null;
      const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (/\S/.test(n.nodeValue ?? '') && !!n.parentElement?.closest('rt') === inRuby ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
      });
      const node = walk.nextNode() as Text | null;
      const owner = inRuby ? root.querySelector('rt') : node?.parentElement;
      if (!owner || getComputedStyle(owner).display === 'none') return null;
      const style = getComputedStyle(owner, inRuby ? '::before' : null);
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      if (inRuby) {
        // The syllable is generated content (rt::before): measure it on the rt's box.
        const text = owner.getAttribute('data-py') ?? '';
        const rect = owner.getBoundingClientRect();
        const m = ctx.measureText(text);
        const lineHalf = (rect.height - (m.fontBoundingBoxAscent + m.fontBoundingBoxDescent)) / 2;
        return rect.top + lineHalf + m.fontBoundingBoxAscent - m.actualBoundingBoxAscent;
      }
      const at = node!.nodeValue!.search(/\S/);
      const range = document.createRange();
      range.setStart(node!, at);
      range.setEnd(node!, at + 1);
      const rect = range.getClientRects()[0]!;
      const m = ctx.measureText(node!.nodeValue![at]!);
      return rect.top + m.fontBoundingBoxAscent - m.actualBoundingBoxAscent;
    };
    return rows
      .filter((row) => /^p\d+$/.test(row.id))
      .map((row) => ({
        id: row.id,
        zh: top(row.querySelector('.cell.zh p'), false) ?? NaN,
        pinyin: top(row.querySelector('.cell.zh p'), true),
        en: top(row.querySelector('.cell.en p'), false) ?? NaN,
      }));
  });
}
