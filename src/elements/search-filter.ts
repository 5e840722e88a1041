/**
 * The filters of the /search/ page, years from–to and a page (版): form fields whose values live
 * in the URL beside the query (`/search/?q=铝&from=1958&to=1960&page=1`), so that a filtered
 * search can be shared. Without JavaScript the form submits them as they are.
 */
import type { SearchFilter } from '../lib/search/engine.ts';

export const FILTER_FIELDS = ['from', 'to', 'page'] as const;

/** A filter from URL parameters or form fields; a value that is not a whole number is left out. */
export function readFilter(get: (name: string) => string | null | undefined): SearchFilter {
  const filter: SearchFilter = {};
  for (const name of FILTER_FIELDS) {
    const value = get(name)?.trim() ?? '';
    if (/^\d{1,5}$/.test(value)) filter[name] = Number(value);
  }
  // 1960 to 1958 means the same years as 1958 to 1960.
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  return filter;
}

/** The form's filter fields, by name. */
export function filterFields(form: HTMLFormElement | null): (HTMLInputElement | HTMLSelectElement)[] {
  if (!form) return [];
  return FILTER_FIELDS.map((name) => form.elements.namedItem(name)).filter(
    (f): f is HTMLInputElement | HTMLSelectElement => f instanceof HTMLInputElement || f instanceof HTMLSelectElement,
  );
}

/** Sets the URL's query and filter parameters, leaving out empty ones. */
export function writeParams(url: URL, query: string, filter: SearchFilter): void {
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  for (const name of FILTER_FIELDS) {
    if (filter[name] !== undefined) url.searchParams.set(name, String(filter[name]));
    else url.searchParams.delete(name);
  }
}

/** `1958–1960, page 1`, for the status line; empty without a filter. */
export function describeFilter(filter: SearchFilter): string {
  const { from, to, page } = filter;
  const years =
    from !== undefined && to !== undefined
      ? from === to
        ? `${from}`
        : `${from}–${to}`
      : from !== undefined
        ? `from ${from}`
        : to !== undefined
          ? `until ${to}`
          : '';
  return [years, page !== undefined ? `page ${page}` : ''].filter(Boolean).join(', ');
}
