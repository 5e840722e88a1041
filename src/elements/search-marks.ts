/**
 * Marks ranges of a paragraph's text on the page (arriving from a search result). The ranges are
 * offsets into the paragraph's text as the index stored it; the page may have wrapped parts of it
 * in other elements (sentences, glossary terms) or added ruby pinyin, so text nodes are walked
 * with <rt>/<rp> left out, and a range that spans several nodes is marked piece by piece.
 */
import type { SearchRecord } from '../lib/search/files.ts';
import type { TextRange, RecordMatch } from '../lib/search/match.ts';
import { CLASS, SELECT } from '../lib/render/markup.ts';

const SKIP = 'rt, rp, script, style, mark.search-mark';

function textNodes(root: Element): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** Where the stored text's matches are in the page's text: the same text, or found again. */
function placeRanges(stored: string, shown: string, ranges: TextRange[]): TextRange[] {
  if (stored === shown) return ranges;
  const out: TextRange[] = [];
  for (const needle of new Set(ranges.map(([s, e]) => stored.slice(s, e)))) {
    for (let at = shown.indexOf(needle); at >= 0 && needle; at = shown.indexOf(needle, at + needle.length)) out.push([at, at + needle.length]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Wraps the ranges of `element`'s text in <mark class="search-mark">. Returns how many. */
export function markRanges(element: Element, stored: string, ranges: TextRange[]): number {
  if (!ranges.length) return 0;
  const nodes = textNodes(element);
  const shown = nodes.map((n) => n.data).join('');
  const placed = placeRanges(stored, shown, ranges);
  // From the end backwards, so that splitting a node does not move the offsets still to do.
  const starts: number[] = [];
  let o = 0;
  for (const n of nodes) {
    starts.push(o);
    o += n.data.length;
  }
  for (const [s, e] of [...placed].reverse()) {
    for (let k = nodes.length - 1; k >= 0; k--) {
      const node = nodes[k]!;
      const from = Math.max(s, starts[k]!) - starts[k]!;
      const to = Math.min(e, starts[k]! + node.data.length) - starts[k]!;
      if (to <= from) continue;
      const hit = node.splitText(from);
      hit.splitText(to - from);
      const mark = document.createElement('mark');
      mark.className = 'search-mark';
      hit.replaceWith(mark);
      mark.append(hit);
    }
  }
  return placed.length;
}

/** Removes the marks again (Esc in the search box), joining the text back together. */
export function clearMarks(root: ParentNode = document): void {
  for (const mark of root.querySelectorAll('mark.search-mark')) {
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}

/** Marks each record's matches in the document on the page: its row (`#p5`) or its headline. */
export function markDocument(matches: { record: SearchRecord; match: RecordMatch }[]): void {
  for (const { record, match } of matches) {
    const scope = record.anchor ? document.getElementById(record.anchor) : document.querySelector(`.${CLASS.headline}`);
    if (!scope) continue;
    const zh = scope.querySelectorAll(record.anchor ? `.${CLASS.cell}.${CLASS.zh} ${SELECT.zhParagraph}` : `h1 .${CLASS.deck}`);
    const en = scope.querySelectorAll(record.anchor ? `.${CLASS.cell}.${CLASS.en} ${SELECT.enParagraph}` : `.${CLASS.titleEn}`);
    record.zh.forEach((t, k) => zh[k] && markRanges(zh[k], t, match.zh[k] ?? []));
    record.en.forEach((t, k) => en[k] && markRanges(en[k], t, match.en[k] ?? []));
  }
}
