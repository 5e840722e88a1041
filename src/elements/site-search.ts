/**
 * Longer than 250 lines because it is one bundle with one state (query, filters, loaded chunks);
 * rendering and filters are in search-render.ts and search-filter.ts.
 *
 * <site-search>: the search box in the header (`data-mode="box"`: results in a panel while
 * typing) and the /search/ page (`data-mode="page"`: results in the page; the query and the
 * filters in the URL). The markup is a plain GET form to /search/, which works without JavaScript.
 *
 * This file is the whole browser side of search, bundled into one classic script
 * (`search-index/site-search.js`, see src/pages/search-index/site-search.js.ts). The inline
 * script in components/SiteSearch.astro loads it on first use of the box, so pages load nothing
 * for search until then. The index files are beside it, found from its own URL, so the site works
 * under any base path.
 *
 * Results come newest first from the documents searched so far (lib/search/engine.ts); "More
 * results" shows the documents already found, then searches older ones.
 *
 * Arriving on a document from a result (`…/path/?q=铝#p5`), the browser scrolls to the row and
 * highlights it (`:target`); this element marks the query's matches in the document.
 */
import { SearchEngine, type SearchFilter, type SearchResults } from '../lib/search/engine.ts';
import { isEmpty } from '../lib/search/query.ts';
import { describeFilter, filterFields, readFilter, writeParams } from './search-filter.ts';
import { scriptLoader } from './search-load.ts';
import { clearMarks, markDocument } from './search-marks.ts';
import { button, documentGroup, glossaryOption, link, resultLinks, searchPageUrl, statusLine, statusText } from './search-render.ts';

const SCRIPT = (document.currentScript as HTMLScriptElement | null)?.src ?? '';
const BOX = { docs: 6, rows: 3, max: 90 };
const PAGE = { docs: 20, rows: 100, max: 200 };

let engine: Promise<SearchEngine> | null = null;

export class SiteSearch extends HTMLElement {
  #input: HTMLInputElement | null = null;
  #panel: HTMLElement | null = null;
  #list: HTMLElement | null = null;
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #active = -1;
  #results: SearchResults | null = null;
  #shown = new Set<number>();
  #abort = new AbortController();

  get #page(): boolean {
    return this.dataset.mode === 'page';
  }

  get #opts(): typeof BOX {
    return this.#page ? PAGE : BOX;
  }

  /** The index folder (beside this script) and the site's root, both ending in `/`. */
  get #dirs(): { dir: string; root: string } {
    const dir = SCRIPT ? new URL('.', SCRIPT).href : new URL(`${this.dataset.base ?? '/'}search-index/`, location.href).href;
    return { dir, root: new URL('../', dir).href };
  }

  /** The filters of the /search/ page; the header box has none. */
  get #filter(): SearchFilter {
    const fields = filterFields(this.querySelector('form'));
    return readFilter((name) => fields.find((f) => f.name === name)?.value);
  }

  engine(): Promise<SearchEngine> {
    if (!engine) {
      engine = SearchEngine.open(scriptLoader(this.#dirs.dir));
      engine.catch(() => (engine = null));
    }
    return engine;
  }

  connectedCallback(): void {
    this.#input = this.querySelector('input[name="q"]');
    this.#panel = this.querySelector('[data-panel]');
    this.#list = this.querySelector('[data-results]');
    const input = this.#input;
    if (!input || !this.#panel || !this.#list) return;
    const signal = this.#abort.signal;
    input.addEventListener('input', () => this.#schedule(), { signal });
    input.addEventListener('focus', () => input.value && !this.#page && this.#schedule(0), { signal });
    input.addEventListener('keydown', (e) => this.#key(e), { signal });
    this.addEventListener('focusout', (e) => !this.#page && !this.contains(e.relatedTarget as Node | null) && this.#close(), { signal });
    this.querySelector('form')?.addEventListener('submit', (e) => this.#submit(e), { signal });
    this.#panel.hidden = !this.#page;

    const params = new URLSearchParams(location.search);
    const q = params.get('q') ?? '';
    if (this.#page) {
      if (q && !input.value) input.value = q;
      for (const field of filterFields(this.querySelector('form'))) {
        if (!field.value && params.get(field.name)) field.value = params.get(field.name)!;
        field.addEventListener('change', () => this.#schedule(0), { signal });
      }
      this.#schedule(0);
    } else {
      if (q && this.dataset.doc) {
        if (!input.value) input.value = q;
        void this.#markDocument(q);
      }
      // Typed before this script arrived.
      if (document.activeElement === input && input.value) this.#schedule(0);
    }
  }

  disconnectedCallback(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    clearTimeout(this.#timer);
  }

  #schedule(delay = 60): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), delay);
  }

  #close(): void {
    if (this.#panel) this.#panel.hidden = true;
    this.#input?.setAttribute('aria-expanded', 'false');
    this.#select(-1);
  }

  async #run(): Promise<void> {
    const seq = ++this.#seq;
    const text = this.#input!.value;
    const filter = this.#filter;
    if (this.#page) this.#syncUrl(text, filter);
    if (!text.trim()) {
      this.#render(seq, null);
      return;
    }
    try {
      const results = await (await this.engine()).search(text, { filter, docs: this.#opts.docs });
      if (seq !== this.#seq) return;
      this.#results = results;
      this.#shown = new Set();
      await this.#render(seq, results);
    } catch (error) {
      if (seq !== this.#seq) return;
      this.#list!.replaceChildren();
      this.#setStatus(`Search could not load (${(error as Error).message}). Serve the folder over http, e.g. \`npx serve\` or \`python3 -m http.server\`.`);
      this.#open();
    }
  }

  /** `query`: what the status describes (read by tests and the benchmark to know results are in). */
  #setStatus(text: string, query = this.#input?.value ?? ''): void {
    this.#panel!.querySelector('.sr-status')?.remove();
    const status = statusLine(text);
    status.dataset.query = query;
    this.#panel!.prepend(status);
  }

  #open(): void {
    if (this.#page) return;
    this.#panel!.hidden = false;
    this.#input!.setAttribute('aria-expanded', 'true');
  }

  /** Shows the next documents of the results not on screen yet, and the footer. */
  async #render(seq: number, results: SearchResults | null): Promise<void> {
    const list = this.#list!;
    this.#select(-1);
    if (!results || isEmpty(results.query)) {
      list.replaceChildren();
      this.#panel!.querySelector('.sr-status')?.remove();
      this.#panel!.querySelector('.sr-footer')?.remove();
      if (this.#page)
        this.#setStatus(results ? 'Type a word, a Chinese term or pinyin.' : 'Type a word, a Chinese term or pinyin: 铝, aluminum, tuyangbingju.');
      else this.#close();
      return;
    }
    const opts = this.#opts;
    const next = results.docs.filter((d) => !this.#shown.has(d.doc)).slice(0, opts.docs);
    const shown = await (await this.engine()).show(results, next, { rows: opts.rows });
    if (seq !== this.#seq) return;
    const links = resultLinks(this.#dirs.root, results.query.text);
    const groups = shown.map((d) => documentGroup(d, links, opts));
    // A new query replaces the list at once (no flicker while typing); "More results" appends.
    if (this.#shown.size) list.append(...groups);
    else list.replaceChildren(...results.glossary.map((g) => glossaryOption(g, links)), ...groups);
    for (const d of next) this.#shown.add(d.doc);
    const e = await this.engine();
    this.#setStatus(statusText(results, (doc) => e.yearOf(doc), describeFilter(results.filter)));
    this.#footer(seq, results);
    this.#open();
  }

  #footer(seq: number, results: SearchResults): void {
    this.#panel!.querySelector('.sr-footer')?.remove();
    const footer = document.createElement('p');
    footer.className = 'sr-footer';
    if (this.#shown.size < results.docs.length || !results.complete) {
      const more = button('More results', 'sr-more-results');
      more.addEventListener('click', () => void this.#more(seq, more));
      footer.append(more);
    }
    if (!this.#page && (results.rows || !results.complete))
      footer.append(link('All results and filters on the search page →', searchPageUrl(this.#dirs.root, results.query.text), 'sr-all'));
    if (footer.childNodes.length) this.#panel!.append(footer);
  }

  /** "More results": documents already found first, then older documents searched. */
  async #more(seq: number, more: HTMLButtonElement): Promise<void> {
    let results = this.#results;
    if (!results || seq !== this.#seq) return;
    more.disabled = true;
    if (this.#shown.size >= results.docs.length) results = this.#results = await (await this.engine()).more(results, this.#opts.docs);
    if (seq !== this.#seq) return;
    await this.#render(seq, results);
    this.querySelector<HTMLButtonElement>('.sr-more-results')?.focus({ preventScroll: true });
  }

  #syncUrl(text: string, filter: SearchFilter): void {
    const url = new URL(location.href);
    writeParams(url, text, filter);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    document.title = text ? `${text} · Search · duizhao` : 'Search · duizhao';
  }

  #options(): HTMLAnchorElement[] {
    return [...this.#list!.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  }

  #select(k: number): void {
    const options = this.#options();
    options.forEach((o, j) => o.setAttribute('aria-selected', String(j === k)));
    this.#active = k >= 0 && k < options.length ? k : -1;
    const active = options[this.#active];
    if (active) {
      this.#input?.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else this.#input?.removeAttribute('aria-activedescendant');
  }

  #key(e: KeyboardEvent): void {
    const options = this.#options();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!options.length) return;
      e.preventDefault();
      this.#open();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.#select(this.#active < 0 ? (step > 0 ? 0 : options.length - 1) : (this.#active + step + options.length) % options.length);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (!this.#input!.value) return this.#input!.blur();
      this.#input!.value = '';
      clearMarks();
      if (!this.#page && new URLSearchParams(location.search).has('q')) {
        const url = new URL(location.href);
        url.searchParams.delete('q');
        history.replaceState(history.state, '', url);
      }
      void this.#run();
    }
  }

  #submit(e: SubmitEvent): void {
    const active = this.#options()[this.#active];
    if (active) {
      e.preventDefault();
      location.assign(active.href);
    } else if (this.#page) {
      e.preventDefault();
      this.#schedule(0);
    } else if (this.#dirs.root.startsWith('file:')) {
      e.preventDefault();
      location.assign(searchPageUrl(this.#dirs.root, this.#input!.value));
    }
  }

  /** Marks the query's matches in the document this page shows. */
  async #markDocument(query: string): Promise<void> {
    try {
      const engine = await this.engine();
      const doc = engine.documentAt(this.dataset.doc ?? '');
      if (doc !== undefined) markDocument(await engine.documentMatches(doc, query));
    } catch {
      /* marking is a help, not a requirement: the row is still scrolled to and highlighted */
    }
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
