/**
 * The document's rows and sentences for a passage, as the markup contract (lib/render/markup.ts)
 * lays them out: which rows and sentences a passage covers, their text, the English counterparts
 * of a Chinese sentence. Shared by <reader-passages>, <reader-sentences>, <passage-bar> and
 * <reader-print>.
 */
import { inRange, parseAnchor, type AnchorRange } from '../lib/passage/url.ts';
import { DATA, SELECT, STATE } from '../lib/render/markup.ts';

/** Row numbers of a row's Chinese paragraphs. */
export function rowNumbers(row: Element): number[] {
  return [...row.querySelectorAll<HTMLElement>(SELECT.zhParagraph)].map((p) => Number(p.dataset[DATA.n]));
}

/** The rows of `root` that hold a paragraph of the passage. */
export function rowsOf(root: ParentNode, ranges: AnchorRange[]): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(SELECT.row)].filter((row) => rowNumbers(row).some((n) => ranges.some((r) => inRange({ n }, r))));
}

/** The English sentences of the same row that share an id with sentence `s` (and are not `s`). */
export function partners(s: HTMLElement): HTMLElement[] {
  const ids = (s.dataset[DATA.s] ?? '').split(' ').filter(Boolean);
  const row = s.closest(SELECT.row);
  if (!ids.length || !row) return [];
  return [...row.querySelectorAll<HTMLElement>(SELECT.sentence)].filter((o) => o !== s && o.dataset[DATA.s]!.split(' ').some((x) => ids.includes(x)));
}

/** Whether a passage names sentences rather than whole rows. */
export const namesSentences = (ranges: AnchorRange[]) => ranges.some((r) => r.from.s !== undefined || r.to.s !== undefined);

/** The Chinese sentences of the passage, each with its English counterparts (each once). */
export function sentencesOf(root: ParentNode, ranges: AnchorRange[]): { zh: HTMLElement; en: HTMLElement[] }[] {
  const seen = new Set<Element>();
  const out: { zh: HTMLElement; en: HTMLElement[] }[] = [];
  for (const s of root.querySelectorAll<HTMLElement>(SELECT.zhSentence)) {
    const a = parseAnchor(s.dataset[DATA.s] ?? '');
    if (!a || !ranges.some((r) => inRange(a, r))) continue;
    out.push({ zh: s, en: partners(s).filter((p) => !seen.has(p) && seen.add(p)) });
  }
  return out;
}

/** Marks the rows (and, for sentence ranges, the sentences with their counterparts) of a passage. */
export function highlight(root: ParentNode, ranges: AnchorRange[]): void {
  for (const el of root.querySelectorAll(`.${STATE.inPassage}`)) el.classList.remove(STATE.inPassage);
  for (const row of rowsOf(root, ranges)) row.classList.add(STATE.inPassage);
  const sentences = ranges.filter((r) => r.from.s !== undefined || r.to.s !== undefined);
  for (const { zh, en } of sentencesOf(root, sentences)) for (const s of [zh, ...en]) s.classList.add(STATE.inPassage);
}

/** The passage's text: its Chinese, then its English, one paragraph (or sentence) a line. */
export function passageText(root: ParentNode, ranges: AnchorRange[]): { zh: string[]; en: string[] } {
  if (namesSentences(ranges)) {
    const found = sentencesOf(root, ranges);
    return { zh: found.map((f) => f.zh.textContent ?? ''), en: found.flatMap((f) => f.en.map((e) => (e.textContent ?? '').trim())) };
  }
  const rows = rowsOf(root, ranges);
  return {
    zh: rows.flatMap((row) => [...row.querySelectorAll(`.cell.zh ${SELECT.zhParagraph}`)].map((p) => p.textContent ?? '')),
    en: rows.flatMap((row) => [...row.querySelectorAll(`.cell.en ${SELECT.enParagraph}`)].map((p) => p.textContent ?? '')),
  };
}
