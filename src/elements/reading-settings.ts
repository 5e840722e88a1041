/**
 * <reading-settings>: keeps `<html data-theme data-size>` and localStorage (`duizhao:theme`,
 * `duizhao:size`) in step with the radios of components/ReadingSettings.astro. Esc or a click
 * outside closes the panel (Esc gives focus back to its button).
 */
import { isSize, isTheme, STORAGE } from '../lib/passage/view.ts';

const SETTINGS = { theme: isTheme, size: isSize } as const;

export class ReadingSettings extends HTMLElement {
  #abort = new AbortController();

  connectedCallback() {
    const root = document.documentElement;
    for (const name of Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]) {
      const radio = this.querySelector<HTMLInputElement>(`input[name="${name}"][value="${root.dataset[name]}"]`);
      if (radio) radio.checked = true;
    }
    const signal = this.#abort.signal;
    this.addEventListener('change', (e) => this.#onChange(e.target as HTMLInputElement), { signal });
    this.addEventListener('keydown', (e) => this.#onKey(e), { signal });
    document.addEventListener('click', (e) => this.#onClickOutside(e), { signal });
  }

  disconnectedCallback() {
    this.#abort.abort();
    this.#abort = new AbortController();
  }

  #onChange(input: HTMLInputElement) {
    const name = input.name;
    if (!(name === 'theme' || name === 'size') || !SETTINGS[name](input.value)) return;
    document.documentElement.dataset[name] = input.value;
    try {
      localStorage.setItem(STORAGE[name], input.value);
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  }

  #onKey(event: KeyboardEvent) {
    const details = this.querySelector('details');
    if (event.key !== 'Escape' || !details?.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
  }

  #onClickOutside(event: MouseEvent) {
    const details = this.querySelector('details');
    if (details?.open && !this.contains(event.target as Node)) details.open = false;
  }
}

if (!customElements.get('reading-settings')) customElements.define('reading-settings', ReadingSettings);
