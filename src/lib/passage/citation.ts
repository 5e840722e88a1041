/**
 * Chicago-style citation of a passage (notes and bibliography, newspaper article; a non-English
 * title is given in the original with a bracketed translation, Chicago Manual of Style 17th ed.,
 * 14.88–14.91 and 14.191). Pure: used at build time (the no-JavaScript fallback) and in the browser.
 *
 *   “中共中央和国务院指示抓住大跃进中薄弱环节 ……” [The CCP Central Committee …]. 《人民日报》
 *   (People’s Daily), September 25, 1958, page 1, ¶3–5. Accessed November 25, 2026.
 *   https://…#p3-p5. duizhao content version 1a2b3c4d5e.
 *
 * The access date stands before the URL (CMOS 14.12).
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 1958-09-25 → September 25, 1958 (no locale data involved, so every browser agrees). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}

export interface CitationInput {
  headlineZh: string[];
  title: string;
  /** English author line; may be empty. */
  author: string;
  /** Chinese author lines; may be empty. */
  authorZh: string[];
  date: string;
  page: number;
  /** "¶3–5", or empty for the whole article. */
  passage: string;
  url: string;
  /** YYYY-MM-DD, the reader's today; omitted in the no-JavaScript fallback. */
  accessed?: string;
  version: string;
}

export function chicagoCitation(c: CitationInput): string {
  const author = [c.author, c.authorZh.join(' ')].filter(Boolean).join(' ');
  const headline = c.headlineZh.join(' ');
  const where = [`《人民日报》 (People’s Daily), ${longDate(c.date)}`, `page ${c.page}`, ...(c.passage ? [c.passage] : [])].join(', ');
  const accessed = c.accessed ? ` Accessed ${longDate(c.accessed)}.` : '';
  return `${author ? `${author}. ` : ''}“${headline}” [${c.title}]. ${where}.${accessed} ${c.url}. duizhao content version ${c.version}.`;
}
