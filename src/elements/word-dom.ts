/**
 * What the word elements share: loading a page's `words.js` (once, as a classic script, which
 * works from file:// where fetch() does not), a word's reading and sentence on the page, drawing
 * a word's dictionary readings, storage, and handing a file to the reader as a download.
 */
import { isPageWords, readings, WORDS_GLOBAL, type Entry, type PageWords } from '../lib/words/data.ts';
import { DATA, SELECT } from '../lib/render/markup.ts';
import { loadScript } from './load-script.ts';
import { partners } from './passage-dom.ts';

declare global {
  // The global a `words.js` calls: `var` is how a global is declared.
  var __duizhaoWords: ((data: unknown) => void) | undefined;
}

const loads = new Map<string, Promise<PageWords>>();

/** The word data at `src`, requested once per page (a failed request may be tried again). */
export function loadWords(src: string): Promise<PageWords> {
  let request = loads.get(src);
  if (!request) {
    let data: unknown;
    globalThis[WORDS_GLOBAL] = (d: unknown) => (data = d);
    // By the time it has run, the script has handed its data over.
    request = loadScript(src).then(
      () => {
        if (isPageWords(data)) return data;
        throw new Error(`${src} did not hand over word data`);
      },
      (error: unknown) => {
        loads.delete(src);
        throw error;
      },
    );
    loads.set(src, request);
  }
  return request;
}

/** The text of a word mark (ruby readings are attributes, so not in its text). */
export const wordText = (mark: Element): string => (mark.textContent ?? '').trim();

/** The pinyin the page shows for a mark here: its ruby (in a term mark, the term's reading). */
export function pinyinHere(mark: HTMLElement): string {
  return [...mark.querySelectorAll('rt')]
    .map((rt) => (rt as HTMLElement).dataset[DATA.py] ?? '')
    .filter(Boolean)
    .join(' ');
}

/** The Chinese sentence a mark is in, and its English counterparts' text. */
export function sentenceOf(mark: Element): { id: string; zh: string; en: string } {
  const s = mark.closest<HTMLElement>(SELECT.zhSentenceTarget);
  if (!s) return { id: '', zh: (mark.closest('h1, p')?.textContent ?? '').trim(), en: '' };
  return {
    id: s.id,
    zh: (s.textContent ?? '').trim(),
    en: partners(s)
      .map((e) => (e.textContent ?? '').trim())
      .join(' '),
  };
}

/** The address of sentence `id` on this page (the page itself for the headline). */
export function sentenceUrl(id: string): string {
  return `${location.href.replace(/#.*$/, '')}${id ? `#${id}` : ''}`;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** One reading: pinyin, traditional form where it differs (and the heading does not show it), senses. */
function readingItem(word: string, r: ReturnType<typeof readings>[number], shown = ''): HTMLElement {
  const head = el('p', { className: 'wp-reading' }, el('span', { className: 'wp-py', lang: 'zh-Latn-pinyin' }, r.pinyin));
  if (r.traditional && r.traditional !== word && r.traditional !== shown)
    head.append(' ', el('span', { className: 'wp-trad', lang: 'zh-Hant', title: 'Traditional form' }, r.traditional));
  if (r.here) head.append(' ', el('span', { className: 'wp-here' }, 'read here'));
  const senses = el('ol', { className: 'wp-senses', lang: 'en' }, ...r.senses.map((s) => el('li', {}, s)));
  return el('li', { className: r.here ? 'wp-item wp-item-here' : 'wp-item' }, head, senses);
}

/**
 * The dictionary's readings of `word` (the one read here first) into `box`; a word the dictionary
 * lacks is shown character by character. `shown`: the traditional form the heading already shows.
 */
export function drawEntries(box: HTMLElement, word: string, here: string, dict: Record<string, Entry[]>, shown = ''): void {
  box.replaceChildren();
  const own = readings(dict[word], here);
  if (own.length) {
    box.append(el('ol', { className: 'wp-readings' }, ...own.map((r) => readingItem(word, r, shown))));
    return;
  }
  const chars = Array.from(word);
  const syllables = here.split(' ');
  box.append(el('p', { className: 'wp-missing' }, chars.length > 1 ? 'Not in the dictionary as one word. Its characters:' : 'Not in the dictionary.'));
  if (chars.length < 2) return;
  box.append(
    el(
      'dl',
      { className: 'wp-chars' },
      ...chars.flatMap((ch, k) => {
        const list = readings(dict[ch], syllables[k] ?? '');
        return [
          el('dt', { lang: 'zh-Hans' }, ch),
          el(
            'dd',
            {},
            list.length
              ? el('ol', { className: 'wp-readings' }, ...list.map((r) => readingItem(ch, r)))
              : el('p', { className: 'wp-missing' }, 'Not in the dictionary.'),
          ),
        ];
      }),
    ),
  );
}

/** localStorage, or nothing where it is unavailable (private modes, some file:// setups). */
export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Hands `text` to the reader as a file (works from file:// too: no request is made). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
