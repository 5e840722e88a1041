/**
 * <offline-save>: asks the service worker (src/worker/service-worker.ts) to keep a month or a
 * year of the archive on this device, shows its size first and its progress while saving, lists
 * what is saved with a Remove button for each. Sizes come from `/1958/offline.json`, written by the
 * build (lib/offline/plan.ts, offlineManifests). Everything is built with DOM calls.
 */
import { monthNameEn } from '../lib/archive/calendar.ts';
import type { OfflineManifest, SavedCollection as Collection } from '../lib/offline/plan.ts';
import type { SaveProblem } from '../lib/offline/upkeep.ts';

type Saved = Omit<Collection, 'urls'>;
type Message =
  | { type: 'duizhao:status'; collections?: Saved[] }
  | { type: 'duizhao:save-progress'; name: string; done: number; total: number }
  | { type: 'duizhao:save-error'; name: string; problem: SaveProblem; message: string };

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const cap = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const articles = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'article' : 'articles'}`;

export class OfflineSave extends HTMLElement {
  #abort: AbortController | null = null;
  #choices = new Map<string, Collection>();

  connectedCallback() {
    if (location.protocol === 'file:' || !('serviceWorker' in navigator) || !window.isSecureContext) return;
    this.hidden = false;
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    navigator.serviceWorker.addEventListener('message', (e) => this.#onMessage(e.data as Message | null), { signal });
    this.querySelector('[data-act="save"]')?.addEventListener('click', () => void this.#save(), { signal });
    this.addEventListener(
      'click',
      (e) => {
        const remove = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button[data-remove]') : null;
        if (remove) void this.#post({ type: 'duizhao:unsave', name: remove.dataset.remove });
      },
      { signal },
    );
    void this.#load();
    void this.#post({ type: 'duizhao:status?' });
  }

  disconnectedCallback() {
    this.#abort?.abort();
  }

  async #worker(): Promise<ServiceWorker | null> {
    return navigator.serviceWorker.controller ?? (await navigator.serviceWorker.ready).active;
  }

  async #post(message: object) {
    (await this.#worker())?.postMessage(message);
  }

  async #load() {
    const select = this.querySelector('select')!;
    try {
      const response = await fetch(new URL(this.dataset.manifest ?? '', location.href));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const manifest = (await response.json()) as OfflineManifest;
      const year: Collection = {
        name: manifest.year,
        label: `all of ${manifest.year}`,
        urls: [...manifest.months.flatMap((m) => m.urls), ...manifest.extra.urls, ...manifest.assets.urls],
        bytes: manifest.months.reduce((n, m) => n + m.bytes, manifest.extra.bytes + manifest.assets.bytes),
        articles: manifest.months.reduce((n, m) => n + m.articles, 0),
        complete: false,
      };
      this.#choices = new Map([[year.name, year]]);
      for (const m of manifest.months) {
        const label = `${monthNameEn(Number(m.name.slice(5)))} ${manifest.year}`;
        this.#choices.set(m.name, { ...m, urls: [...m.urls, ...manifest.assets.urls], bytes: m.bytes + manifest.assets.bytes, label, complete: false });
      }
      select.replaceChildren(...[...this.#choices.values()].map((c) => new Option(`${cap(c.label)} — ${articles(c.articles)}, ${MB(c.bytes)}`, c.name)));
      if (this.dataset.month && this.#choices.has(this.dataset.month)) select.value = this.dataset.month;
    } catch {
      select.replaceChildren(new Option('Sizes unavailable (offline?)', ''));
    }
  }

  async #save() {
    const choice = this.#choices.get(this.querySelector('select')!.value);
    if (!choice) return;
    const bar = this.querySelector('progress')!;
    bar.hidden = false;
    bar.value = 0;
    this.#say(`Saving ${choice.label} (${MB(choice.bytes)})…`);
    await this.#post({ type: 'duizhao:save', collection: choice });
  }

  #onMessage(data: Message | null) {
    const bar = this.querySelector('progress')!;
    if (data?.type === 'duizhao:save-progress') {
      bar.hidden = false;
      bar.value = data.done / data.total;
      this.#say(`Saving ${this.#choices.get(data.name)?.label ?? data.name}… ${Math.floor((100 * data.done) / data.total)}\u00a0%`);
    } else if (data?.type === 'duizhao:save-error') {
      bar.hidden = true;
      this.#say(this.#problem(data.problem, this.#choices.get(data.name)?.label ?? data.name));
    } else if (data?.type === 'duizhao:status' && data.collections) {
      this.#list(data.collections);
      if (!bar.hidden && bar.value >= 1) {
        bar.hidden = true;
        this.#say('Saved: it opens with the network off.');
      }
    }
  }

  /** What stopped a save, and what the reader can do: what was saved stays, marked not finished. */
  #problem(problem: SaveProblem, label: string): string {
    if (problem === 'quota') {
      return `Not enough storage to save ${label} for offline reading. It is not saved: remove something saved here or free space on this device, then Save again to finish.`;
    }
    if (problem === 'changed') return `${cap(label)} is not saved: the site on the server is being updated. Save again in a moment to finish.`;
    return `${cap(label)} is not saved: the network failed. Save again to finish.`;
  }

  #list(collections: Saved[]) {
    const list = this.querySelector('.saved-list')!;
    list.replaceChildren(
      ...collections.map((c) => {
        const li = document.createElement('li');
        li.dataset.name = c.name;
        li.append(`${cap(c.label)} — ${articles(c.articles)}, ${MB(c.bytes)}${c.complete ? '' : ' (not finished: Save again to finish)'} `);
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
        remove.dataset.remove = c.name;
        remove.setAttribute('aria-label', `Remove ${c.label} from this device`);
        li.append(remove);
        return li;
      }),
    );
  }

  #say(text: string) {
    this.querySelector('.save-status')!.textContent = text;
  }
}

if (!customElements.get('offline-save')) customElements.define('offline-save', OfflineSave);
