/**
 * <site-search>: the search box in the header (`data-mode="box"`: results in a panel while
 * typing) and the /search/ page (`data-mode="page"`: results in the page, the query in the URL).
 * The markup is a plain GET form to /search/, which works without JavaScript.
 *
 * This file is the whole browser side of search, bundled into one classic script
 * (`search-index/site-search.js`, see src/pages/search-index/site-search.js.ts). The inline
 * script in components/SiteSearch.astro loads it on first use of the box, so pages load nothing
 * for search until then. The index files are beside it, found from its own URL, so the site works
 * under any base path.
 *
 * Arriving on a document from a result (`…/path/?q=铝#p5`), the browser scrolls to the row and
 * highlights it (`:target`); this element marks the query's matches in the document.
 */
import { SearchEngine, type SearchResults } from '../lib/search-engine.ts';
import { isEmpty } from '../lib/search-query.ts';
import { scriptLoader } from './search-load.ts';
import { clearMarks, markRanges } from './search-marks.ts';
import { button, documentGroup, glossaryOption, link, statusLine, type Links } from './search-render.ts';

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
  #shownDocs = 0;
  #abort = new AbortController();

  get #page(): boolean {
    return this.dataset.mode === 'page';
  }

  /** The index folder (beside this script) and the site's root, both ending in `/`. */
  get #dirs(): { dir: string; root: string } {
    const dir = SCRIPT ? new URL('.', SCRIPT).href : new URL(`${this.dataset.base ?? '/'}search-index/`, location.href).href;
    return { dir, root: new URL('../', dir).href };
  }

  engine(): Promise<SearchEngine> {
    return this.#engine();
  }

  #engine(): Promise<SearchEngine> {
    if (!engine) {
      engine = SearchEngine.open(scriptLoader(this.#dirs.dir, this.dataset.version ?? ''));
      engine.catch(() => (engine = null));
    }
    return engine;
  }

  /** Links carry the query (`?q=`) so that the document marks it; see the file comment. */
  #links(query: string): Links {
    const root = this.#dirs.root;
    // From file:// a folder does not open its index.html by itself.
    const page = (path: string) => new URL(path + (root.startsWith('file:') ? 'index.html' : ''), root);
    return {
      row: (path, anchor) => {
        const url = page(path);
        url.searchParams.set('q', query);
        if (anchor) url.hash = anchor;
        return url.href;
      },
      glossary: (slug) => page(`glossary/${slug}/`).href,
    };
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

    const q = new URLSearchParams(location.search).get('q') ?? '';
    if (this.#page) {
      if (q && !input.value) input.value = q;
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
    if (this.#page) this.#syncUrl(text);
    if (!text.trim()) {
      this.#render(seq, null);
      return;
    }
    try {
      const results = await (await this.#engine()).search(text);
      if (seq !== this.#seq) return;
      this.#results = results;
      this.#shownDocs = 0;
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

  async #render(seq: number, results: SearchResults | null): Promise<void> {
    const list = this.#list!;
    this.#select(-1);
    this.#panel!.querySelector('.sr-footer')?.remove();
    if (!results || isEmpty(results.query)) {
      list.replaceChildren();
      this.#panel!.querySelector('.sr-status')?.remove();
      if (this.#page) this.#setStatus(results ? 'Type a word, a Chinese term or pinyin.' : 'Type a word, a Chinese term or pinyin: 铝, aluminum, tuyangbingju.');
      else this.#close();
      return;
    }
    const opts = this.#page ? PAGE : BOX;
    const engine = await this.#engine();
    const shown = await engine.show(results, results.docs.slice(0, opts.docs));
    if (seq !== this.#seq) return;
    const links = this.#links(results.query.text);
    list.replaceChildren(...results.glossary.map((g) => glossaryOption(g, links)), ...shown.map((d) => documentGroup(d, links, opts)));
    this.#shownDocs = Math.min(opts.docs, results.docs.length);
    const { rows, docs } = results;
    this.#setStatus(
      rows || results.glossary.length
        ? `${rows} ${rows === 1 ? 'row' : 'rows'} in ${docs.length} ${docs.length === 1 ? 'document' : 'documents'}`
        : `Nothing found for “${results.query.text}”.`,
    );
    const footer = document.createElement('p');
    footer.className = 'sr-footer';
    if (this.#page && this.#shownDocs < docs.length) {
      const more = button(`Show more documents (${docs.length - this.#shownDocs} left)`, 'sr-show-more');
      more.addEventListener('click', () => void this.#more(seq, more));
      footer.append(more);
    } else if (!this.#page && rows) {
      footer.append(link('All results on the search page →', this.#searchPage(results.query.text), 'sr-all'));
    }
    if (footer.childNodes.length) this.#panel!.append(footer);
    this.#open();
  }

  async #more(seq: number, more: HTMLButtonElement): Promise<void> {
    const results = this.#results;
    if (!results || seq !== this.#seq) return;
    const next = results.docs.slice(this.#shownDocs, this.#shownDocs + PAGE.docs);
    const shown = await (await this.#engine()).show(results, next);
    if (seq !== this.#seq) return;
    const links = this.#links(results.query.text);
    this.#list!.append(...shown.map((d) => documentGroup(d, links, PAGE)));
    this.#shownDocs += next.length;
    const left = results.docs.length - this.#shownDocs;
    if (left > 0) more.textContent = `Show more documents (${left} left)`;
    else more.remove();
  }

  #searchPage(query: string): string {
    const url = new URL(`search/${this.#dirs.root.startsWith('file:') ? 'index.html' : ''}`, this.#dirs.root);
    url.searchParams.set('q', query);
    return url.href;
  }

  #syncUrl(text: string): void {
    const url = new URL(location.href);
    if (text) url.searchParams.set('q', text);
    else url.searchParams.delete('q');
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
      location.assign(this.#searchPage(this.#input!.value));
    }
  }

  /** Marks the query's matches in the document this page shows. */
  async #markDocument(query: string): Promise<void> {
    try {
      const matches = await (await this.#engine()).documentMatches(Number(this.dataset.doc), query);
      for (const { record, match } of matches) {
        const scope = record.anchor ? document.getElementById(record.anchor) : document.querySelector('.doc-head');
        if (!scope) continue;
        const zh = scope.querySelectorAll(record.anchor ? '.cell.zh p[data-n]' : 'h1 .deck');
        const en = scope.querySelectorAll(record.anchor ? '.cell.en p[data-e]' : '.title-en');
        record.zh.forEach((t, k) => zh[k] && markRanges(zh[k], t, match.zh[k] ?? []));
        record.en.forEach((t, k) => en[k] && markRanges(en[k], t, match.en[k] ?? []));
      }
    } catch {
      /* marking is a help, not a requirement: the row is still scrolled to and highlighted */
    }
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);

/**
 * For the end-to-end tests and `npm run bench`: the confirmed rows of the first `docs` documents
 * (all by default) as `{ path, anchor }`, the time `search()` took, and the time until those rows
 * were ready. Not used by the page itself.
 */
export async function searchAll(query: string, docs = Infinity): Promise<{ rows: { path: string; anchor: string }[]; glossary: string[]; ms: number; msShown: number }> {
  const box = document.querySelector('site-search') as SiteSearch | null;
  if (!box) throw new Error('no <site-search> on this page');
  const engine = await box.engine();
  const t = performance.now();
  const results = await engine.search(query);
  const ms = performance.now() - t;
  const shown = await engine.show(results, results.docs.slice(0, docs));
  const msShown = performance.now() - t;
  return { rows: shown.flatMap((d) => d.rows.map((r) => ({ path: d.info.path, anchor: r.record.anchor }))), glossary: results.glossary.map((g) => g.slug), ms, msShown };
}
globalThis.__duizhaoSearch = Object.assign(globalThis.__duizhaoSearch ?? { shard() {} }, { searchAll });
