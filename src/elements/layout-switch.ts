/**
 * <layout-switch>: keeps `<html data-layout>` and localStorage in step with the layout radios.
 * The markup works without it (CSS :has() reads the checked radio); this element adds memory.
 */
import { isLayout, STORAGE, type Layout } from '../lib/passage/view.ts';

export class LayoutSwitch extends HTMLElement {
  #onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'layout' || !isLayout(input.value)) return;
    document.documentElement.dataset.layout = input.value;
    try {
      localStorage.setItem(STORAGE.layout, input.value);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  };

  connectedCallback() {
    const current = document.documentElement.dataset.layout;
    const layout: Layout = isLayout(current) ? current : 'side';
    const radio = this.querySelector<HTMLInputElement>(`input[name="layout"][value="${layout}"]`);
    if (radio) radio.checked = true;
    this.addEventListener('change', this.#onChange);
  }

  disconnectedCallback() {
    this.removeEventListener('change', this.#onChange);
  }
}

if (!customElements.get('layout-switch')) customElements.define('layout-switch', LayoutSwitch);
