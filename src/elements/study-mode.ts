/**
 * <study-mode>: the hidden side of study mode (`<html data-study="en|zh|pinyin">`, drawn as covers
 * by styles/reader.css) and revealing it. Tapping a covered sentence reveals it, tapping it again
 * covers it; a row's button (in its numbers' column) reveals or covers the row; "Reveal all" the
 * page. From the keyboard: the row buttons are in the Tab order, and Enter on a sentence reached
 * with the arrow keys (<reader-sentences>) reveals it, or, with the English hidden, its English;
 * Enter or Space on a glossary mark in a covered sentence reveals the sentence, as a tap does.
 * A lesson link's `&study=` (lib/passage/url.ts) sets the mode, before first paint and on a
 * change of the address; the select sets it for this page.
 */
import { parsePassage } from '../lib/passage/url.ts';
import { isStudy, type Study } from '../lib/passage/view.ts';
import { CLASS, SELECT, STATE } from '../lib/render/markup.ts';
import { partners, rowNumbers } from './passage-dom.ts';

type Hiding = Exclude<Study, 'off'>;
/** The cell whose sentences a mode covers (pinyin: the ruby inside the Chinese sentences). */
const SIDE: Record<Hiding, string> = { en: `.${CLASS.cell}.${CLASS.en}`, zh: `.${CLASS.cell}.${CLASS.zh}`, pinyin: `.${CLASS.cell}.${CLASS.zh}` };
const NAME: Record<Hiding, string> = { en: 'English', zh: 'Chinese', pinyin: 'pinyin' };
const EYE =
  '<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="8" cy="8" r="2.2" fill="currentColor"/></svg>';

export class StudyMode extends HTMLElement {
  #abort = new AbortController();
  #rows: HTMLElement | null = null;
  #select: HTMLSelectElement | null = null;
  #all: HTMLButtonElement | null = null;

  /** The mode the page is in. */
  get study(): Study {
    const value = document.documentElement.dataset.study;
    return isStudy(value) ? value : 'off';
  }

  connectedCallback() {
    this.#rows = document.querySelector<HTMLElement>(`.${CLASS.rows}`);
    this.#select = this.querySelector('select');
    this.#all = this.querySelector('button');
    if (!this.#rows || !this.#select || !this.#all) return;
    const signal = this.#abort.signal;
    this.#select.addEventListener('change', () => this.set(isStudy(this.#select!.value) ? this.#select!.value : 'off'), { signal });
    this.#all.addEventListener('click', () => this.#toggle(this.#covered(this.#rows!)), { signal });
    window.addEventListener('hashchange', () => this.#fromLink(), { signal });
    // Capture, before the glossary marks and passages see it: a tap on a cover only reveals.
    document.addEventListener('mousedown', (e) => this.#onMouseDown(e), { signal, capture: true });
    document.addEventListener('click', (e) => this.#onClick(e), { signal, capture: true });
    this.#rows.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    this.#rowButtons();
    this.#fromLink();
    this.set(this.study);
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  /** Switches the mode, everything covered again. */
  set(study: Study) {
    document.documentElement.dataset.study = study;
    for (const s of this.#rows?.querySelectorAll(`.${STATE.studyShown}`) ?? []) s.classList.remove(STATE.studyShown);
    if (this.#select) this.#select.value = study;
    this.#sync();
  }

  /** A link's `&study=` (escaped values too, which the first-paint script leaves). */
  #fromLink() {
    const linked = parsePassage(location.hash).study;
    if (linked && linked !== this.study) this.set(linked);
  }

  /** The sentences the mode covers, in a row or the page. */
  #covered(root: ParentNode): HTMLElement[] {
    const study = this.study;
    return study === 'off' ? [] : [...root.querySelectorAll<HTMLElement>(`${SIDE[study]} .${CLASS.sentence}`)];
  }

  #isCovered(s: HTMLElement): boolean {
    const study = this.study;
    return study !== 'off' && !!this.#rows?.contains(s) && !!s.closest(SIDE[study]);
  }

  /** Reveals the sentences, or covers them again when all are revealed already. */
  #toggle(sentences: HTMLElement[], show = !sentences.every((s) => s.classList.contains(STATE.studyShown))) {
    for (const s of sentences) s.classList.toggle(STATE.studyShown, show);
    this.#sync();
  }

  /** Buttons say what they would do; a row with nothing to hide has none. */
  #sync() {
    const study = this.study;
    const shown = (list: HTMLElement[]) => list.length > 0 && list.every((s) => s.classList.contains(STATE.studyShown));
    if (this.#all) {
      this.#all.textContent = shown(this.#covered(this.#rows!)) ? 'Hide all' : 'Reveal all';
    }
    if (study === 'off') return;
    for (const button of this.#rows?.querySelectorAll<HTMLButtonElement>(`button.${STATE.studyRow}`) ?? []) {
      const row = button.closest<HTMLElement>(SELECT.row)!;
      const covered = this.#covered(row);
      button.hidden = covered.length === 0;
      button.setAttribute('aria-label', `${shown(covered) ? 'Hide' : 'Reveal'} the ${NAME[study]} of paragraph ${rowNumbers(row).join(', ')}`);
    }
  }

  #rowButtons() {
    for (const num of this.#rows!.querySelectorAll<HTMLElement>(`${SELECT.row} ${SELECT.numbers}`)) {
      if (num.querySelector(`.${STATE.studyRow}`) || !rowNumbers(num.closest(SELECT.row)!).length) continue;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = STATE.studyRow;
      b.innerHTML = EYE;
      // Right after the row numbers, before the copy-link button whichever element runs first.
      [...num.querySelectorAll(SELECT.rowNumber)].at(-1)!.after(b);
    }
  }

  #onMouseDown(event: MouseEvent) {
    const s = (event.target as Element).closest?.<HTMLElement>(`.${CLASS.sentence}`);
    // No focus, no selection, no passage offered: the tap is only for revealing.
    if (s && this.#isCovered(s) && !s.classList.contains(STATE.studyShown)) event.preventDefault();
  }

  #onClick(event: MouseEvent) {
    if (this.study === 'off' || event.button !== 0) return;
    const target = event.target as Element;
    const button = target.closest?.(`button.${STATE.studyRow}`);
    if (button && this.#rows?.contains(button)) {
      this.#toggle(this.#covered(button.closest(SELECT.row)!));
      return;
    }
    const s = target.closest?.<HTMLElement>(`.${CLASS.sentence}`);
    if (!s || !this.#isCovered(s)) return;
    if (!s.classList.contains(STATE.studyShown)) {
      event.preventDefault();
      event.stopPropagation();
      this.#toggle([s], true);
    } else if (!target.closest(SELECT.term) && document.getSelection()?.isCollapsed !== false) this.#toggle([s], false);
  }

  #onKey(event: KeyboardEvent) {
    if (this.study === 'off' || (event.key !== 'Enter' && event.key !== ' ')) return;
    // A glossary mark in a covered sentence reveals the sentence, as a tap does, and opens nothing.
    const mark = (event.target as Element).closest(SELECT.term);
    const around = mark?.closest<HTMLElement>(`.${CLASS.sentence}`);
    if (around && this.#isCovered(around) && !around.classList.contains(STATE.studyShown)) {
      event.preventDefault();
      event.stopPropagation();
      this.#toggle([around], true);
      return;
    }
    const s = event.target as HTMLElement;
    if (event.key !== 'Enter' || !s.matches(`.${CLASS.sentence}`)) return;
    const which = this.#isCovered(s) ? [s] : this.study === 'en' ? partners(s) : [];
    if (!which.length) return;
    event.preventDefault();
    this.#toggle(which);
  }
}

if (!customElements.get('study-mode')) customElements.define('study-mode', StudyMode);
