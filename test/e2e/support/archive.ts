import type { Page } from 'playwright-core';

/** A document as a day page lists it. */
export interface ListedDocument {
  href: string;
  zh: string;
  en: string;
  /** The day page it is listed on, `YYYY-MM-DD`. */
  date: string;
  /** The page (版) section it is listed under. */
  page: number;
}

/**
 * Every document reachable from the home page as a reader finds it: home → year → day → article.
 * Pages are fetched and parsed in the browser (no rendering), in reading order.
 */
export async function archiveDocuments(page: Page, homeUrl: string): Promise<ListedDocument[]> {
  await page.goto(homeUrl, { waitUntil: 'load' });
  const years = await page.locator('ol.year-list a.year-card').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return page.evaluate(async (years) => {
    const parse = async (url: string) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      return new DOMParser().parseFromString(await res.text(), 'text/html');
    };
    const out: { href: string; zh: string; en: string; date: string; page: number }[] = [];
    for (const year of years) {
      const doc = await parse(year);
      const days = [...doc.querySelectorAll<HTMLAnchorElement>('.cal td.has a')].map((a) => new URL(a.getAttribute('href')!, year).href);
      for (const day of days) {
        const d = await parse(day);
        const date = /(\d{4}-\d{2}-\d{2})\/(index\.html)?$/.exec(day)?.[1] ?? '';
        for (const section of d.querySelectorAll<HTMLElement>('section.issue-page')) {
          for (const li of section.querySelectorAll('li.doc-item')) {
            const a = li.querySelector('a')!;
            out.push({
              href: new URL(a.getAttribute('href')!, day).href,
              zh: li.querySelector('[lang="zh-Hans"].doc-zh')?.textContent?.trim() ?? '',
              en: li.querySelector('[lang="en"].doc-en')?.textContent?.trim() ?? '',
              date,
              page: Number(section.dataset.page),
            });
          }
        }
      }
    }
    return out;
  }, years);
}

/** From the home page, the way a reader opens an article: the first year, its first day, its first article. */
export async function openFirstDocument(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/\d{4}\/(index\.html)?$/), page.locator('ol.year-list a.year-card').first().click()]);
  await Promise.all([page.waitForURL(/\/\d{4}-\d{2}-\d{2}\/(index\.html)?$/), page.locator('.cal td.has a').first().click()]);
  await Promise.all([page.waitForURL(/\/p\d+\/[^/]+\/(index\.html)?$/), page.locator('section.issue-page li.doc-item a').first().click()]);
}
