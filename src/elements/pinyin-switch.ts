/**
 * <pinyin-switch>: keeps `<html data-pinyin="on|off">` and localStorage (`duizhao:pinyin`) in step
 * with the pinyin checkbox, and brings the page's ruby (its pinyin.js, elements/ruby-load.ts) the
 * first time pinyin is shown: switched on here, by a lesson link, or by study mode's "hide pinyin".
 * Without JavaScript there is no pinyin to show, and the CSS does not offer the switch.
 */
import { STORAGE } from '../lib/passage/view.ts';
import { ensureRuby, pinyinShown } from './ruby-load.ts';

export class PinyinSwitch extends HTMLElement {
  #watch = new MutationObserver(() => this.#bring());

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

  /** Not loaded (offline, the page never saved): the next switching on tries again. */
  #bring() {
    if (pinyinShown()) ensureRuby().catch(() => undefined);
  }

  connectedCallback() {
    const box = this.querySelector<HTMLInputElement>('input[name="pinyin"]');
    if (box) box.checked = document.documentElement.dataset.pinyin === 'on';
    this.addEventListener('change', this.#onChange);
    this.#watch.observe(document.documentElement, { attributeFilter: ['data-pinyin', 'data-study'] });
    this.#bring();
  }

  disconnectedCallback() {
    this.removeEventListener('change', this.#onChange);
    this.#watch.disconnect();
  }
}

if (!customElements.get('pinyin-switch')) customElements.define('pinyin-switch', PinyinSwitch);
