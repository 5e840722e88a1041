/**
 * <reader-print>: the handout. Before printing it fills in the citation (of the passage when
 * "Print passage" asked, else of the whole article) and the source line every printed page's
 * footer carries, lets long rows break across pages, and numbers the glossary notes of what is
 * printed: the build numbered them for the whole page (src/plugins/rehype-glossary.ts); a passage
 * numbers its own from 1 by the same rule (lib/render/footnotes.ts), showing only its notes.
 */
import { numberFootnotes } from '../lib/render/footnotes.ts';
import { passageLabel } from '../lib/passage/url.ts';
import { CLASS, DATA, SELECT, STATE } from '../lib/render/markup.ts';
import { citation, type CiteData } from './passage-bar.ts';
import { pageUrl, type ReaderPassages } from './reader-passages.ts';

/** About half an A4 page of text: past that, keeping a row whole leaves big gaps. */
const MAY_SPLIT = 1200;

export class ReaderPrint extends HTMLElement {
  #abort = new AbortController();
  #footer: CSSStyleSheet | undefined;

  connectedCallback() {
    const signal = this.#abort.signal;
    window.addEventListener('beforeprint', () => this.#prepare(), { signal });
    window.addEventListener('afterprint', () => document.documentElement.classList.remove(STATE.printPassage), { signal });
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  #prepare() {
    const host = this.closest<ReaderPassages>('reader-passages');
    if (!host) return;
    const passageOnly = document.documentElement.classList.contains(STATE.printPassage);
    const ranges = passageOnly ? host.offered : [];
    const cite = this.querySelector<HTMLElement>('.print-cite');
    if (cite) cite.textContent = citation(host, ranges);
    const data = JSON.parse(host.dataset.cite ?? '{}') as CiteData;
    this.#pageFooter(
      `《人民日报》 People’s Daily, ${data.date}, page ${data.page}${ranges.length ? `, ${passageLabel({ ranges })}` : ''} · ${pageUrl(ranges.length ? host.fragment(ranges) : '')}`,
    );
    for (const row of host.querySelectorAll<HTMLElement>(SELECT.row)) row.classList.toggle(STATE.printMaySplit, (row.textContent ?? '').length > MAY_SPLIT);
    this.#notes(host, passageOnly);
  }

  /**
   * Source and address in every printed page's footer (CSS page margin boxes take a string). A
   * constructed stylesheet, not a <style> element: the page's security policy allows inline
   * styles only by hash (src/integrations/csp.ts), and the CSSOM is not subject to it.
   */
  #pageFooter(text: string) {
    this.#footer ??= new CSSStyleSheet();
    if (!document.adoptedStyleSheets.includes(this.#footer)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.#footer];
    this.#footer.replaceSync(`@page { @bottom-left { content: ${JSON.stringify(text)}; font: 7pt/1.3 sans-serif; color: #555; vertical-align: top; } }`);
  }

  /** The notes of the terms printed, in their order, numbered as their references in the text. */
  #notes(host: ReaderPassages, passageOnly: boolean) {
    const list = this.querySelector<HTMLOListElement>(`.${CLASS.termList} ol`);
    if (!list) return;
    const marks = [...host.querySelectorAll<HTMLElement>(SELECT.termZh)].filter(
      (m) => m.closest(SELECT.scope) && (!passageOnly || m.closest(`${SELECT.row}.${STATE.inPassage}`)),
    );
    const numbers = numberFootnotes(marks.map((m) => m.dataset[DATA.term]!));
    for (const ref of host.querySelectorAll<HTMLElement>(SELECT.footnoteRef)) delete ref.dataset[DATA.fn];
    const numbered = new Set<string>();
    for (const mark of marks) {
      const id = mark.dataset[DATA.term]!;
      const ref = mark.nextElementSibling as HTMLElement | null;
      if (numbered.has(id) || !ref?.matches(SELECT.footnoteRef)) continue;
      numbered.add(id);
      ref.dataset[DATA.fn] = String(numbers.get(id));
    }
    const notes = new Map([...list.children].map((li) => [(li as HTMLElement).dataset[DATA.term]!, li as HTMLElement]));
    for (const li of notes.values()) li.hidden = !numbers.has(li.dataset[DATA.term]!);
    list.append(...[...numbers.keys()].map((id) => notes.get(id)).filter((li): li is HTMLElement => !!li));
  }
}

if (!customElements.get('reader-print')) customElements.define('reader-print', ReaderPrint);
