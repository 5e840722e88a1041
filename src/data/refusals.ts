/**
 * Documents the loader refused in this build (file, line, what is wrong, how to fix it), for the
 * /status/ page. Kept on globalThis: the loader and the pages are separate module graphs in one
 * process. A build in parts hands its refusals to the merge in its summary (src/data/summary.ts).
 */
export interface Refusal {
  /** Path below the content folder. */
  file: string;
  line: number;
  /** What is wrong, without the `file:line: ` prefix. */
  problem: string;
  fix: string;
}

const KEY = Symbol.for('duizhao.refusals');
type Registry = { [KEY]?: Map<string, Refusal> };

/** Replaces the refusals (a reload in dev reads every file again). */
export function recordRefusals(list: Refusal[]): void {
  const g = globalThis as Registry;
  g[KEY] = new Map();
  for (const r of list) g[KEY]!.set(r.file, r);
}

/** The refusals, by file name. */
export function refusals(): Refusal[] {
  return [...((globalThis as Registry)[KEY]?.values() ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
