/** Reading order of the archive: by date, then page, then URL path (stable for equal keys). */
export function sortDocuments<T extends { date: string; page: number; path: string }>(docs: T[]): T[] {
  return [...docs].sort((a, b) => a.date.localeCompare(b.date) || a.page - b.page || a.path.localeCompare(b.path));
}
