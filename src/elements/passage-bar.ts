/**
 * <passage-bar>: the bar at the bottom of a document page (components/PassageBar.astro). It shows
 * the passage <reader-passages> offers and does what its buttons say: Copy link · Cite (a dialog) ·
 * Copy passage (Chinese, English, citation, address) · Print passage. A row's link button copies
 * that row's address through it too. The bar and the dialog are built here, hidden, when the
 * element connects: without JavaScript they could never show, so the page does not carry them.
 */
import { chicagoCitation, type CitationInput } from '../lib/passage/citation.ts';
import { passageLabel, type AnchorRange } from '../lib/passage/url.ts';
import { SELECT, STATE } from '../lib/render/markup.ts';
import { h } from './build-dom.ts';
import { copyText } from './clipboard.ts';
import { highlight, passageText } from './passage-dom.ts';
import { OFFER, pageUrl, type OfferEvent, type ReaderPassages } from './reader-passages.ts';

export type CiteData = Omit<CitationInput, 'passage' | 'url' | 'accessed'>;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The citation of a passage of the page (none: the whole article). */
export function citation(host: ReaderPassages, ranges: AnchorRange[]): string {
  const cite = JSON.parse(host.dataset.cite ?? '{}') as CiteData;
  return chicagoCitation({
    ...cite,
    passage: ranges.length ? passageLabel({ ranges }) : '',
    url: pageUrl(ranges.length ? host.fragment(ranges) : ''),
    accessed: today(),
  });
}

const act = (name: string, text: string, attrs: Record<string, string> = {}) => h('button', { type: 'button', 'data-act': name, ...attrs }, text);
const status = (attrs: Record<string, string> = {}) => h('span', { ...attrs, role: 'status', 'aria-live': 'polite' });

/** The bar, hidden until a passage is offered, and the cite dialog. */
function build() {
  const label = h('span', { class: 'pb-label' });
  const said = status({ class: 'pb-status' });
  const bar = h(
    'div',
    { class: 'passage-bar', role: 'region', 'aria-label': 'Passage', hidden: '' },
    label,
    act('link', 'Copy link'),
    act('cite', 'Cite'),
    act('copy', 'Copy passage'),
    act('print', 'Print passage'),
    act('close', '×', { 'aria-label': 'Close' }),
    said,
  );
  const dialog = h(
    'dialog',
    { class: 'cite-dialog', 'aria-labelledby': 'cite-title' },
    h('h2', { id: 'cite-title' }, 'Cite this passage'),
    h('p', { class: 'cite-text' }),
    h('form', { method: 'dialog', class: 'cite-actions' }, act('copy-cite', 'Copy citation'), h('button', {}, 'Close'), status()),
  );
  return { bar, label, status: said, dialog };
}

export class PassageBar extends HTMLElement {
  #host: ReaderPassages | null = null;
  // Made with the element, put in when it connects (an element's constructor must not add children).
  #parts = build();
  #bar = this.#parts.bar;
  #label = this.#parts.label;
  #status = this.#parts.status;
  #dialog = this.#parts.dialog;
  #abort = new AbortController();

  connectedCallback() {
    this.#host = this.closest('reader-passages');
    if (!this.#host) return;
    if (!this.contains(this.#bar)) this.append(this.#bar, this.#dialog);
    const signal = this.#abort.signal;
    this.#host.addEventListener(OFFER, (e) => this.#show((e as OfferEvent).detail.ranges), { signal });
    this.#host.addEventListener('click', (e) => this.#onRowLink(e), { signal });
    this.#bar.addEventListener('click', (e) => this.#act((e.target as Element).closest<HTMLElement>('[data-act]')?.dataset.act), { signal });
    this.#dialog.querySelector('[data-act="copy-cite"]')!.addEventListener('click', () => void this.#copyCitation(), { signal });
    this.#show(this.#host.offered);
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  get #ranges(): AnchorRange[] {
    return this.#host?.offered ?? [];
  }

  #show(ranges: AnchorRange[]) {
    if (!ranges.length) {
      this.#bar.hidden = true;
      return;
    }
    this.#label.textContent = passageLabel({ ranges });
    this.#status.textContent = '';
    this.#bar.hidden = false;
  }

  #onRowLink(event: MouseEvent) {
    const button = (event.target as Element).closest<HTMLButtonElement>(`button.${STATE.rowLink}`);
    if (button) void this.#copy(pageUrl(`#${button.closest<HTMLElement>(SELECT.row)!.id}`), 'Link copied');
  }

  #act(act: string | undefined) {
    const host = this.#host!;
    if (act === 'link') void this.#copy(pageUrl(host.fragment()), 'Link copied');
    else if (act === 'cite') {
      this.#dialog.querySelector('.cite-text')!.textContent = citation(host, this.#ranges);
      this.#dialog.querySelector('[role="status"]')!.textContent = '';
      this.#dialog.showModal();
    } else if (act === 'copy') {
      const { zh, en } = passageText(host, this.#ranges);
      void this.#copy([zh.join('\n'), en.join('\n'), citation(host, this.#ranges), pageUrl(host.fragment())].join('\n\n'), 'Passage copied');
    } else if (act === 'print') {
      highlight(host, this.#ranges);
      document.documentElement.classList.add(STATE.printPassage);
      window.print();
    } else if (act === 'close') host.offer([]);
  }

  async #copyCitation() {
    const ok = await copyText(citation(this.#host!, this.#ranges));
    this.#dialog.querySelector('[role="status"]')!.textContent = ok ? 'Citation copied' : 'Copy failed: select the text and copy it';
  }

  async #copy(text: string, done: string) {
    const ok = await copyText(text);
    this.#status.textContent = ok ? done : 'Copy failed: your browser refused';
    if (this.#bar.hidden) {
      this.#label.textContent = '';
      this.#bar.hidden = false;
    }
  }
}

if (!customElements.get('passage-bar')) customElements.define('passage-bar', PassageBar);
