/**
 * A date range over the archive, as `FROM=1958-09 TO=1958-12` gives it: a year, a month or a day
 * at either end, both ends included. Used by the loader so a teacher can build (and package) one
 * term's reading.
 */
const PART = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface DateRange {
  /** Inclusive lower bound as given (`1958`, `1958-09`, `1958-09-01`), or '' for none. */
  from: string;
  /** Inclusive upper bound as given, or '' for none. */
  to: string;
}

export class RangeError extends Error {
  override name = 'DateRangeError';
}

/** Reads FROM and TO; throws a RangeError that says what to write instead. */
export function parseRange(from = '', to = ''): DateRange {
  for (const [name, value] of [
    ['FROM', from],
    ['TO', to],
  ] as const) {
    if (value && !PART.test(value))
      throw new RangeError(`${name}=${value} is not a year, month or day. Write ${name}=1958, ${name}=1958-09 or ${name}=1958-09-25.`);
  }
  if (from && to && from.localeCompare(to) > 0 && !to.startsWith(from) && !from.startsWith(to)) {
    throw new RangeError(`FROM=${from} comes after TO=${to}: nothing would be built. Swap them.`);
  }
  return { from, to };
}

/** Whether a `YYYY-MM-DD` date lies in the range (a month or year at either end covers all its days). */
export function inRange(date: string, range: DateRange): boolean {
  if (range.from && date.slice(0, range.from.length) < range.from) return false;
  if (range.to && date.slice(0, range.to.length) > range.to) return false;
  return true;
}

/** `FROM=1958-09 TO=1958-12` as words, for the build output and the home page. */
export function describeRange(range: DateRange): string {
  if (!range.from && !range.to) return '';
  if (range.from && range.to) return `${range.from} to ${range.to}`;
  return range.from ? `from ${range.from}` : `up to ${range.to}`;
}
