/**
 * <archive-step>: ← / → and horizontal swipes step through the archive. It wraps the page's
 * previous/next links (`a[rel=prev]`, `a[rel=next]`), which work without JavaScript.
 *
 * `data-targets="selector"` (the year page's months) first steps through those elements on the
 * page, moving focus and the address (`#m-1958-09`), and follows the links only past either end.
 */
import { stepForKey, stepForSwipe, type Step } from '../lib/archive/step.ts';

export class ArchiveStep extends HTMLElement {
  #abort: AbortController | null = null;
  #touch: { x: number; y: number; t: number } | null = null;

  connectedCallback() {
    this.#abort = new AbortController();
    const { signal } = this.#abort;
    // Bubbling on window: the reader's own arrow handling (sentences, search results) runs first and
    // calls preventDefault when it takes the key.
    window.addEventListener(
      'keydown',
      (e) => {
        const target = e.target instanceof Element ? e.target : null;
        const step = stepForKey({
          key: e.key,
          altKey: e.altKey,
          ctrlKey: e.ctrlKey,
          metaKey: e.metaKey,
          shiftKey: e.shiftKey,
          defaultPrevented: e.defaultPrevented,
          targetTag: target?.tagName ?? '',
          // Fields, widgets with arrow keys of their own, the reader's rows, bar and dialogs, and a
          // text selection (arrows may be extending it) keep the keys.
          targetOwnsArrows:
            !!target?.closest(
              '[contenteditable=""],[contenteditable="true"],[role="listbox"],[role="menu"],[role="slider"],site-search,[popover]:popover-open,.rows,.passage-bar,dialog',
            ) ||
            !!document.querySelector('dialog[open]') ||
            String(getSelection() ?? '') !== '',
        });
        if (step && this.#go(step, true)) e.preventDefault();
      },
      { signal },
    );
    window.addEventListener(
      'touchstart',
      (e) => {
        const t = e.touches[0];
        this.#touch = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY, t: e.timeStamp } : null;
      },
      { signal, passive: true },
    );
    window.addEventListener(
      'touchend',
      (e) => {
        const start = this.#touch;
        const t = e.changedTouches[0];
        this.#touch = null;
        // Not while selecting text, nor on a zoomed page, where a swipe pans.
        if (!start || !t || String(getSelection() ?? '') || (window.visualViewport?.scale ?? 1) > 1.01) return;
        const step = stepForSwipe(t.clientX - start.x, t.clientY - start.y, e.timeStamp - start.t);
        if (step) this.#go(step, false);
      },
      { signal, passive: true },
    );
  }

  disconnectedCallback() {
    this.#abort?.abort();
  }

  /** Moves to the previous or next target on the page, else follows the link; false when there is none. */
  #go(step: Step, focus: boolean): boolean {
    const selector = this.dataset.targets;
    if (selector) {
      const targets = [...document.querySelectorAll<HTMLElement>(selector)];
      const current = targets.findIndex((t) => `#${t.id}` === location.hash);
      const k = current < 0 ? (step === 'next' ? 0 : -1) : current + (step === 'next' ? 1 : -1);
      const target = targets[k];
      if (target) {
        history.replaceState(history.state, '', `#${target.id}`);
        target.scrollIntoView({ block: 'start' });
        const heading = target.querySelector<HTMLElement>('h2, h3');
        if (focus && heading) {
          heading.tabIndex = -1;
          heading.focus({ preventScroll: true });
        }
        return true;
      }
    }
    const link = this.querySelector<HTMLAnchorElement>(`a[rel~="${step}"]`);
    if (!link) return false;
    link.click();
    return true;
  }
}

if (!customElements.get('archive-step')) customElements.define('archive-step', ArchiveStep);
