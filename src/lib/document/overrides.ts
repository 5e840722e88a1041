/**
 * Hand-written alignment overrides: a sidecar file next to the document, same name plus
 * `.align` (`1958-09-25-p1-copper-and-aluminum.txt.align`). One group per line:
 *
 *   # Chinese rows = English paragraphs (numbers as `npm run align:report` prints them)
 *   p1 = e1-e3        one Chinese paragraph, three English ones
 *   p5 p6 = e8        two Chinese paragraphs share one English one
 *   p7 = -            no translation
 *   - = e9            no original
 *
 * Groups not listed are aligned automatically between the listed ones.
 */
import { SourceError } from '../errors.ts';

export interface OverrideGroup {
  /** 1-based Chinese paragraph numbers (row numbers). */
  zh: number[];
  /** 1-based English paragraph numbers. */
  en: number[];
  line: number;
}

function side(text: string, prefix: 'p' | 'e', file: string, line: number): number[] {
  if (text === '-') return [];
  const out: number[] = [];
  for (const tok of text.split(/[\s,]+/).filter(Boolean)) {
    const m = new RegExp(`^${prefix}(\\d+)(?:-${prefix}?(\\d+))?$`).exec(tok);
    if (!m) {
      throw new SourceError(
        file,
        line,
        `"${tok}" is neither ${prefix === 'p' ? 'a Chinese row (p5)' : 'an English paragraph (e7)'} nor a range of them.`,
        `Write groups as \`p5 = e7\`, \`p5 p6 = e7-e8\`, \`p7 = -\` or \`- = e9\`.`,
      );
    }
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a) throw new SourceError(file, line, `the range "${tok}" runs backwards.`, `Write the smaller number first, e.g. ${prefix}3-${prefix}5.`);
    for (let k = a; k <= b; k++) out.push(k);
  }
  for (let k = 1; k < out.length; k++) {
    if (out[k] !== out[k - 1]! + 1)
      throw new SourceError(file, line, `the group "${text}" is not contiguous.`, 'A group joins neighbouring paragraphs only; split it into several lines.');
  }
  return out;
}

export function parseOverride(source: string, file: string): OverrideGroup[] {
  const groups: OverrideGroup[] = [];
  source.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    const text = raw.replace(/#.*$/, '').trim();
    if (!text) return;
    const m = /^(.+?)\s*=\s*(.+)$/.exec(text);
    if (!m) throw new SourceError(file, line, `"${text}" is not a group.`, 'Write one group per line as `p5 = e7` (Chinese rows = English paragraphs).');
    const zh = side(m[1]!.trim(), 'p', file, line);
    const en = side(m[2]!.trim(), 'e', file, line);
    if (!zh.length && !en.length) throw new SourceError(file, line, 'a group needs a Chinese or an English side.', 'Write `p7 = -` or `- = e9`, not `- = -`.');
    groups.push({ zh, en, line });
  });
  return groups;
}

/** Checks groups against the document's paragraph counts and order; throws on the first problem. */
export function checkOverride(groups: OverrideGroup[], zhCount: number, enFirst: number, enLast: number, file: string): void {
  let lastZh = 0;
  let lastEn = 0;
  const seenZh = new Set<number>();
  const seenEn = new Set<number>();
  for (const g of groups) {
    for (const n of g.zh) {
      if (n < 1 || n > zhCount)
        throw new SourceError(
          file,
          g.line,
          `p${n} does not exist: the document has rows p1 to p${zhCount}.`,
          'Check the row numbers with `npm run align:report`.',
        );
      if (seenZh.has(n)) throw new SourceError(file, g.line, `p${n} is named twice.`, 'Name every row in one group at most.');
      seenZh.add(n);
    }
    for (const n of g.en) {
      if (n < enFirst || n > enLast)
        throw new SourceError(
          file,
          g.line,
          `e${n} is not an English body paragraph (they are e${enFirst} to e${enLast}; lines before e${enFirst} repeat the headline).`,
          'Check the English numbers with `npm run align:report`.',
        );
      if (seenEn.has(n)) throw new SourceError(file, g.line, `e${n} is named twice.`, 'Name every English paragraph in one group at most.');
      seenEn.add(n);
    }
    const z = g.zh[0] ?? lastZh;
    const e = g.en[0] ?? lastEn;
    if ((g.zh.length && z <= lastZh) || (g.en.length && e <= lastEn)) {
      throw new SourceError(file, g.line, 'groups are out of order.', 'List groups in reading order, each after the one above it.');
    }
    lastZh = g.zh[g.zh.length - 1] ?? lastZh;
    lastEn = g.en[g.en.length - 1] ?? lastEn;
  }
}
