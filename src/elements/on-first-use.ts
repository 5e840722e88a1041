/**
 * Loads a page's interactive code when the reader first uses the page, not with it. A reader who
 * only reads downloads the text and its styles; the first touch, key, pointer movement, focus,
 * selection or address change loads the rest (from the service worker's cache once the site is
 * saved, so in a few milliseconds). Until then the page is plain HTML: links, radios, checkboxes,
 * menus and disclosures work as the browser makes them.
 *
 * Nothing the reader does in between is lost, and nothing reaches the page's code twice. Every
 * such event is stopped where it enters the page and dispatched again, in order, once the code is
 * there (in a later task: the code may arrive while the first event is still on its way). The
 * browser's own actions still happen (a key types, Tab moves focus, a box is ticked), except a
 * click's: it is cancelled, so a term's link does not navigate before its popover can open, and
 * made again, and the code then decides what it does. A click on a form control is left to the
 * browser; the change it makes goes on its way and is replayed too (handlers of a change are
 * idempotent: they read the control's state). A page opened to do
 * something at once loads at once: an address with a passage, a list or a lesson (`#p3-p5&study=en`),
 * a search to show (`?q=`), or study mode on. `<html data-live>` says where it stands: `waiting`, then `ready`.
 *
 * The styles of what the code shows come with it: a page's `<template data-first-use>` holds their
 * `<link rel=stylesheet>`, added to the page at the first use.
 *
 * What a page loads is a classic script of its own (load-script.ts, with a `?worker&url` import: a
 * bundle of the module and all it imports, as Vite bundles a worker), which runs from file:// too.
 *
 * Several scripts of one page may each register what they load: the first use loads them all,
 * and what was held back is replayed once, when all are in.
 */

/** The events that mean "the reader is here", listened to on the document, in capture. */
const FIRST_USE = ['pointerdown', 'pointerover', 'touchstart', 'keydown', 'focusin', 'selectionchange', 'change'] as const;
/** The browser acts on these itself: a click on them is not held back. */
const NATIVE = 'input,select,textarea,label,summary,option';
/** Keys whose default action on these elements is a click, which is replayed instead of the key. */
const CLICK_KEYS: Record<string, string> = { Enter: 'a[href],button,summary', ' ': 'button,summary,input,select,textarea' };

const loads: (() => Promise<unknown>)[] = [];
const held: Event[] = [];
/** A changed control's value when it changed: the code, connecting, may set it back to the page's state. */
const values = new WeakMap<Event, { value: string; checked: boolean }>();
let state: 'idle' | 'loading' | 'ready' = 'idle';

/** Runs `load` at the first use of the page, or now if the page already has been used or asks for it. */
export function onFirstUse(load: () => Promise<unknown>): void {
  if (state !== 'idle') {
    void load().catch(failed);
    return;
  }
  loads.push(load);
  if (loads.length > 1) return;
  document.documentElement.dataset.live = 'waiting';
  for (const type of [...FIRST_USE, 'click'] as const) document.addEventListener(type, hold, { capture: true });
  window.addEventListener('hashchange', start);
  // The page's other scripts register theirs in this same task: start after them.
  if (startsAtOnce()) queueMicrotask(start);
}

/** True when the address or the view asks for the page's code before any use. */
export function startsAtOnce(): boolean {
  const study = document.documentElement.dataset.study;
  return location.hash.length > 1 || /[?&]q=/.test(location.search) || (study !== undefined && study !== 'off');
}

function hold(event: Event) {
  if (state === 'ready') return;
  if (event.type === 'click') {
    if (!event.isTrusted || (event.target instanceof Element && event.target.closest(NATIVE))) return;
    event.preventDefault();
  }
  // A changed control also reaches what listens now (the header's switches, loaded with the page,
  // write the choice down at once); the replay is for what comes with the code.
  if (event.type !== 'change') event.stopImmediatePropagation();
  const control = event.target;
  if (event.type === 'change' && (control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) {
    values.set(event, { value: control.value, checked: control instanceof HTMLInputElement && control.checked });
  }
  held.push(event);
  start();
}

function start() {
  if (state !== 'idle') return;
  state = 'loading';
  void Promise.allSettled([...loads.map((load) => load()), ...laterStyles()]).then((results) => {
    for (const r of results) if (r.status === 'rejected') failed(r.reason);
    setTimeout(() => {
      state = 'ready';
      for (const type of [...FIRST_USE, 'click'] as const) document.removeEventListener(type, hold, true);
      window.removeEventListener('hashchange', start);
      document.documentElement.dataset.live = 'ready';
      replay(held.splice(0));
    });
  });
}

/**
 * The styles of what the code shows, in `<template data-first-use>` until now (a template's link
 * is not fetched): into <head>, after the page's own, each awaited so nothing shows unstyled.
 */
function laterStyles(): Promise<unknown>[] {
  const links: HTMLLinkElement[] = [];
  for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-first-use]')) {
    links.push(...template.content.querySelectorAll('link'));
    document.head.append(template.content);
    template.remove();
  }
  return links.map(
    (link) =>
      new Promise((done, fail) => {
        link.addEventListener('load', done);
        link.addEventListener('error', () => fail(new Error(`could not load ${link.href}`)));
      }),
  );
}

/** A broken network on first use: the page stays plain HTML, and says why in the console. */
function failed(error: unknown) {
  console.error('duizhao: a part of the page could not load', error);
}

/** What the reader did while the code loaded, again, in order, for the code now listening. */
function replay(events: Event[]) {
  for (const e of events) {
    const target = e.target;
    if (e.type === 'click') {
      if (!(target instanceof Element) || !target.isConnected) continue;
      // The same click, made again (a mouse event's fields are its own init dictionary).
      target.dispatchEvent(new MouseEvent('click', e as MouseEvent));
    } else if (e.type === 'selectionchange') {
      document.dispatchEvent(new Event('selectionchange'));
    } else if (e instanceof KeyboardEvent && target instanceof Element && CLICK_KEYS[e.key] && target.closest(CLICK_KEYS[e.key]!)) {
      // Its click follows (or followed) and is replayed; the key as well would act twice.
    } else if (target instanceof Node && target.isConnected && !e.defaultPrevented) {
      const was = values.get(e);
      if (was && target instanceof HTMLSelectElement) target.value = was.value;
      if (was && target instanceof HTMLInputElement) target.checked = was.checked;
      target.dispatchEvent(e);
    }
  }
}
