/**
 * <reader-terms>: glossary marks become popover buttons. Click, tap, Enter or Space on a mark opens
 * its term's popover beside it; Esc or a click outside closes it (Popover API light dismiss) and
 * focus returns to the mark. Hovering or focusing a mark highlights its partner marks in the same
 * row (Chinese term ↔ English rendering).
 * https://developer.mozilla.org/docs/Web/API/Popover_API
 *
 * The page carries each term once, in its print notes (the term list, lib/render/markup.ts): a
 * term's popover is built from its entry the first time it is opened, with the entry's text as
 * text (never as HTML), and gets the term's glossary note (`glossary/<slug>/note.js`, asked for
 * when a pointer or focus reaches a mark). Without JavaScript a mark is a link to its glossary
 * entry or to the page's list of names.
 */
import { attr, CLASS, DATA, popoverId, SELECT, STATE, TERM_NOTE_FILE, TERM_NOTE_GLOBAL } from '../lib/render/markup.ts';

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

/** An element with these attributes and children; text stays text (nothing is parsed as HTML). */
function h(tag: string, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

/**
 * A term's popover from its entry in the term list: hanzi, pinyin, gloss, for a named entity where
 * it comes from, a link to the glossary entry (the mark's own) or to the page's names, and Close.
 */
function termPopover(term: string, entry: HTMLElement, href: string): HTMLElement {
  const id = popoverId(term);
  const text = (selector: string) => (entry.querySelector(selector)?.textContent ?? '').trim();
  const entity = entry.dataset[DATA.kind] === 'entity';
  const gloss = text(`.${CLASS.termGloss}`);
  return h(
    'div',
    { popover: 'auto', id, class: 'term-pop', role: 'dialog', 'aria-labelledby': `${id}-h`, tabindex: '-1' },
    h(
      'p',
      { class: 'tp-head' },
      h('span', { id: `${id}-h`, class: 'tp-hanzi', lang: 'zh-Hans' }, text('[lang="zh-Hans"]')),
      h('span', { class: 'tp-pinyin', lang: 'zh-Latn-pinyin' }, text(`.${CLASS.termReading}`)),
    ),
    ...(gloss ? [h('p', { class: 'tp-gloss', lang: 'en' }, gloss)] : []),
    ...(entity ? [h('p', { class: 'tp-source' }, "Name from the translation's list of named entities; pinyin generated.")] : []),
    h(
      'p',
      { class: 'tp-actions' },
      entity ? h('a', { href: '#names' }, 'All names in this article') : h('a', { href }, 'Glossary entry →'),
      h('button', { type: 'button', class: 'tp-close', popovertarget: id, popovertargetaction: 'hide' }, 'Close'),
    ),
  );
}

export class ReaderTerms extends HTMLElement {
  #opener: HTMLElement | null = null;
  #lit: Element[] = [];
  /** Glossary notes loading or loaded, by term id (undefined: not loaded, offline and not cached). */
  #notes = new Map<string, Promise<string | undefined>>();

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
    if (mark) void this.#note(mark);
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
    const term = mark.dataset[DATA.term]!;
    const pop = document.getElementById(popoverId(term)) ?? this.#build(term, mark);
    if (!pop || typeof pop.showPopover !== 'function') return false;
    if (pop.matches(':popover-open')) {
      pop.hidePopover();
      return true;
    }
    // Opened for the first time: shown once its note is in (a local file, usually fetched on hover).
    if (this.#entry(term)?.hasAttribute(attr(DATA.note)) && !pop.querySelector('.tp-note'))
      void this.#note(mark).then((html) => {
        if (html !== undefined && !pop.querySelector('.tp-note')) {
          const note = h('div', { class: 'tp-note', lang: 'en' });
          note.innerHTML = html; // the glossary's own note, sanitised at build time (loaders/glossary.ts)
          (pop.querySelector('.tp-gloss') ?? pop.querySelector('.tp-head'))!.after(note);
        }
        this.#show(pop, mark);
      });
    else this.#show(pop, mark);
    return true;
  }

  /** The term's entry in the page's term list. */
  #entry(term: string): HTMLElement | undefined {
    return [...this.querySelectorAll<HTMLElement>(SELECT.termEntry)].find((li) => li.dataset[DATA.term] === term);
  }

  /** The term's popover, made from its entry the first time it is opened, kept for the next. */
  #build(term: string, mark: HTMLElement): HTMLElement | null {
    const entry = this.#entry(term);
    if (!entry) return null;
    let box = this.querySelector(':scope > .term-pops');
    if (!box) this.append((box = h('div', { class: 'term-pops' })));
    return box.appendChild(termPopover(term, entry, mark.getAttribute('href') ?? ''));
  }

  #show(pop: HTMLElement, mark: HTMLElement) {
    if (pop.matches(':popover-open')) return;
    this.#opener = mark;
    mark.setAttribute('aria-expanded', 'true');
    pop.showPopover();
    this.#place(pop, mark);
    pop.focus({ preventScroll: true });
  }

  /**
   * The glossary note of a mark's term, asked for once (again after a failure): `note.js` beside
   * the glossary page the mark links to (`glossary/lv/`, `../glossary/lv/index.html` when portable).
   */
  #note(mark: HTMLElement): Promise<string | undefined> {
    const term = mark.dataset[DATA.term]!;
    let request = this.#notes.get(term);
    if (!request) {
      if (!this.#entry(term)?.hasAttribute(attr(DATA.note)) || !(mark instanceof HTMLAnchorElement)) return Promise.resolve(undefined);
      request = loadNote(popoverId(term), new URL(TERM_NOTE_FILE, mark.href).href).catch(() => void this.#notes.delete(term));
      this.#notes.set(term, request);
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
