/**
 * The applier inside every document page's `pinyin.js` (bundled into it at build time by
 * src/node/pinyin/page-pinyin.ts, not part of the page's own script): wraps each Han character of
 * the page's Chinese blocks in the ruby markup that rehype-ruby used to write into the HTML,
 *
 *   <p data-n="3">薄弱</p> → <p data-n="3"><ruby>薄<rt data-py="bó"></rt></ruby><ruby>弱<rt data-py="ruò"></rt></ruby></p>
 *
 * inside glossary marks and <zh-w> words as well, so the CSS, the word lookup, study mode and print
 * find what they always found. Then `<html data-ruby="on">`. A block whose Han characters do not
 * number its readings (a page and a file of different builds) is left without ruby rather than
 * given wrong readings. One file carries the applier and its data, so the page needs nothing else:
 * not its own script, which may load later (the inline script of layouts/Base.astro asks for the
 * file before first paint when pinyin is on at load).
 */
import { HAN } from '../lib/han.ts';
import { decodePinyin, isPagePinyin, PINYIN_GLOBAL } from '../lib/pinyin/data.ts';

declare global {
  // The global a `pinyin.js` defines and calls: `var` is how a global is declared.
  var __duizhaoPinyin: ((data: unknown) => void) | undefined;
}

/**
 * The Chinese blocks, in the order rehype-ruby read them (headline decks, then paragraphs), and the
 * reading's attribute: markup.ts's `DATA.deck`, `DATA.n` and `DATA.py`, written out because
 * importing markup.ts would bring all of it into every pinyin.js (test/unit/pinyin-data.test.ts
 * checks that they agree).
 */
export const BLOCKS = '[data-deck], [data-n]';
export const READING = 'data-py';

/** Wraps the Han characters of block `el` in ruby; false if its characters and readings disagree. */
export function wrapBlock(el: Element, readings: string[]): boolean {
  if (el.querySelector('ruby')) return true;
  const texts: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  let count = 0;
  for (const t of texts) for (const ch of t.data) if (HAN.test(ch)) count++;
  if (count !== readings.length) return false;
  let k = 0;
  for (const t of texts) {
    if (!HAN.test(t.data)) continue;
    const out = document.createDocumentFragment();
    let run = '';
    for (const ch of t.data) {
      const py = HAN.test(ch) ? readings[k++] : '';
      if (!py) {
        run += ch;
        continue;
      }
      if (run) out.append(run);
      run = '';
      const ruby = document.createElement('ruby');
      const rt = document.createElement('rt');
      rt.setAttribute(READING, py);
      ruby.append(ch, rt);
      out.append(ruby);
    }
    if (run) out.append(run);
    t.replaceWith(out);
  }
  return true;
}

/** Every block of the page with its readings; the number of blocks left without ruby. */
export function applyRuby(blocks: string[][], root: ParentNode = document): number {
  let missed = 0;
  root.querySelectorAll(BLOCKS).forEach((el, k) => {
    if (!wrapBlock(el, blocks[k] ?? [])) missed++;
  });
  return missed;
}

globalThis[PINYIN_GLOBAL] = (data: unknown) => {
  if (!isPagePinyin(data)) return;
  const run = () => {
    const missed = applyRuby(decodePinyin(data));
    if (missed)
      console.warn(
        `pinyin.js: ${missed} Chinese block(s) of this page do not match its readings (a page and a file of different builds?); they are left without pinyin.`,
      );
    document.documentElement.dataset.ruby = 'on';
  };
  // Asked for from <head> before the page was parsed: wrap once it is (before its deferred scripts).
  if (document.readyState === 'loading') {
    const ready = () => {
      if (document.readyState === 'loading') return;
      document.removeEventListener('readystatechange', ready);
      run();
    };
    document.addEventListener('readystatechange', ready);
  } else run();
};
