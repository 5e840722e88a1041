/**
 * <reader-sentences>: hovering or focusing a sentence lights it and its counterparts in the other
 * language (the ids lib/document/sentences.ts aligned). Sentences stay out of the Tab order (a page
 * has hundreds): from a row number, → and ← step through the sentences of the page, Esc goes back
 * to the row number.
 */
import { SELECT, STATE } from '../lib/render/markup.ts';
import { partners } from './passage-dom.ts';

export class ReaderSentences extends HTMLElement {
  #lit: Element[] = [];
  #abort = new AbortController();

  connectedCallback() {
    const signal = this.#abort.signal;
    this.addEventListener('pointerover', (e) => this.#light(e.target as Element), { signal });
    this.addEventListener('focusin', (e) => this.#light(e.target as Element), { signal });
    this.addEventListener('keydown', (e) => this.#onKey(e), { signal });
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  #light(target: Element) {
    const s = target.closest?.<HTMLElement>(SELECT.sentence);
    for (const el of this.#lit) el.classList.remove(STATE.sentenceLit);
    this.#lit = s ? [s, ...partners(s)] : [];
    for (const el of this.#lit) el.classList.add(STATE.sentenceLit);
  }

  /** Arrow keys from a row number or a sentence move through the Chinese sentences. */
  #onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const onNumber = target.matches(SELECT.rowNumber);
    const onSentence = target.matches(SELECT.zhSentenceTarget);
    if (!onNumber && !onSentence) return;
    const all = [...this.querySelectorAll<HTMLElement>(SELECT.zhSentenceTarget)];
    let next: HTMLElement | undefined;
    if (event.key === 'Escape' && onSentence) next = target.closest(SELECT.row)?.querySelector<HTMLElement>(SELECT.rowNumber) ?? undefined;
    else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') {
      next = onNumber ? (document.getElementById(`p${target.textContent}.1`) ?? undefined) : all[all.indexOf(target) + 1];
    } else if ((event.key === 'ArrowLeft' || event.key === 'ArrowUp') && onSentence) next = all[all.indexOf(target) - 1];
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }
}

if (!customElements.get('reader-sentences')) customElements.define('reader-sentences', ReaderSentences);
