/**
 * A year's headlines as one classic script (`/1958/headlines.js`), loaded when a reader first
 * filters the year page, and the filter itself. A classic script, not JSON: it must load from
 * file:// too, where Chromium refuses fetch().
 */
import type { ArticleRef } from './calendar.ts';

/** `[date, page, path, Chinese headline, English title]` */
export type HeadlineRow = [string, number, string, string, string];

export const HEADLINES_GLOBAL = '__duizhaoHeadlines';

export function headlineRows(articles: readonly ArticleRef[]): HeadlineRow[] {
  return articles.map((a) => [a.date, a.page, a.path, a.headlineZh.join(' '), a.title]);
}

export function headlinesScript(year: string, rows: HeadlineRow[]): string {
  return `self.${HEADLINES_GLOBAL}&&self.${HEADLINES_GLOBAL}(${JSON.stringify(year)},${JSON.stringify(rows)});\n`;
}

/** Lower case, accents off, so `Soviet` finds `soviet` and `Mao Zedong` finds `Máo`. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The rows whose Chinese headline or English title contains every word of the query (Chinese runs
 * as substrings, English words as substrings of the title), in reading order.
 */
export function filterHeadlines(rows: readonly HeadlineRow[], query: string): HeadlineRow[] {
  const words = fold(query)
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  if (!words.length) return [];
  return rows.filter((r) => {
    const text = `${fold(r[3])}\n${fold(r[4])}`;
    return words.every((w) => text.includes(w));
  });
}
