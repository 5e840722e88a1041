/**
 * Rewrites a build made with the placeholder base `/__duizhao_root__/` into one whose every URL is
 * relative, so the folder works from file:// (a USB stick) and from any path on any server.
 *
 *   page glossary/lv/index.html:  href="/__duizhao_root__/"            → href="../../index.html"
 *                                 href="/__duizhao_root__/glossary/"   → href="../../glossary/index.html"
 *                                 src="/__duizhao_root__/_astro/a.js"  → src="../../_astro/a.js"
 *   stylesheet _astro/a.css:      url(/__duizhao_root__/favicon.svg)   → url(../favicon.svg)
 *   script:                       `/__duizhao_root__/sw.js`            → `${self.__duizhaoRoot}sw.js`
 *
 * Directory links get `index.html` because a file:// directory URL opens a directory listing, not
 * the page. Scripts cannot know their depth, so each page sets `self.__duizhaoRoot` (the site's
 * root as an absolute URL) in a classic script before any other.
 */
export const ROOT_PLACEHOLDER = '/__duizhao_root__/';
/** The global the portable pages set; scripts read it wherever they used the base path. */
export const ROOT_GLOBAL = 'self.__duizhaoRoot';

export class PortableError extends Error {
  override name = 'PortableError';
}

/** `../../` for `a/b/index.html`, `./` for `index.html`: from a file (path below the root) back to the root. */
export function rootPrefix(file: string): string {
  const depth = file.split('/').length - 1;
  return depth === 0 ? './' : '../'.repeat(depth);
}

/**
 * A URL below the root (`glossary/#x`) as seen from `file`. `asPage` (links and form actions)
 * adds `index.html` to a directory.
 */
export function relativeTo(file: string, rest: string, asPage: boolean): string {
  const cut = rest.search(/[?#]/);
  const path = cut < 0 ? rest : rest.slice(0, cut);
  const tail = cut < 0 ? '' : rest.slice(cut);
  const target = asPage && (path === '' || path.endsWith('/')) ? `${path}index.html` : path;
  const prefix = rootPrefix(file);
  return `${prefix === './' && target !== '' ? '' : prefix}${target}${tail}`;
}

const ATTRIBUTE = new RegExp(`(\\s)([\\w:-]+)=(["'])${escape(ROOT_PLACEHOLDER)}([^"']*)\\3`, 'g');
const CSS_URL = new RegExp(`url\\((["']?)${escape(ROOT_PLACEHOLDER)}([^"')]*)\\1\\)`, 'g');
const SCRIPT = /(<script\b[^>]*>)([\s\S]*?)(<\/script>)/g;
const STYLE = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;

const TEXT = />([^<]*)</g;

/**
 * Every attribute value, inline script and inline style of one page, made relative to `file`. In
 * text (a printed citation's path) the placeholder becomes `/`: what a build at the root shows.
 */
export function rewriteHtml(html: string, file: string): string {
  // Scripts and styles first: once they hold no placeholder, the attribute and text patterns
  // cannot misread their contents.
  const out = html
    .replace(SCRIPT, (_, open: string, code: string, close: string) => open + rewriteScriptRoot(code) + close)
    .replace(STYLE, (_, open: string, css: string, close: string) => open + rewriteCss(css, file) + close)
    .replace(ATTRIBUTE, (_, space: string, name: string, quote: string, rest: string) => {
      const value = relativeTo(file, rest, /^(href|action|formaction)$/i.test(name));
      return `${space}${name}=${quote}${value}${quote}`;
    })
    .replace(TEXT, (all: string, text: string) => (text.includes(ROOT_PLACEHOLDER) ? `>${text.replaceAll(ROOT_PLACEHOLDER, '/')}<` : all));
  assertNoPlaceholder(out, file);
  return out;
}

/** `url(/root/x)` in a stylesheet at `file` (the stylesheet's own path decides the depth). */
export function rewriteCss(css: string, file: string): string {
  return css.replace(CSS_URL, (_, quote: string, rest: string) => `url(${quote}${relativeTo(file, rest, false)}${quote})`);
}

/**
 * Every string literal that starts with the placeholder becomes an expression on the runtime root:
 * "`/root/sw.js`" → "`${self.__duizhaoRoot}sw.js`", `"/root/a"` → `(self.__duizhaoRoot+"a")`.
 * A placeholder anywhere else (inside a longer string) is an error: guessing would break a link.
 */
export function rewriteScriptRoot(code: string): string {
  let out = '';
  let from = 0;
  for (let at = code.indexOf(ROOT_PLACEHOLDER); at >= 0; at = code.indexOf(ROOT_PLACEHOLDER, from)) {
    const quote = code[at - 1];
    if (quote === '`') {
      out += code.slice(from, at) + `\${${ROOT_GLOBAL}}`;
      from = at + ROOT_PLACEHOLDER.length;
    } else if (quote === '"' || quote === "'") {
      const end = closingQuote(code, at, quote);
      const rest = code.slice(at + ROOT_PLACEHOLDER.length, end);
      out += code.slice(from, at - 1) + `(${ROOT_GLOBAL}+${quote}${rest}${quote})`;
      from = end + 1;
    } else {
      throw new PortableError(`A script uses the base path inside a longer string: …${code.slice(Math.max(0, at - 40), at + 40)}…`);
    }
  }
  return out + code.slice(from);
}

function closingQuote(code: string, from: number, quote: string): number {
  for (let k = from; k < code.length; k++) {
    if (code[k] === '\\') k++;
    else if (code[k] === quote) return k;
    else if (code[k] === '\n') break;
  }
  throw new PortableError(`Unterminated string after ${code.slice(from, from + 60)}`);
}

/** A placeholder left anywhere means a URL the portable build would get wrong: stop the build. */
export function assertNoPlaceholder(text: string, file: string): void {
  const at = text.indexOf(ROOT_PLACEHOLDER);
  if (at < 0) return;
  throw new PortableError(
    `${file} still contains the base path placeholder: …${text.slice(Math.max(0, at - 60), at + 60)}…\n` +
      'Build URLs from import.meta.env.BASE_URL in an attribute or at the start of a string, so the portable build can make them relative.',
  );
}

/** The classic script each portable page runs first: the site root, from this page's depth. */
export function rootScript(file: string): string {
  return `<script>${ROOT_GLOBAL}=new URL(${JSON.stringify(rootPrefix(file))},location.href).href</script>`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
