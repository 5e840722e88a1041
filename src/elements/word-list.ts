/**
 * <word-list data-src="…/words.js">: "Words in this document" (components/WordList.astro). When
 * first opened it builds its tools, table and credits (the page carries only the disclosure), loads
 * the page's word data and lists each distinct word once: pinyin as read at its first occurrence, a
 * short definition, HSK level, the first sentence (a link to it) and a "known" box (kept in
 * localStorage, shared by all documents). Filters by level, hides known words, and exports what it
 * shows as CSV or as an Anki-ready TSV.
 */
import { shortDefinition, traditionalOf, type PageWords } from '../lib/words/data.ts';
import { toAnkiTsv, toCsv, type ExportRow } from '../lib/words/export.ts';
import { parseKnown, WORD_STORAGE } from '../lib/words/starred.ts';
import { h, siteHref } from './build-dom.ts';
import { download, loadWords, readStorage, sentenceOf, sentenceUrl, writeStorage } from './word-dom.ts';

const SHORT = 24;
const DEFINITION = 70;
const LEVELS: [string, string][] = [['', 'all words'], ...[1, 2, 3, 4, 5, 6].map((n): [string, string] => [String(n), `HSK ${n}`]), ['0', 'beyond HSK']];
const COLUMNS = ['Word', 'Pinyin', 'Definition', 'HSK', 'First in', 'Known'];

/** The list's filters, count and export buttons, its table (hidden until drawn) and its credits. */
function build(): HTMLElement[] {
  const level = h('select', { class: 'wl-level' }, ...LEVELS.map(([value, text]) => h('option', { value }, text)));
  return [
    h(
      'div',
      { class: 'wl-tools' },
      h('label', {}, 'Level ', level),
      h('label', {}, h('input', { type: 'checkbox', class: 'wl-hide-known' }), ' Hide known words'),
      h('span', { class: 'wl-count', 'aria-live': 'polite' }),
      h(
        'span',
        { class: 'wl-export' },
        'Export ',
        h('button', { type: 'button', 'data-export': 'csv' }, 'CSV'),
        h('button', { type: 'button', 'data-export': 'anki' }, 'Anki (TSV)'),
      ),
    ),
    h('table', { class: 'wl-table', hidden: '' }, h('thead', {}, h('tr', {}, ...COLUMNS.map((c) => h('th', { scope: 'col' }, c)))), h('tbody')),
    h(
      'p',
      { class: 'wl-foot' },
      'Definitions from ',
      h('a', { href: siteHref('about/#cc-cedict') }, 'CC-CEDICT'),
      ' (CC BY-SA 4.0); levels from the HSK 2.0 word lists. ',
      h('a', { href: siteHref('words/') }, 'My words'),
      ' lists the words you starred.',
    ),
  ];
}

export class WordList extends HTMLElement {
  #abort = new AbortController();
  #data: PageWords | null = null;
  #known = new Set<string>();

  connectedCallback() {
    const signal = this.#abort.signal;
    const details = this.querySelector('details');
    details?.addEventListener('toggle', () => details.open && void this.#fill(), { signal });
    if (details?.open || location.hash === '#words') {
      if (details) details.open = true;
      void this.#fill();
    }
    this.addEventListener('change', (e) => this.#onChange(e.target as HTMLElement), { signal });
    this.addEventListener('click', (e) => this.#onClick(e.target as HTMLElement), { signal });
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  async #fill() {
    const details = this.querySelector('details');
    if (this.#data || !details) return;
    if (!details.querySelector('.wl-tools')) details.append(...build());
    const count = this.querySelector('.wl-count')!;
    count.textContent = 'Loading…';
    try {
      this.#data = await loadWords(this.dataset.src ?? '');
    } catch {
      count.textContent = 'The word list could not be loaded. Reload the page to try again.';
      return;
    }
    this.#known = parseKnown(readStorage(WORD_STORAGE.known));
    this.#draw();
  }

  /** The rows of the list as exported: what the filters show (the table shortens the definitions). */
  #rows(): ExportRow[] {
    const data = this.#data!;
    const level = this.querySelector<HTMLSelectElement>('.wl-level')!.value;
    const hideKnown = this.querySelector<HTMLInputElement>('.wl-hide-known')!.checked;
    return data.list
      .filter(([word, , , hsk]) => (level === '' || Number(level) === hsk) && !(hideKnown && this.#known.has(word)))
      .map(([word, pinyin, sentence, hsk]) => {
        const s = sentence ? document.getElementById(sentence) : null;
        const text = s ? sentenceOf(s) : { zh: '', en: '' };
        return {
          word,
          pinyin,
          traditional: traditionalOf(word, data.dict[word], pinyin),
          definition: shortDefinition(data.dict[word], pinyin, 200),
          hsk,
          zh: text.zh,
          en: text.en,
          url: sentenceUrl(sentence),
        };
      });
  }

  #draw() {
    const body = this.querySelector('tbody')!;
    const rows = this.#rows();
    const cell = (text: string, props: Partial<HTMLTableCellElement> = {}) => Object.assign(document.createElement('td'), { textContent: text, ...props });
    body.replaceChildren(
      ...rows.map((r) => {
        const tr = document.createElement('tr');
        const word = cell(r.word, { lang: 'zh-Hans', className: 'wl-word' });
        const first = document.createElement('td');
        const id = new URL(r.url).hash.slice(1);
        const link = Object.assign(document.createElement('a'), {
          href: `#${id}`,
          lang: 'zh-Hans',
          textContent: r.zh.length > SHORT ? `${r.zh.slice(0, SHORT)}…` : r.zh || 'headline',
        });
        first.append(link);
        const known = document.createElement('td');
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'wl-known', checked: this.#known.has(r.word) });
        box.dataset.word = r.word;
        box.setAttribute('aria-label', `Mark ${r.word} as known`);
        known.append(box);
        tr.append(
          word,
          cell(r.pinyin, { lang: 'zh-Latn-pinyin' }),
          cell(r.definition.length > DEFINITION ? `${r.definition.slice(0, DEFINITION - 1).trimEnd()}…` : r.definition, { className: 'wl-def' }),
          cell(r.hsk ? String(r.hsk) : '–'),
          first,
          known,
        );
        return tr;
      }),
    );
    this.querySelector<HTMLElement>('.wl-table')!.hidden = false;
    this.querySelector('.wl-count')!.textContent = `${rows.length} of ${this.#data!.list.length} words`;
  }

  #onChange(target: HTMLElement) {
    if (!this.#data) return;
    if (target.matches('.wl-known')) {
      const box = target as HTMLInputElement;
      if (box.checked) this.#known.add(box.dataset.word!);
      else this.#known.delete(box.dataset.word!);
      writeStorage(WORD_STORAGE.known, JSON.stringify([...this.#known]));
      if (!this.querySelector<HTMLInputElement>('.wl-hide-known')!.checked) return;
    }
    this.#draw();
  }

  #onClick(target: HTMLElement) {
    const kind = target.closest<HTMLElement>('[data-export]')?.dataset.export;
    if (!kind || !this.#data) return;
    const name = (location.pathname.split('/').filter(Boolean).slice(-3).join('-') || 'words').replace(/[^\w.-]+/g, '-');
    if (kind === 'csv') download(`${name}-words.csv`, toCsv(this.#rows()), 'text/csv;charset=utf-8');
    else download(`${name}-anki.tsv`, toAnkiTsv(this.#rows()), 'text/tab-separated-values;charset=utf-8');
  }
}

if (!customElements.get('word-list')) customElements.define('word-list', WordList);
