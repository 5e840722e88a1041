/**
 * <reader-passages>: which passage the reader means.
 * - The passage the address names (`#p5`, `#p3-p5`, `#p2,p5-p7`, `#p5.2`, lib/passage/url.ts) is
 *   highlighted and scrolled to; `&layout=…&pinyin=…` set the view for this visit (not remembered).
 * - Each row gets a link button that copies its address; shift-click on a second row number makes
 *   a range; selecting text over rows, or focusing a sentence, offers that passage.
 * What to do with a passage is <passage-bar>'s (components/PassageBar.astro); sentences light up
 * with <reader-sentences>; printing is <reader-print>'s. The page reads fine without any of them:
 * row numbers are plain links and :target highlights one row.
 */
import { anchorId, formatPassage, parseAnchor, parsePassage, type AnchorRange, type Passage } from '../lib/passage/url.ts';
import { SELECT, STATE } from '../lib/render/markup.ts';
import { highlight, rowNumbers } from './passage-dom.ts';

/** Sent by <reader-passages> when the passage on offer changes (no ranges: none). */
export type OfferEvent = CustomEvent<{ ranges: AnchorRange[] }>;
export const OFFER = 'passage-offer';

/** This page's address with another fragment. */
export const pageUrl = (fragment: string): string => `${location.href.replace(/#.*$/, '')}${fragment}`;

export class ReaderPassages extends HTMLElement {
  #current: Passage = { ranges: [], params: {} };
  #offered: AnchorRange[] = [];
  #lastRow: number | null = null;
  #abort = new AbortController();

  /** The passage the address names, with its view parameters. */
  get current(): Passage {
    return this.#current;
  }

  /** The passage on offer: the address's, or what the reader selected since. */
  get offered(): AnchorRange[] {
    return this.#offered;
  }

  connectedCallback() {
    this.#rowLinks();
    const signal = this.#abort.signal;
    window.addEventListener('hashchange', () => this.#fromHash(true), { signal });
    document.addEventListener('selectionchange', () => this.#fromSelection(), { signal });
    this.addEventListener('click', (e) => this.#onClick(e), { signal });
    this.addEventListener('focusin', (e) => this.#onFocus(e.target as Element), { signal });
    this.#fromHash(true);
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  /** Offers a passage (none: no ranges) to whatever acts on it. */
  offer(ranges: AnchorRange[]) {
    this.#offered = ranges;
    this.dispatchEvent(new CustomEvent(OFFER, { detail: { ranges } }) satisfies OfferEvent);
  }

  /** The fragment of a passage, with the view parameters the address has. */
  fragment(ranges: AnchorRange[] = this.#offered): string {
    return formatPassage({ ...this.#current, ranges });
  }

  #fromHash(scroll: boolean) {
    const passage = parsePassage(location.hash);
    this.#current = passage;
    const root = document.documentElement;
    if (passage.layout) {
      root.dataset.layout = passage.layout;
      const radio = document.querySelector<HTMLInputElement>(`input[name="layout"][value="${passage.layout}"]`);
      if (radio) radio.checked = true;
    }
    if (passage.pinyin) {
      root.dataset.pinyin = passage.pinyin;
      const box = document.querySelector<HTMLInputElement>('input[name="pinyin"]');
      if (box) box.checked = passage.pinyin === 'on';
    }
    highlight(this, passage.ranges);
    this.offer(passage.ranges);
    if (scroll && passage.ranges.length) {
      const first = document.getElementById(anchorId(passage.ranges[0]!.from));
      first?.closest(SELECT.row)?.scrollIntoView({ block: 'start' });
      if (first && first.id !== first.closest(SELECT.row)?.id) first.scrollIntoView({ block: 'center' });
    }
  }

  /** A copy-link button in each row's numbers (it copies through <passage-bar>). */
  #rowLinks() {
    for (const num of this.querySelectorAll<HTMLElement>(`${SELECT.row} ${SELECT.numbers}`)) {
      const row = num.closest<HTMLElement>(SELECT.row)!;
      if (!row.id.startsWith('p') || num.querySelector(`.${STATE.rowLink}`)) continue;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = STATE.rowLink;
      b.setAttribute('aria-label', `Copy link to paragraph ${row.id.slice(1)}`);
      b.title = 'Copy link to this paragraph';
      b.textContent = '#';
      num.append(b);
    }
  }

  #onClick(event: MouseEvent) {
    const target = event.target as Element;
    const pn = target.closest<HTMLAnchorElement>(SELECT.rowNumber);
    if (!pn) return;
    const n = Number(pn.textContent);
    if (event.shiftKey && this.#lastRow !== null && this.#lastRow !== n) {
      event.preventDefault();
      const [a, b] = this.#lastRow < n ? [this.#lastRow, n] : [n, this.#lastRow];
      history.pushState(null, '', formatPassage({ ...this.#current, ranges: [{ from: { n: a }, to: { n: b } }] }));
      this.#fromHash(false);
    } else this.#lastRow = n;
  }

  /** Text selected over rows offers those rows, without changing the address. */
  #fromSelection() {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    if (!this.contains(range.commonAncestorContainer)) return;
    const rows = [...this.querySelectorAll<HTMLElement>(SELECT.row)].filter((r) => range.intersectsNode(r) && rowNumbers(r).length);
    if (!rows.length) return;
    const first = rowNumbers(rows[0]!)[0]!;
    const last = rowNumbers(rows[rows.length - 1]!).at(-1)!;
    this.offer([{ from: { n: first }, to: { n: last } }]);
  }

  /** A sentence itself (clicked or focused), not a glossary mark inside it, offers that sentence. */
  #onFocus(target: Element) {
    if (!target.matches(SELECT.zhSentenceTarget)) return;
    const a = parseAnchor(target.id);
    if (a) this.offer([{ from: a, to: a }]);
  }
}

if (!customElements.get('reader-passages')) customElements.define('reader-passages', ReaderPassages);
