/**
 * Longer than 250 lines because it builds its own popover: that markup lives with its one user, and
 * the page does not carry it.
 *
 * <word-lookup data-src="…/words.js">: any Chinese word on a document page opens a popover with
 * its pinyin here, traditional form and CC-CEDICT's readings (the one popover, built empty when
 * the element connects). The page's word data is loaded on the first lookup, only for that page.
 * A glossary term's popover (<reader-terms>) gets the dictionary's readings below its entry.
 *
 * Words are not Tab stops (a page has thousands): from a focused Chinese sentence (reached from a
 * row number with →), Enter steps into its words; ← and → move word by word, Enter or Space opens
 * the lookup, Esc goes back to the sentence. Without JavaScript the words are plain text.
 */
import { attr, CLASS, DATA, SELECT, TAG } from '../lib/render/markup.ts';
import { shortDefinition, traditionalOf, WORD_KEYS_ID, WORD_POPOVER_ID, type PageWords } from '../lib/words/data.ts';
import { isStarred, parseStarred, toggleStarred, WORD_STORAGE } from '../lib/words/starred.ts';
import { ensureRuby } from './ruby-load.ts';
import { h, siteHref } from './build-dom.ts';
import { drawEntries, loadWords, pinyinHere, readStorage, sentenceOf, sentenceUrl, wordText, writeStorage } from './word-dom.ts';

const GAP = 6;
const EDGE = 8;
/** Marks that can be stepped through and looked up: words and Chinese glossary marks, in Chinese text. */
const STEPS = `.${CLASS.cell}.${CLASS.zh} :is(${SELECT.lookup}), .${CLASS.headline} h1 :is(${SELECT.lookup})`;

/**
 * The page's one word popover (Popover API, as a glossary term's: Esc and a click outside close
 * it), empty until <word-lookup> fills it with the word it opens for, and before it the description
 * of the word keys that a focused sentence points to. Its footer credits CC-CEDICT, whose data it
 * shows (CC BY-SA 4.0).
 */
function wordPopover(): HTMLElement[] {
  const id = WORD_POPOVER_ID;
  const keys = "Enter: step into this sentence's words. Then ← and →: next word; Enter: look it up; Esc: back to the sentence.";
  return [
    h('p', { id: WORD_KEYS_ID, hidden: '' }, keys),
    h(
      'div',
      { popover: 'auto', id, class: 'term-pop word-pop', role: 'dialog', 'aria-labelledby': `${id}-h`, tabindex: '-1' },
      h(
        'p',
        { class: 'tp-head' },
        h('span', { id: `${id}-h`, class: 'tp-hanzi', lang: 'zh-Hans' }),
        h('span', { class: 'tp-pinyin', lang: 'zh-Latn-pinyin' }),
        h('span', { class: 'wp-trad', lang: 'zh-Hant', title: 'Traditional form' }),
      ),
      h('div', { class: 'wp-body', 'aria-live': 'polite' }),
      h(
        'p',
        { class: 'tp-actions' },
        h('button', { type: 'button', class: 'wp-star', 'aria-pressed': 'false' }, '☆ Star'),
        h('a', { href: siteHref('words/') }, 'My words'),
        h('button', { type: 'button', class: 'tp-close', popovertarget: id, popovertargetaction: 'hide' }, 'Close'),
      ),
      h('p', { class: 'wp-credit' }, 'Dictionary: ', h('a', { href: siteHref('about/#cc-cedict') }, 'CC-CEDICT'), ', licensed CC BY-SA 4.0'),
    ),
  ];
}

export class WordLookup extends HTMLElement {
  #abort = new AbortController();
  #opener: HTMLElement | null = null;
  /** The word the star button acts on. */
  #current: { word: string; pinyin: string; mark: HTMLElement } | null = null;

  get #pop() {
    return document.getElementById(WORD_POPOVER_ID);
  }

  connectedCallback() {
    if (!this.#pop) this.append(...wordPopover());
    const signal = this.#abort.signal;
    this.addEventListener('click', (e) => this.#onClick(e), { signal });
    this.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    this.addEventListener('toggle', (e) => this.#onToggle(e as ToggleEvent), { signal, capture: true });
    // A sentence reached from the keyboard says how to step into its words (set on focus: a page
    // has hundreds of sentences).
    this.addEventListener(
      'focusin',
      (e) => {
        const s = e.target as HTMLElement;
        if (s.matches?.(SELECT.zhSentenceTarget) && !s.hasAttribute('aria-describedby')) s.setAttribute('aria-describedby', WORD_KEYS_ID);
      },
      { signal },
    );
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  #data(): Promise<PageWords> {
    return loadWords(this.dataset.src ?? '');
  }

  #onClick(event: MouseEvent) {
    const target = event.target as Element;
    if (target.closest('.wp-star')) return this.#star(target.closest<HTMLButtonElement>('.wp-star')!);
    const word = target.closest<HTMLElement>(TAG.word);
    if (!word || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    // A selection being made with the mouse is not a lookup.
    if (String(getSelection() ?? '') !== '') return;
    this.#open(word);
  }

  #onKey(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    if (target.matches(SELECT.zhSentenceTarget) && event.key === 'Enter') {
      const first = target.querySelector<HTMLElement>(SELECT.lookup);
      if (first) {
        event.preventDefault();
        this.#focus(first);
      }
      return;
    }
    if (!target.matches(STEPS)) return;
    const isWord = target.localName === TAG.word;
    let next: HTMLElement | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const all = [...this.querySelectorAll<HTMLElement>(STEPS)];
      next = all[all.indexOf(target) + (event.key === 'ArrowRight' ? 1 : -1)];
      event.preventDefault(); // at either end, stay (the page must not step to another article)
    } else if (event.key === 'Escape') {
      next = target.closest<HTMLElement>(SELECT.zhSentenceTarget) ?? target.closest(SELECT.row)?.querySelector<HTMLElement>(SELECT.rowNumber) ?? undefined;
    } else if (isWord && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      this.#open(target);
      return;
    }
    if (next) {
      event.preventDefault();
      this.#focus(next);
    }
  }

  /** Focus a word or sentence, making it focusable (words are not, until stepped to). */
  #focus(mark: HTMLElement) {
    if (mark.localName === TAG.word && !mark.hasAttribute('tabindex')) {
      mark.tabIndex = -1;
      mark.setAttribute('role', 'button');
      mark.setAttribute('aria-haspopup', 'dialog');
    }
    mark.focus();
  }

  async #open(mark: HTMLElement) {
    const pop = this.#pop;
    if (!pop || typeof pop.showPopover !== 'function') return;
    if (pop.matches(':popover-open') && this.#opener === mark) {
      pop.hidePopover();
      return;
    }
    const word = wordText(mark);
    // A word's pinyin here is its ruby, which the page gets with its pinyin.js (elements/ruby-load.ts).
    if (!mark.dataset[DATA.reading] && !mark.querySelector('rt')) await ensureRuby().catch(() => undefined);
    const pinyin = pinyinHere(mark);
    this.#current = { word, pinyin, mark };
    pop.querySelector('.tp-hanzi')!.textContent = word;
    pop.querySelector('.tp-pinyin')!.textContent = pinyin;
    pop.querySelector('.wp-trad')!.textContent = '';
    const body = pop.querySelector<HTMLElement>('.wp-body')!;
    body.textContent = 'Looking up…';
    this.#drawStar(pop);
    if (pop.matches(':popover-open')) pop.hidePopover();
    // Another word's popover closed by this tap: its toggle event merges with this opening one.
    this.#opener?.removeAttribute('aria-expanded');
    this.#opener = mark;
    mark.setAttribute('aria-expanded', 'true');
    pop.showPopover();
    this.#place(pop, mark);
    pop.focus({ preventScroll: true });
    try {
      const data = await this.#data();
      if (this.#current?.mark !== mark) return;
      const traditional = traditionalOf(word, data.dict[word], pinyin);
      pop.querySelector('.wp-trad')!.textContent = traditional;
      drawEntries(body, word, pinyin, data.dict, traditional);
    } catch {
      body.textContent = 'The dictionary for this page could not be loaded. Reload the page to try again.';
    }
    this.#place(pop, mark);
  }

  #onToggle(event: ToggleEvent) {
    const pop = event.target as HTMLElement;
    if (!pop.classList?.contains('term-pop')) return;
    if (event.newState === 'open' && pop.id !== WORD_POPOVER_ID) void this.#termSenses(pop);
    if (event.newState === 'closed' && pop.id === WORD_POPOVER_ID && this.#opener) {
      const opener = this.#opener;
      opener.removeAttribute('aria-expanded');
      // Esc or Close: give focus back to the word. A click elsewhere keeps focus where it went.
      if (pop.contains(document.activeElement) || document.activeElement === document.body) this.#focus(opener);
      this.#opener = null;
    }
  }

  /** A glossary term's popover: its entry, then the dictionary's readings and a star. */
  async #termSenses(pop: HTMLElement) {
    // The mark it opened from (<reader-terms> marks it expanded), and for a star the Chinese mark of
    // the same term in that row: an English rendering has no Chinese sentence of its own.
    const mark = this.querySelector<HTMLElement>(`${SELECT.term}[aria-expanded="true"]`);
    const zh = mark?.matches(SELECT.termZh)
      ? mark
      : mark?.closest(SELECT.scope)?.querySelector<HTMLElement>(`${SELECT.termZh}[${attr(DATA.term)}="${mark.dataset[DATA.term]}"]`);
    const word = (pop.querySelector('.tp-hanzi')?.textContent ?? '').trim();
    const pinyin = (pop.querySelector('.tp-pinyin')?.textContent ?? '').trim();
    this.#current = zh ? { word, pinyin, mark: zh } : null;
    let box = pop.querySelector<HTMLElement>('.wp-dict');
    if (!box) {
      box = Object.assign(document.createElement('div'), { className: 'wp-dict' });
      const template = this.#pop?.querySelector('.wp-credit')?.cloneNode(true);
      box.append(Object.assign(document.createElement('p'), { className: 'wp-dict-h', textContent: 'In the dictionary' }), document.createElement('div'));
      if (template) box.append(template);
      pop.querySelector('.tp-actions')?.before(box);
      const star = this.#pop?.querySelector('.wp-star')?.cloneNode(true) as HTMLElement | undefined;
      if (star) pop.querySelector('.tp-actions')?.prepend(star);
    }
    this.#drawStar(pop);
    const target = box.children[1] as HTMLElement;
    target.textContent = 'Looking up…';
    // The entry grew: place it again beside its mark, inside the viewport.
    if (mark) this.#place(pop, mark);
    try {
      drawEntries(target, word, pinyin, (await this.#data()).dict);
    } catch {
      target.textContent = 'The dictionary for this page could not be loaded.';
    }
    if (mark && pop.matches(':popover-open')) this.#place(pop, mark);
  }

  #record() {
    const c = this.#current;
    if (!c) return null;
    const s = sentenceOf(c.mark);
    return { c, s, url: sentenceUrl(s.id) };
  }

  #drawStar(pop: HTMLElement) {
    const button = pop.querySelector<HTMLButtonElement>('.wp-star');
    const r = this.#record();
    if (button) button.hidden = !r;
    if (!button || !r) return;
    const on = isStarred(parseStarred(readStorage(WORD_STORAGE.starred)), r.c.word, r.url);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? '★ Starred' : '☆ Star';
  }

  async #star(button: HTMLButtonElement) {
    const r = this.#record();
    if (!r) return;
    const { c, s, url } = r;
    let dict: PageWords['dict'] = {};
    try {
      dict = (await this.#data()).dict;
    } catch {
      /* starred without a definition */
    }
    const list = toggleStarred(parseStarred(readStorage(WORD_STORAGE.starred)), {
      word: c.word,
      pinyin: c.pinyin,
      traditional: traditionalOf(c.word, dict[c.word], c.pinyin),
      definition: shortDefinition(dict[c.word], c.pinyin, 200),
      zh: s.zh,
      en: s.en,
      url,
      title: document.title,
      at: new Date().toISOString(),
    });
    if (!writeStorage(WORD_STORAGE.starred, JSON.stringify(list))) button.title = 'This browser does not let the page keep words.';
    this.#drawStar(button.closest<HTMLElement>('[popover]')!);
  }

  /**
   * Below the mark, or above it when there is more room there, inside the viewport (as
   * <reader-terms> does); when neither side has room for all of it, it scrolls within that side.
   */
  #place(pop: HTMLElement, mark: HTMLElement) {
    pop.style.maxHeight = '';
    const r = mark.getBoundingClientRect();
    const w = pop.offsetWidth;
    const ht = pop.offsetHeight;
    const below = window.innerHeight - EDGE - (r.bottom + GAP);
    const above = r.top - GAP - EDGE;
    const down = ht <= below || (ht > above && below >= above);
    if (ht > (down ? below : above)) pop.style.maxHeight = `${Math.max(below, above)}px`;
    const top = down ? r.bottom + GAP : r.top - GAP - Math.min(ht, above);
    const left = Math.min(Math.max(EDGE, r.left), window.innerWidth - w - EDGE);
    pop.style.left = `${Math.max(EDGE, left)}px`;
    pop.style.top = `${Math.max(EDGE, top)}px`;
  }
}

if (!customElements.get('word-lookup')) customElements.define('word-lookup', WordLookup);
