/**
 * Passage links: the fragment of a document URL names what to show.
 *
 *   #p5                      one row                 #p3-p5            rows 3 to 5
 *   #p5.2                    one sentence            #p5.2-p5.4        sentences 2 to 4 of p5
 *   #p2,p5-p7                several ranges (a lesson link)
 *   #p2,p5-p7&layout=zh&pinyin=on   …with the layout (side, interleaved, zh, en) and pinyin (on, off)
 *   #p2,p5-p7&study=en       …in study mode, the English hidden (en, zh, pinyin; off)
 *
 * Parameters after `&` are optional and in any order; unknown ones are kept for other features
 * (search uses `q`). Pure functions, shared by the browser and the tests.
 */

import { isLayout, isPinyin, isStudy, type Layout, type Pinyin, type Study } from './view.ts';

export type { Layout };
export interface Anchor {
  /** Row number. */
  n: number;
  /** Sentence number inside the row's paragraph, if the anchor names a sentence. */
  s?: number;
}
/** Rows or sentences from one anchor to another, both included. */
export interface AnchorRange {
  from: Anchor;
  to: Anchor;
}
export interface Passage {
  ranges: AnchorRange[];
  layout?: Layout;
  pinyin?: Pinyin;
  /** Study mode for this visit: the side hidden until the reader reveals it. */
  study?: Study;
  /** Other `key=value` parameters, untouched. */
  params: Record<string, string>;
}

const ANCHOR = /^p(\d+)(?:\.(\d+))?$/;

/** `p5` or `p5.2` as an anchor; null for anything else. */
export function parseAnchor(text: string): Anchor | null {
  const m = ANCHOR.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] ? { n, s: Number(m[2]) } : { n };
}

export function anchorId(a: Anchor): string {
  return a.s ? `p${a.n}.${a.s}` : `p${a.n}`;
}

function compare(a: Anchor, b: Anchor): number {
  return a.n - b.n || (a.s ?? 0) - (b.s ?? 0);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a malformed escape: read it as it is
  }
}

export function parsePassage(hash: string): Passage {
  // Split first, decode each piece after: a value may hold an escaped `&` or `=`.
  const pieces = hash.replace(/^#/, '').split('&');
  // A view link may name no passage at all: `#layout=zh&pinyin=on`.
  const head = pieces[0]?.includes('=') ? '' : decode(pieces.shift() ?? '');
  const rest = pieces;
  const passage: Passage = { ranges: [], params: {} };
  for (const part of head.split(',')) {
    const [a, b] = part.split('-');
    const from = parseAnchor(a ?? '');
    const to = b === undefined ? from : parseAnchor(b);
    if (!from || !to) continue;
    passage.ranges.push(compare(from, to) <= 0 ? { from, to } : { from: to, to: from });
  }
  for (const kv of rest) {
    const at = kv.indexOf('=');
    const k = decode(at < 0 ? kv : kv.slice(0, at));
    const v = at < 0 ? '' : decode(kv.slice(at + 1));
    if (k === 'layout' && isLayout(v)) passage.layout = v;
    else if (k === 'pinyin' && isPinyin(v)) passage.pinyin = v;
    else if (k === 'study' && isStudy(v)) passage.study = v;
    else if (k) passage.params[k] = v;
  }
  return passage;
}

export function formatPassage(p: Passage): string {
  const ranges = p.ranges.map((r) => (compare(r.from, r.to) === 0 ? anchorId(r.from) : `${anchorId(r.from)}-${anchorId(r.to)}`)).join(',');
  const params = [
    ...(p.layout ? [`layout=${p.layout}`] : []),
    ...(p.pinyin ? [`pinyin=${p.pinyin}`] : []),
    ...(p.study ? [`study=${p.study}`] : []),
    ...Object.entries(p.params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
  ];
  return `#${(ranges ? [ranges, ...params] : params).join('&')}`;
}

/** Is this anchor inside the range? A row is when any of it is; a sentence when it lies between the ends. */
export function inRange(a: Anchor, r: AnchorRange): boolean {
  if (a.s === undefined) return a.n >= r.from.n && a.n <= r.to.n;
  const key = (n: number, s: number) => n * 100_000 + s;
  const k = key(a.n, a.s);
  return k >= key(r.from.n, r.from.s ?? 0) && k <= key(r.to.n, r.to.s ?? 99_999);
}

/** "¶3–5", "¶2, 5–7", "¶5.2" for labels and citations. */
export function passageLabel(p: Pick<Passage, 'ranges'>): string {
  const one = (r: AnchorRange) => {
    const from = anchorId(r.from).slice(1);
    if (compare(r.from, r.to) === 0) return from;
    // Sentences of one paragraph: ¶5.2–4; anything else names both ends in full: ¶5–5.3, ¶3–5.
    const to = r.from.n === r.to.n && r.from.s !== undefined && r.to.s !== undefined ? String(r.to.s) : anchorId(r.to).slice(1);
    return `${from}–${to}`;
  };
  return `¶${p.ranges.map(one).join(', ')}`;
}
