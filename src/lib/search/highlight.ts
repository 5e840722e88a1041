/**
 * Turns match ranges into text segments to show (marked or not), around the first match when the
 * text is too long for a result line. Segments are plain strings: the caller puts them into the
 * page as text nodes, so nothing in a document or a query can become markup.
 */
import type { TextRange } from './match.ts';

export interface Segment {
  text: string;
  hit: boolean;
}

/** The text cut into unmarked and marked segments. Ranges must be sorted and merged. */
export function segments(text: string, ranges: TextRange[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    if (s > at) out.push({ text: text.slice(at, s), hit: false });
    out.push({ text: text.slice(s, e), hit: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false });
  return out;
}

/** Does not cut a surrogate pair (a character outside the BMP) in two. */
function safe(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/**
 * At most about `max` characters of `text`, starting a little before the first match, with `…`
 * where text was left out. `max` counts UTF-16 units.
 */
export function excerpt(text: string, ranges: TextRange[], max: number): Segment[] {
  if (text.length <= max) return segments(text, ranges);
  const first = ranges[0]?.[0] ?? 0;
  let start = safe(text, Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max)));
  // Start English at a word boundary.
  if (start > 0 && /\w/.test(text[start - 1]!)) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  const end = safe(text, Math.min(text.length, start + max));
  const shifted: TextRange[] = ranges
    .map(([s, e]): TextRange => [s - start, e - start])
    .filter(([s, e]) => e > 0 && s < end - start)
    .map(([s, e]): TextRange => [Math.max(0, s), Math.min(end - start, e)]);
  const out = segments(text.slice(start, end), shifted);
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < text.length) out.push({ text: '…', hit: false });
  return out;
}
