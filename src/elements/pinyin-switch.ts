/**
 * <pinyin-switch>: keeps `<html data-pinyin="on|off">` and localStorage (`duizhao:pinyin`) in step
 * with the pinyin checkbox. Without this element the checkbox still works for the page (CSS :has()).
 */
import { STORAGE } from '../lib/passage/view.ts';

export class PinyinSwitch extends HTMLElement {
  #onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'pinyin') return;
    const value = input.checked ? 'on' : 'off';
    document.documentElement.dataset.pinyin = value;
    try {
      localStorage.setItem(STORAGE.pinyin, value);
    } catch {
      /* storage unavailable: the choice lasts for this page */
    }
  };

  connectedCallback() {
    const box = this.querySelector<HTMLInputElement>('input[name="pinyin"]');
    if (box) box.checked = document.documentElement.dataset.pinyin === 'on';
    this.addEventListener('change', this.#onChange);
  }

  disconnectedCallback() {
    this.removeEventListener('change', this.#onChange);
  }
}

if (!customElements.get('pinyin-switch')) customElements.define('pinyin-switch', PinyinSwitch);
