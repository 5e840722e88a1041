/**
 * Building the markup that only an element's code uses (the passage bar, the word popover, the word
 * list's tools) when that code runs, not with the page: a page that is only read does not download
 * it (issue 14). Text stays text: nothing is ever parsed as HTML.
 */

/** An element with these attributes (`''`: a boolean attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) e.setAttribute(name, value);
  e.append(...children);
  return e;
}

/**
 * A link to a page of the site (`words/`, `about/#cc-cedict`). The base is the build's (in the
 * portable build a script's root-relative string becomes the runtime root, src/integrations/
 * portable-urls.ts); from file:// a folder does not open its index.html by itself.
 */
export function siteHref(path: string): string {
  const href = `${import.meta.env.BASE_URL}${path}`;
  return location.protocol === 'file:' ? href.replace(/\/(?=[?#]|$)/, '/index.html') : href;
}
