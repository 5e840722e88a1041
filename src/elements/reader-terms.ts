/**
 * <reader-terms>: glossary marks become popover buttons. Click, tap, Enter or Space on a mark opens
 * its popover (pre-rendered by TermPopovers.astro) beside it, and the first time loads the term's
 * glossary note into it (`glossary/<slug>/note.js`); Esc or a click outside closes it
 * (Popover API light dismiss) and focus returns to the mark. Hovering or focusing a mark highlights
 * its partner marks in the same row (Chinese term ↔ English rendering).
 * https://developer.mozilla.org/docs/Web/API/Popover_API
 */
import { attr, DATA, popoverId, SELECT, STATE, TERM_NOTE_GLOBAL } from '../lib/render/markup.ts';

const MARK = SELECT.term;
const GAP = 6;
const EDGE = 8;

declare global {
  var __duizhaoNote: ((term: string, html: string) => void) | undefined;
}

/** Notes asked for, by popover id: each note.js hands its note over with its term's id. */
const waiting = new Map<string, (html: string) => void>();

/** A curated term's note (`glossary/<slug>/note.js`, a classic script: it loads from file:// too). */
function loadNote(pop: string, src: string): Promise<string> {
  globalThis[TERM_NOTE_GLOBAL] ??= (term: string, html: string) => waiting.get(popoverId(term))?.(html);
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src, async: true });
    waiting.set(pop, resolve);
    // A classic script runs before its load event: by then it has handed its note over.
    script.onload = script.onerror = () => {
      script.remove();
      waiting.delete(pop);
      reject(new Error(`${src} did not hand over a note`));
    };
    document.head.append(script);
  });
}

export class ReaderTerms extends HTMLElement {
  #opener: HTMLElement | null = null;
  #lit: Element[] = [];
  /** Glossary notes loading or loaded, by popover id. */
  #notes = new Map<string, Promise<void>>();

  #onClick = (event: MouseEvent) => {
    const mark = (event.target as Element).closest<HTMLElement>(MARK);
    if (!mark || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    if (this.#open(mark)) event.preventDefault();
  };

  #onKey = (event: KeyboardEvent) => {
    const mark = (event.target as Element).closest<HTMLElement>(MARK);
    if (mark && event.key === ' ' && this.#open(mark)) event.preventDefault();
  };

  #onOver = (event: Event) => {
    const mark = (event.target as Element).closest<HTMLElement>(MARK);
    this.#light(mark);
    // A pointer or focus on a mark: its note is probably wanted next.
    const pop = mark && document.getElementById(popoverId(mark.dataset[DATA.term]!));
    if (pop) void this.#note(pop);
  };

  #onOut = (event: Event) => {
    const to = (event as FocusEvent).relatedTarget as Element | null;
    if (!to?.closest?.(MARK)) this.#light(null);
  };

  #onToggle = (event: Event) => {
    const pop = event.target as HTMLElement;
    if ((event as ToggleEvent).newState === 'closed' && this.#opener) {
      this.#opener.setAttribute('aria-expanded', 'false');
      // Esc or Close: give focus back to the mark. A click elsewhere keeps focus where it went.
      if (pop.contains(document.activeElement) || document.activeElement === document.body) this.#opener.focus();
      this.#opener = null;
    }
  };

  connectedCallback() {
    for (const mark of this.querySelectorAll<HTMLElement>(MARK)) {
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.setAttribute('aria-expanded', 'false');
    }
    this.addEventListener('click', this.#onClick);
    this.addEventListener('keydown', this.#onKey);
    this.addEventListener('pointerover', this.#onOver);
    this.addEventListener('focusin', this.#onOver);
    this.addEventListener('pointerout', this.#onOut);
    this.addEventListener('focusout', this.#onOut);
    this.addEventListener('toggle', this.#onToggle, true);
  }

  disconnectedCallback() {
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('keydown', this.#onKey);
    this.removeEventListener('pointerover', this.#onOver);
    this.removeEventListener('focusin', this.#onOver);
    this.removeEventListener('pointerout', this.#onOut);
    this.removeEventListener('focusout', this.#onOut);
    this.removeEventListener('toggle', this.#onToggle, true);
  }

  /** Highlights the marks of the same term in the same row or headline. */
  #light(mark: HTMLElement | null) {
    for (const el of this.#lit) el.classList.remove(STATE.termLit);
    this.#lit = [];
    if (!mark) return;
    const scope = mark.closest(SELECT.scope);
    if (!scope) return;
    const term = mark.dataset[DATA.term]!;
    this.#lit = [...scope.querySelectorAll<HTMLElement>(MARK)].filter((m) => m.dataset[DATA.term] === term);
    for (const el of this.#lit) el.classList.add(STATE.termLit);
  }

  #open(mark: HTMLElement): boolean {
    const pop = document.getElementById(popoverId(mark.dataset[DATA.term]!));
    if (!pop || typeof pop.showPopover !== 'function') return false;
    if (pop.matches(':popover-open')) {
      pop.hidePopover();
      return true;
    }
    // Opened for the first time: shown once its note is in (a local file, usually fetched on hover).
    if (pop.hasAttribute(attr(DATA.noteSrc))) void this.#note(pop).finally(() => this.#show(pop, mark));
    else this.#show(pop, mark);
    return true;
  }

  #show(pop: HTMLElement, mark: HTMLElement) {
    if (pop.matches(':popover-open')) return;
    this.#opener = mark;
    mark.setAttribute('aria-expanded', 'true');
    pop.showPopover();
    this.#place(pop, mark);
    pop.focus({ preventScroll: true });
  }

  /** Loads a popover's glossary note, once, and puts it after the gloss. */
  #note(pop: HTMLElement): Promise<void> {
    const src = pop.getAttribute(attr(DATA.noteSrc));
    if (!src) return Promise.resolve();
    let request = this.#notes.get(pop.id);
    if (!request) {
      request = loadNote(pop.id, src).then(
        (html) => {
          pop.removeAttribute(attr(DATA.noteSrc));
          const note = Object.assign(document.createElement('div'), { className: 'tp-note', lang: 'en' });
          note.innerHTML = html;
          (pop.querySelector('.tp-gloss') ?? pop.querySelector('.tp-head'))!.after(note);
        },
        () => void this.#notes.delete(pop.id), // offline and not cached: the popover opens without it
      );
      this.#notes.set(pop.id, request);
    }
    return request;
  }

  /**
   * Below the mark (above when there is no room), kept inside the viewport: CSS anchor positioning
   * cannot yet clamp a wide popover into a 375 px screen, so a few lines of geometry do it.
   */
  #place(pop: HTMLElement, mark: HTMLElement) {
    const r = mark.getBoundingClientRect();
    const w = pop.offsetWidth;
    const ht = pop.offsetHeight;
    const left = Math.min(Math.max(EDGE, r.left), window.innerWidth - w - EDGE);
    const below = r.bottom + GAP;
    const top = below + ht <= window.innerHeight - EDGE || r.top - GAP - ht < EDGE ? below : r.top - GAP - ht;
    pop.style.left = `${Math.max(EDGE, left)}px`;
    pop.style.top = `${Math.max(EDGE, top)}px`;
  }
}

if (!customElements.get('reader-terms')) customElements.define('reader-terms', ReaderTerms);
