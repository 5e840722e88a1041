/**
 * <offline-status data-sw="/sw.js" data-scope="/">: registers the service worker and says in the
 * footer whether this site can be read offline on this device: "Saving for offline use… 40 %",
 * then "Available offline". `data-state` carries the same for styles and tests:
 * file | unsupported | insecure | saving | ready | partial | incomplete | error.
 *
 * `incomplete`: a save was cut short (the network, a server being updated) and goes on at a later
 * visit; `error`: the device's storage is full, or the worker could not be registered.
 *
 * Service workers need a secure context (https, or http://localhost) and never run on file://:
 * the footer says so rather than staying silent.
 * https://developer.mozilla.org/docs/Web/API/Service_Worker_API
 */
import type { SaveProblem } from '../lib/offline/upkeep.ts';

type State = 'file' | 'unsupported' | 'insecure' | 'saving' | 'ready' | 'partial' | 'incomplete' | 'error';

interface StatusMessage {
  type: 'duizhao:status';
  /** Months and years the reader saved (elements/offline-save.ts). */
  collections?: { label: string; articles: number; complete: boolean }[];
  saved: number;
  total: number;
  /** Left out of the precache by the size budget, saved when first opened: files, of them pages. */
  deferred: { files: number; pages: number };
  /** Whether the worker is saving now, and why its last attempt stopped short. */
  running?: boolean;
  problem?: SaveProblem | null;
}
type WorkerMessage = StatusMessage | { type: 'duizhao:progress'; done: number; total: number } | { type: 'duizhao:recheck' };

const articles = (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`;

export class OfflineStatus extends HTMLElement {
  #text: HTMLElement | null = null;

  #onMessage = (event: MessageEvent) => {
    const data = event.data as WorkerMessage | null;
    if (data?.type === 'duizhao:progress') this.#show('saving', `Saving for offline use… ${Math.floor((100 * data.done) / data.total)}\u00a0%`);
    else if (data?.type === 'duizhao:status') this.#status(data);
    // An update could not be saved whole and the worker in charge has not changed: ask it.
    else if (data?.type === 'duizhao:recheck') void this.#ask();
  };

  /**
   * Back online: the worker may go on saving what a cut network stopped. Asked again once a
   * retry is surely due (RETRY_AFTER): the failure the worker remembers may be one it waits on.
   */
  #onOnline = () => {
    void this.#ask();
    setTimeout(() => {
      if (this.isConnected && navigator.onLine && this.getAttribute('data-state') !== 'ready') void this.#ask();
    }, 16_000);
  };

  connectedCallback() {
    this.#text = this.querySelector('[data-text]') ?? this;
    if (location.protocol === 'file:') {
      this.#show('file', 'Opened from files on this device: no network needed.');
      return;
    }
    if (!('serviceWorker' in navigator)) return this.#show('unsupported', 'This browser cannot save the site for offline use.');
    if (!window.isSecureContext) {
      this.#show('insecure', 'Not saved for offline use: browsers allow that only over https or on localhost.');
      return;
    }
    navigator.serviceWorker.addEventListener('message', this.#onMessage);
    navigator.serviceWorker.startMessages();
    addEventListener('online', this.#onOnline);
    void this.#register();
  }

  disconnectedCallback() {
    navigator.serviceWorker?.removeEventListener('message', this.#onMessage);
    removeEventListener('online', this.#onOnline);
  }

  /** The answer comes back as a message. */
  async #ask() {
    (await navigator.serviceWorker.ready).active?.postMessage({ type: 'duizhao:status?' });
  }

  async #register() {
    const sw = new URL(this.dataset.sw ?? 'sw.js', location.href);
    const scope = new URL(this.dataset.scope ?? './', location.href);
    try {
      const registration = await navigator.serviceWorker.register(sw, { scope: scope.href });
      if (!registration.active) this.#show('saving', 'Saving for offline use…');
      // `ready` resolves once a worker is active.
      await this.#ask();
    } catch {
      this.#show('error', 'Could not save this site for offline use.');
    }
  }

  #status({ saved, total, deferred, collections = [], running = false, problem = null }: StatusMessage) {
    const done = collections.filter((c) => c.complete);
    const unfinished = collections.filter((c) => !c.complete);
    const kept =
      (done.length ? `; saved here: ${done.map((c) => `${c.label} (${articles(c.articles)})`).join(', ')}` : '') +
      (unfinished.length ? `; not finished: ${unfinished.map((c) => c.label).join(', ')} (Save again to finish)` : '');
    // A no-break space: "43 %" is not split over two lines.
    const percent = `${Math.floor((100 * saved) / total)}\u00a0%`;
    if (saved < total) {
      if (running) this.#show('saving', `Saving for offline use… ${percent}`);
      else if (problem === 'quota') {
        this.#show(
          'error',
          `Not enough storage to save for offline reading: ${percent} of this site is saved here. It still works online; saving is tried again later.`,
        );
      } else if (problem === 'changed') {
        this.#show('incomplete', `Partly saved for offline use (${percent}): the site on the server is being updated, and the rest is saved on a later visit.`);
      } else this.#show('incomplete', `Partly saved for offline use (${percent}): the rest is saved on a later visit with a network connection.`);
    } else if (deferred.pages > 0)
      this.#show('partial', `Offline: this site's shell and the pages you open${kept || '; save a month or a year from its page'}`);
    else if (deferred.files > 0) this.#show('partial', `Available offline; parts of the search index are saved as you search${kept}`);
    else this.#show('ready', `Available offline${kept}`);
  }

  #show(state: State, text: string) {
    this.dataset.state = state;
    if (this.#text) this.#text.textContent = text;
    this.hidden = false;
  }
}

if (!customElements.get('offline-status')) customElements.define('offline-status', OfflineStatus);
