/**
 * Pinyin on demand: the page's ruby is not in its HTML but in its `pinyin.js` (lib/pinyin/data.ts),
 * a classic script (it loads from file:// too) that wraps the characters itself when it runs
 * (elements/ruby-apply.ts). Its address is `<html data-ruby-src>`; `<html data-ruby="on">` once
 * applied, `"wait"` while the inline script of layouts/Base.astro is loading it for a page that
 * shows pinyin at load. Asked for the first time pinyin is shown (<pinyin-switch>), when study mode
 * hides it, and by the word lookup, which reads a word's pinyin here from its ruby.
 */
import { loadScript } from './load-script.ts';

const root = document.documentElement;
let request: Promise<void> | null = null;

/** Resolves once the page has its ruby; rejects if the file cannot be loaded (a later call tries again). */
export function ensureRuby(): Promise<void> {
  if (root.dataset.ruby === 'on') return Promise.resolve();
  request ??= root.dataset.ruby === 'wait' ? waited() : load();
  return request;
}

/** The head's request: its outcome, or ours if it failed or was given up (3 s). */
function waited(): Promise<void> {
  return new Promise<void>((resolve) => {
    const watch = new MutationObserver(() => {
      if (root.dataset.ruby === 'wait') return;
      watch.disconnect();
      resolve();
    });
    watch.observe(root, { attributeFilter: ['data-ruby'] });
  }).then(() => (root.dataset.ruby === 'on' ? undefined : load()));
}

function load(): Promise<void> {
  const src = root.dataset.rubySrc;
  if (!src) return Promise.reject(new Error('no pinyin.js on this page'));
  return loadScript(src)
    .then(() => {
      if (root.dataset.ruby !== 'on') throw new Error(`${src}: no pinyin`);
    })
    .catch((error: unknown) => {
      request = null;
      throw error;
    });
}

/** Whether the view shows pinyin: switched on, or covered by study mode ("hide pinyin"). */
export const pinyinShown = (): boolean => root.dataset.pinyin === 'on' || root.dataset.study === 'pinyin';
