/**
 * The archive as a newspaper library browses it: years, months as calendars, days as issues with
 * their pages (版). Built once per build from the documents' dates and pages; every page that uses
 * it shows one year or one day, so no page grows with the archive.
 */

/** What a listing needs of a document. */
export interface ArticleRef {
  /** URL path below the base, `1958-09-25/p1/copper-and-aluminum/`. */
  path: string;
  date: string;
  page: number;
  headlineZh: string[];
  title: string;
}

export interface DaySummary {
  date: string;
  day: number;
  count: number;
}

export interface MonthSummary {
  /** `1958-09` */
  month: string;
  /** 1–12 */
  number: number;
  count: number;
  /** Days with articles, ascending. */
  days: DaySummary[];
}

export interface YearSummary {
  year: string;
  count: number;
  /** All twelve months, those without articles with count 0. */
  months: MonthSummary[];
}

export interface Archive {
  /** Years with articles, ascending. */
  years: YearSummary[];
  /** Dates with articles, ascending. */
  dates: string[];
  /** Articles of a day in reading order (page, then URL). */
  day(date: string): ArticleRef[];
  year(year: string): YearSummary | undefined;
}

import { compareReading } from './order.ts';

export function buildArchive(docs: readonly ArticleRef[]): Archive {
  const days = new Map<string, ArticleRef[]>();
  for (const d of docs) {
    const list = days.get(d.date);
    if (list) list.push(d);
    else days.set(d.date, [d]);
  }
  for (const list of days.values()) list.sort(compareReading);
  const dates = [...days.keys()].sort();
  const years = new Map<string, YearSummary>();
  for (const date of dates) {
    const y = date.slice(0, 4);
    let year = years.get(y);
    if (!year) {
      year = { year: y, count: 0, months: Array.from({ length: 12 }, (_, k) => ({ month: `${y}-${pad(k + 1)}`, number: k + 1, count: 0, days: [] })) };
      years.set(y, year);
    }
    const count = days.get(date)!.length;
    const month = year.months[Number(date.slice(5, 7)) - 1]!;
    month.days.push({ date, day: Number(date.slice(8, 10)), count });
    month.count += count;
    year.count += count;
  }
  return {
    years: [...years.values()],
    dates,
    day: (date) => days.get(date) ?? [],
    year: (y) => years.get(y),
  };
}

/** The articles of a day grouped by page (版), pages ascending. */
export function pagesOf(articles: readonly ArticleRef[]): { page: number; articles: ArticleRef[] }[] {
  const pages = new Map<number, ArticleRef[]>();
  for (const a of articles) pages.set(a.page, [...(pages.get(a.page) ?? []), a]);
  return [...pages.entries()].sort((a, b) => a[0] - b[0]).map(([page, list]) => ({ page, articles: list }));
}

/**
 * A month as calendar weeks, Monday first as Chinese calendars print them: each week seven cells,
 * a day number or null outside the month.
 */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, k) => k + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The entries before and after `item` in an ascending list (undefined at the ends or when absent). */
export function neighbours<T>(list: readonly T[], item: T): { prev: T | undefined; next: T | undefined } {
  const k = list.indexOf(item);
  if (k < 0) return { prev: undefined, next: undefined };
  return { prev: list[k - 1], next: list[k + 1] };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthNameEn(month: number): string {
  return MONTHS_EN[month - 1] ?? '';
}

/** `1958-09-25` → `25 September 1958`. */
export function longDateEn(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${monthNameEn(m)} ${y}`;
}

/** `1958-09-25` → `1958年9月25日 星期四`. */
export function longDateZh(date: string, weekday = true): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${y}年${m}月${d}日${weekday ? ` ${WEEKDAYS_ZH[w]}` : ''}`;
}

/** Where the URL of a year and a day lie below the base. */
export const yearPath = (year: string) => `${year}/`;
export const dayPath = (date: string) => `${date}/`;
