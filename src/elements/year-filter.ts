/**
 * <year-filter>: filters a year's articles by words in their headlines (Chinese or English). The
 * headlines (`/1958/headlines.js`, a classic script) load on first use, so the year page itself
 * stays small. Results are built with DOM calls, never as HTML strings.
 */
import { filterHeadlines, HEADLINES_GLOBAL, type HeadlineRow } from '../lib/archive/headlines.ts';

type Receiver = (year: string, rows: HeadlineRow[]) => void;
const LIMIT = 200;
const waiting = new Map<string, (rows: HeadlineRow[]) => void>();

function receiver(): Receiver {
  const g = self as unknown as Record<string, Receiver | undefined>;
  g[HEADLINES_GLOBAL] ??= (year, rows) => waiting.get(year)?.(rows);
  return g[HEADLINES_GLOBAL]!;
}

export class YearFilter extends HTMLElement {
  #rows: Promise<HeadlineRow[]> | null = null;
  #abort: AbortController | null = null;

  connectedCallback() {
    this.hidden = false;
    this.#abort = new AbortController();
    const input = this.querySelector('input');
    input?.addEventListener('input', () => void this.#update(input.value), { signal: this.#abort.signal });
    this.querySelector('form')?.addEventListener('submit', (e) => e.preventDefault(), { signal: this.#abort.signal });
  }

  disconnectedCallback() {
    this.#abort?.abort();
  }

  #load(): Promise<HeadlineRow[]> {
    this.#rows ??= new Promise<HeadlineRow[]>((resolve, reject) => {
      receiver();
      const year = this.dataset.year ?? '';
      waiting.set(year, resolve);
      const script = document.createElement('script');
      script.src = this.dataset.src ?? '';
      script.onerror = () => {
        this.#rows = null;
        reject(new Error('The headlines could not be loaded.'));
      };
      document.head.append(script);
    });
    return this.#rows;
  }

  async #update(query: string) {
    const status = this.querySelector<HTMLElement>('.year-filter-status')!;
    const list = this.querySelector<HTMLOListElement>('.year-filter-results')!;
    if (!query.trim()) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    status.textContent = 'Loading the headlines…';
    let rows: HeadlineRow[];
    try {
      rows = await this.#load();
    } catch (e) {
      status.textContent = (e as Error).message;
      return;
    }
    if (this.querySelector('input')?.value !== query) return;
    const hits = filterHeadlines(rows, query);
    status.textContent = hits.length
      ? `${hits.length} of ${rows.length} articles${hits.length > LIMIT ? `; the first ${LIMIT} are shown` : ''}`
      : `No headline of ${this.dataset.year} contains “${query.trim()}”.`;
    // Resolved against the page, as the portable build writes it relative; file:// folders need index.html.
    const root = new URL(this.dataset.base ?? '/', location.href);
    const href = (path: string) => new URL(path + (root.protocol === 'file:' ? 'index.html' : ''), root).href;
    list.replaceChildren(
      ...hits.slice(0, LIMIT).map(([date, page, path, zh, en]) => {
        const li = document.createElement('li');
        li.className = 'doc-item';
        const a = document.createElement('a');
        a.href = href(path);
        const z = Object.assign(document.createElement('span'), { className: 'doc-zh', lang: 'zh-Hans', textContent: zh });
        const e = Object.assign(document.createElement('span'), { className: 'doc-en', lang: 'en', textContent: en });
        a.append(z, e);
        const meta = Object.assign(document.createElement('span'), { className: 'doc-meta', textContent: `${date} · 第${page}版` });
        li.append(a, meta);
        return li;
      }),
    );
  }
}

if (!customElements.get('year-filter')) customElements.define('year-filter', YearFilter);
