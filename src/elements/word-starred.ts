/**
 * <word-starred>: the "My words" page (src/pages/words/index.astro). Lists the starred words kept
 * in localStorage (lib/words/starred.ts), newest first, each with its sentence, the sentence's
 * English and a link back; removes one; exports all as CSV or as an Anki-ready TSV.
 */
import { toAnkiTsv, toCsv, type ExportRow } from '../lib/words/export.ts';
import { parseStarred, removeStarred, WORD_STORAGE, type StarredWord } from '../lib/words/starred.ts';
import { download, readStorage, writeStorage } from './word-dom.ts';

const rowOf = (w: StarredWord): ExportRow => ({ ...w, hsk: 0 });

export class WordStarred extends HTMLElement {
  #abort = new AbortController();

  connectedCallback() {
    const signal = this.#abort.signal;
    this.addEventListener('click', (e) => this.#onClick(e.target as HTMLElement), { signal });
    // Another tab starring a word updates this list.
    window.addEventListener('storage', (e) => e.key === WORD_STORAGE.starred && this.#draw(), { signal });
    this.#draw();
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  #list(): StarredWord[] {
    return parseStarred(readStorage(WORD_STORAGE.starred));
  }

  #draw() {
    const list = this.#list();
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>, ...children: (Node | string)[]) => {
      const e = Object.assign(document.createElement(tag), props);
      e.append(...children);
      return e;
    };
    this.querySelector('.my-words')!.replaceChildren(
      ...list.map((w) => {
        const remove = make('button', { type: 'button', className: 'mw-remove', textContent: 'Remove' });
        remove.dataset.word = w.word;
        remove.dataset.url = w.url;
        remove.setAttribute('aria-label', `Remove ${w.word}`);
        return make(
          'li',
          {},
          make(
            'p',
            { className: 'mw-head' },
            make('span', { className: 'mw-word', lang: 'zh-Hans' }, w.word),
            ' ',
            make('span', { className: 'wp-py', lang: 'zh-Latn-pinyin' }, w.pinyin),
            w.traditional ? ` ${w.traditional}` : '',
            ' ',
            remove,
          ),
          make('p', { className: 'mw-def', lang: 'en' }, w.definition),
          make('p', { className: 'mw-sentence', lang: 'zh-Hans' }, w.zh),
          w.en ? make('p', { className: 'mw-en', lang: 'en' }, w.en) : '',
          make('p', { className: 'mw-link' }, make('a', { href: w.url }, w.title || w.url)),
        );
      }),
    );
    this.querySelector('.mw-count')!.textContent = list.length ? `${list.length} starred ${list.length === 1 ? 'word' : 'words'}` : 'No starred words yet.';
    for (const b of this.querySelectorAll<HTMLButtonElement>('[data-export]')) b.disabled = !list.length;
  }

  #onClick(target: HTMLElement) {
    const remove = target.closest<HTMLElement>('.mw-remove');
    if (remove) {
      writeStorage(WORD_STORAGE.starred, JSON.stringify(removeStarred(this.#list(), remove.dataset.word!, remove.dataset.url!)));
      this.#draw();
      return;
    }
    const kind = target.closest<HTMLElement>('[data-export]')?.dataset.export;
    if (!kind) return;
    const rows = this.#list().map(rowOf);
    if (kind === 'csv') download('my-words.csv', toCsv(rows), 'text/csv;charset=utf-8');
    else download('my-words-anki.tsv', toAnkiTsv(rows), 'text/tab-separated-values;charset=utf-8');
  }
}

if (!customElements.get('word-starred')) customElements.define('word-starred', WordStarred);
