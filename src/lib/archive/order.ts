/**
 * Reading order of the archive: by date, then page, then URL path. Paths compare by code unit, not
 * by locale, so the order (and the previous / next links and record numbers that follow from it)
 * is the same on every machine.
 */
export function compareReading(a: { date: string; page: number; path: string }, b: { date: string; page: number; path: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.page - b.page || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

export function sortDocuments<T extends { date: string; page: number; path: string }>(docs: T[]): T[] {
  return [...docs].sort(compareReading);
}
