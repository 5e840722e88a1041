/**
 * A Content-Security-Policy for every built page, written into the page as
 * `<meta http-equiv="content-security-policy">`: the one form that works on any static host
 * (no server headers to configure) and from file://. What it allows:
 *
 *   default-src 'self'                 every fetch, image, font, worker, manifest: this site only
 *   script-src 'self' 'sha256-…'       the site's script files, and the site's own inline scripts by hash
 *   style-src 'self'                   the site's stylesheets (no inline styles: see astro.config.mjs)
 *   object-src 'none'; base-uri 'none'; form-action 'self'   (these three do not fall back to default-src)
 *
 * No 'unsafe-inline': a <script>, an `onerror=` attribute, a `javascript:` URL or a `style=` attribute
 * that got into a page from a document or a glossary note does not run (the build already shows
 * such markup as text or removes it; this is the second line). Chromium matches 'self' against
 * file: URLs on a file:// page, so the portable build keeps working.
 *
 * Which inline scripts are the site's own: those its components mark with this build's mark
 * (`<script is:inline {...OWN}>`, a random value no source file or document can know). After the
 * build, each page's marked scripts are hashed into its policy and the mark is removed (so a
 * rebuild writes the same bytes); any other inline script or style is content that got through
 * as HTML, is left out of the policy, so the browser refuses it, and is reported.
 *
 * Why not Astro's `security.csp`: it hashes the scripts Astro bundles but not `is:inline` ones (the
 * first-paint script of layouts/Base.astro, components/SearchStart.astro), writes its <meta> after
 * the first of them, and the portable build (portable.ts) rewrites the pages afterwards.
 * https://www.w3.org/TR/CSP3/#meta-element · https://docs.astro.build/en/reference/configuration-reference/#securitycsp
 */
import { createHash, randomBytes } from 'node:crypto';
import { transformSync } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const MARK = 'data-csp';
const MARK_ENV = 'DUIZHAO_CSP_MARK';

/**
 * This build's mark, the same in the config and in the pages (both run in the build's process):
 * made on first use and kept in the environment.
 */
export function buildMark(): string {
  return (process.env[MARK_ENV] ||= randomBytes(12).toString('hex'));
}

/** Attributes that mark an inline `<script>` (or `<style>`) as the site's own: spread them on the element. */
export function ownInline(): Record<string, string> {
  return { [MARK]: buildMark() };
}

/** The page's own inline scripts and styles, as CSP hash sources (`'sha256-…'`), each once, in order. */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

/**
 * A comment, a script or style element with its text, or any other tag: whole tags, quoted
 * attribute values included, so that a `<script>` inside an attribute (a citation's JSON holding
 * a title) is never read as one.
 */
const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>([\s\S]*?)<\/\1\s*>|<[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi;
/** A data block (`type="application/json"`) is never run. */
const EXECUTABLE = /^\s*(?:|module|text\/javascript|application\/javascript)\s*$/i;
const TYPE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const POLICY_META = '<meta http-equiv="content-security-policy"';
/** Where the policy goes: first in <head>, after `<meta charset>` (which must stay in the first 1024 bytes). */
export const HEAD_START = /<head\b[^>]*>(?:\s*<meta charset=["']?[\w-]+["']?\s*\/?>)?/i;

/** `'sha256-…'` of a script's or style's text as the browser hashes it (after newline normalisation). */
export function hashSource(text: string): string {
  // The HTML parser turns CR LF and CR into LF before the element's text exists.
  return `'sha256-${createHash('sha256').update(text.replace(/\r\n?/g, '\n'), 'utf8').digest('base64')}'`;
}

/**
 * An inline script of the site's own, minified as its script files are (esbuild, Astro's own
 * dependency): they are written readable in the components, and every page carries them.
 */
export function minifyScript(text: string): string {
  const { code } = transformSync(text, { loader: 'js', minify: true, target: 'es2022', legalComments: 'none' });
  return code.trim();
}

/** The policy for a page with these inline scripts and styles of its own. */
export function policyFor({ scripts, styles }: InlineHashes): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scripts].join(' '),
    ["style-src 'self'", ...styles].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export interface PagePolicy {
  html: string;
  hashes: InlineHashes;
  /** Inline scripts and styles without the mark: left out of the policy, so never run or applied. */
  foreign: string[];
}

/**
 * The page with its policy first in <head> and the marks of `mark` removed. A page whose <head>
 * starts with a policy already is returned as it is (only this pass puts one there; a policy that
 * content smuggled in anywhere else changes nothing).
 */
export function withPolicy(html: string, mark: string = buildMark()): PagePolicy {
  const hashes: InlineHashes = { scripts: [], styles: [] };
  const foreign: string[] = [];
  const start = HEAD_START.exec(html);
  if (start && html.startsWith(POLICY_META, start.index + start[0].length)) return { html, hashes, foreign };
  const own = new RegExp(`\\s${MARK}="${mark}"`);
  const page = html.replace(TOKEN, (element: string, tag: string | undefined, attributes: string, text: string) => {
    if (!tag) return element;
    const lower = tag.toLowerCase() as 'script' | 'style';
    if (lower === 'script' && /\bsrc\s*=/i.test(attributes)) return element;
    const type = TYPE.exec(attributes);
    if (lower === 'script' && type && !EXECUTABLE.test(type[1] ?? type[2] ?? type[3] ?? '')) return element;
    if (!own.test(attributes)) {
      foreign.push(element.slice(0, 80));
      return element;
    }
    const list = lower === 'script' ? hashes.scripts : hashes.styles;
    const body = lower === 'script' ? minifyScript(text) : text;
    const hash = hashSource(body);
    if (!list.includes(hash)) list.push(hash);
    return `<${tag}${attributes.replace(own, '')}>${body}</${tag}>`;
  });
  const meta = `<meta http-equiv="content-security-policy" content="${policyFor(hashes)}">`;
  const head = HEAD_START.exec(page);
  // No <head> tag (never in our pages): the parser opens one for the first <meta> it meets.
  const at = head ? head.index + head[0].length : (/^\s*<!doctype[^>]*>/i.exec(page)?.[0].length ?? 0);
  return { html: page.slice(0, at) + meta + page.slice(at), hashes, foreign };
}

export interface PolicyReport {
  pages: number;
  /** Distinct inline scripts and styles of the site's own, allowed by hash. */
  own: number;
  /** Pages with inline scripts or styles that are not the site's (and that the browser refuses). */
  foreign: { page: string; elements: string[] }[];
}

/** Writes the policy into every page among `files` (paths below `out`). */
export async function writeContentSecurityPolicy(out: string, files: string[]): Promise<PolicyReport> {
  const pages = files.filter((f) => f.endsWith('.html'));
  const own = new Set<string>();
  const foreign: PolicyReport['foreign'] = [];
  const mark = buildMark();
  // A few files at a time: an archive has 100,000s of pages, more than can be open at once.
  const queue = [...pages];
  const work = async () => {
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const path = join(out, file);
      const result = withPolicy(await readFile(path, 'utf8'), mark);
      for (const h of [...result.hashes.scripts, ...result.hashes.styles]) own.add(h);
      if (result.foreign.length) foreign.push({ page: file, elements: result.foreign });
      await writeFile(path, result.html);
    }
  };
  await Promise.all(Array.from({ length: 8 }, work));
  return { pages: pages.length, own: own.size, foreign: foreign.sort((a, b) => (a.page < b.page ? -1 : 1)) };
}

/** The build's warning about inline scripts and styles the site did not write. */
export function foreignInline(found: PolicyReport['foreign']): string {
  const shown = found.slice(0, 10).map((f) => `  ${f.page}: ${f.elements.join(' … ')}`);
  return (
    `${found.length} page(s) hold inline scripts or styles that the site did not write (a document or glossary note whose HTML got through?). ` +
    `Their security policy leaves them out, so browsers refuse them:\n${shown.join('\n')}${found.length > 10 ? `\n  … and ${found.length - 10} more` : ''}`
  );
}
