/**
 * <day-filter>: the page chips of a day's issue show one page (版) at a time instead of jumping to
 * it; "All" shows every page again. The choice is kept in the address (`#page-2`), so a link to
 * one page of an issue opens filtered. Without JavaScript the chips are plain anchors.
 */
export class DayFilter extends HTMLElement {
  #abort: AbortController | null = null;

  connectedCallback() {
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    this.addEventListener(
      'click',
      (e) => {
        const chip = e.target instanceof Element ? e.target.closest<HTMLAnchorElement>('a[data-page]') : null;
        if (!chip) return;
        e.preventDefault();
        const page = chip.dataset.page ?? '';
        history.replaceState(history.state, '', page ? `#page-${page}` : location.pathname + location.search);
        this.#show(page);
      },
      { signal },
    );
    window.addEventListener('hashchange', () => this.#fromHash(), { signal });
    this.#fromHash();
  }

  disconnectedCallback() {
    this.#abort?.abort();
  }

  #fromHash() {
    const page = /^#page-(\d+)$/.exec(location.hash)?.[1] ?? '';
    this.#show(this.querySelector(`section[data-page="${page}"]`) ? page : '');
  }

  #show(page: string) {
    for (const section of this.querySelectorAll<HTMLElement>('section[data-page]')) section.hidden = page !== '' && section.dataset.page !== page;
    for (const chip of this.querySelectorAll<HTMLElement>('a[data-page]')) {
      if (chip.dataset.page === page) chip.setAttribute('aria-current', 'true');
      else chip.removeAttribute('aria-current');
    }
  }
}

if (!customElements.get('day-filter')) customElements.define('day-filter', DayFilter);
