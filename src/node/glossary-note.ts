/**
 * A glossary note is Markdown, and Markdown lets raw HTML through: a note with `<script>`, an
 * `onerror` attribute, an `<iframe>` or a `javascript:` link would run on every page that shows
 * the term. The rendered note is cut down to GitHub's allow-list (hast-util-sanitize, what
 * rehype-sanitize applies): text, emphasis, lists, links to http(s) and mailto, tables, code.
 * Images excepted: a note has none (README, "Adding a glossary term"), and an image would be fetched
 * from wherever its address points, which the site's security policy refuses for other origins.
 * https://github.com/syntax-tree/hast-util-sanitize#schema
 */
import { fromHtml } from 'hast-util-from-html';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';

/** Elements dropped with their content, not only unwrapped: their text is code or markup. */
const SCHEMA = {
  ...defaultSchema,
  tagNames: defaultSchema.tagNames!.filter((name) => !['img', 'picture', 'source'].includes(name)),
  strip: ['script', 'style', 'iframe', 'noscript', 'template', 'textarea', 'title'],
};

export function sanitizeNoteHtml(html: string): string {
  return toHtml(sanitize(fromHtml(html, { fragment: true }), SCHEMA));
}
