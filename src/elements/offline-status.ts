/**
 * <offline-status data-sw="/sw.js" data-scope="/">: registers the service worker and says in the
 * footer whether this site can be read offline on this device: "Saving for offline use… 40 %",
 * then "Available offline". `data-state` carries the same for styles and tests:
 * file | unsupported | insecure | saving | ready | partial | error.
 *
 * Service workers need a secure context (https, or http://localhost) and never run on file://:
 * the footer says so rather than staying silent.
 * https://developer.mozilla.org/docs/Web/API/Service_Worker_API
 */
type State = 'file' | 'unsupported' | 'insecure' | 'saving' | 'ready' | 'partial' | 'error';

interface StatusMessage {
  type: 'duizhao:status';
  /** Months and years the reader saved (elements/offline-save.ts). */
  collections?: { label: string; articles: number; complete: boolean }[];
  saved: number;
  total: number;
  /** Left out of the precache by the size budget, saved when first opened: files, of them pages. */
  deferred: { files: number; pages: number };
}
type WorkerMessage = StatusMessage | { type: 'duizhao:progress'; done: number; total: number } | { type: 'duizhao:error'; message: string };

export class OfflineStatus extends HTMLElement {
  #text: HTMLElement | null = null;

  #onMessage = (event: MessageEvent) => {
    const data = event.data as WorkerMessage | null;
    if (data?.type === 'duizhao:progress') this.#show('saving', `Saving for offline use… ${Math.floor((100 * data.done) / data.total)} %`);
    else if (data?.type === 'duizhao:status') this.#status(data);
    else if (data?.type === 'duizhao:error') this.#show('error', 'Could not save this site for offline use; it will try again on the next visit.');
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
    void this.#register();
  }

  disconnectedCallback() {
    navigator.serviceWorker?.removeEventListener('message', this.#onMessage);
  }

  async #register() {
    const sw = new URL(this.dataset.sw ?? 'sw.js', location.href);
    const scope = new URL(this.dataset.scope ?? './', location.href);
    try {
      const registration = await navigator.serviceWorker.register(sw, { scope: scope.href });
      if (!registration.active) this.#show('saving', 'Saving for offline use…');
      // `ready` resolves once a worker is active; the answer comes back as a message.
      (await navigator.serviceWorker.ready).active?.postMessage({ type: 'duizhao:status?' });
    } catch {
      this.#show('error', 'Could not save this site for offline use.');
    }
  }

  #status({ saved, total, deferred, collections = [] }: StatusMessage) {
    const kept = collections.length
      ? `; saved here: ${collections.map((c) => `${c.label} (${c.articles} ${c.articles === 1 ? 'article' : 'articles'}${c.complete ? '' : ', incomplete'})`).join(', ')}`
      : '';
    if (saved < total) this.#show('saving', `Saving for offline use… ${Math.floor((100 * saved) / total)} %`);
    else if (deferred.pages > 0) this.#show('partial', `Offline: this site's shell and the pages you open${kept || '; save a month or a year from its page'}`);
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
