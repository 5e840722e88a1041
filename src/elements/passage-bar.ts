/**
 * <passage-bar>: enhances the bar of components/PassageBar.astro. It shows the passage
 * <reader-passages> offers and does what its buttons say: Copy link · Cite (a dialog) · Copy passage
 * (Chinese, English, citation, address) · Print passage. A row's link button copies that row's
 * address through it too.
 */
import { chicagoCitation, type CitationInput } from '../lib/passage/citation.ts';
import { passageLabel, type AnchorRange } from '../lib/passage/url.ts';
import { SELECT, STATE } from '../lib/render/markup.ts';
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

export class PassageBar extends HTMLElement {
  #host: ReaderPassages | null = null;
  #bar!: HTMLElement;
  #label!: HTMLElement;
  #status!: HTMLElement;
  #dialog!: HTMLDialogElement;
  #abort = new AbortController();

  connectedCallback() {
    this.#host = this.closest('reader-passages');
    const bar = this.querySelector<HTMLElement>('.passage-bar');
    const dialog = this.querySelector<HTMLDialogElement>('dialog');
    if (!this.#host || !bar || !dialog) return;
    [this.#bar, this.#dialog] = [bar, dialog];
    this.#label = bar.querySelector('.pb-label')!;
    this.#status = bar.querySelector('.pb-status')!;
    const signal = this.#abort.signal;
    this.#host.addEventListener(OFFER, (e) => this.#show((e as OfferEvent).detail.ranges), { signal });
    this.#host.addEventListener('click', (e) => this.#onRowLink(e), { signal });
    bar.addEventListener('click', (e) => this.#act((e.target as Element).closest<HTMLElement>('[data-act]')?.dataset.act), { signal });
    dialog.querySelector('[data-act="copy-cite"]')?.addEventListener('click', () => void this.#copyCitation(), { signal });
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
