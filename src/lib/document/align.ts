/**
 * Longer than 250 lines because the cost model and the dynamic programme read the same beads;
 * the anchors and text measures it uses live in anchors.ts and text.ts.
 *
 * Paragraph aligner in the spirit of Gale & Church (1993), "A program for aligning sentences in
 * bilingual corpora" (https://aclanthology.org/J93-1004/): a dynamic programme over both
 * paragraph sequences whose cost is the improbability of the length ratio of each pair of groups
 * ("bead"), plus the improbability of the move, minus what the two sides visibly share (anchors:
 * numbers, Latin words, named entities). Chinese is measured in characters, English in
 * characters too; the expected ratio was measured on the seed and the corpus (see test/unit/align).
 *
 * Fixed beads (a hand-written override) split the problem into segments aligned on their own.
 */
import { enNumbers, zhLatinWords, zhNumbers } from './anchors.ts';
import { foldWidth, visibleLength } from './text.ts';

export interface Bead {
  /** Indices into the Chinese paragraphs (empty: English with no original). */
  zh: number[];
  /** Indices into the English paragraphs (empty: Chinese with no translation). */
  en: number[];
  /** 0…1: how well lengths and anchors agree; 1 for a hand-fixed bead. */
  confidence: number;
  /** True when the bead comes from a hand-written override. */
  fixed?: boolean;
}

export interface AlignOptions {
  /** Names known on both sides (the named-entity block, the glossary): 中国 ↔ China. */
  names?: { zh: string; en: string }[];
  /** Beads fixed by hand; the rest is aligned between them. Must be in order and disjoint. */
  fixed?: { zh: number[]; en: number[] }[];
  /**
   * The translation stops mid-sentence: its last paragraph is only the start of a translation
   * (its length a lower bound), and the Chinese paragraphs after it have no English by nature.
   */
  truncated?: boolean;
  /**
   * Chinese paragraphs that stand alone: bylines, repeated headline lines and credits in the body
   * (lib/document/headline.ts). Each pairs with English of its own or has none, and never shares a row with
   * another Chinese paragraph (a byline merged into the first paragraph hides that it is untranslated).
   */
  alone?: number[];
  /** The moves allowed, `[Chinese count, English count, prior probability]`; default: paragraph moves. */
  moves?: Move[];
  /**
   * What it costs to leave out the first English paragraphs, `skip[k]` for the first k + 1 (their
   * cost as headline lines, lib/document/headline.ts): the alignment may start after any of them, and
   * `Alignment.skipped` says after how many it does.
   */
  skip?: number[];
}

export interface Alignment {
  beads: Bead[];
  /** The sum of the beads' −log probabilities (lower is likelier), skipped paragraphs' costs included. */
  cost: number;
  /** How many English paragraphs at the start were left out (see `AlignOptions.skip`). */
  skipped: number;
}

/**
 * English characters (non-space) per Chinese character (non-space): median 3.51 over the 338
 * one-to-one pairs of the corpus (p10 2.84, p90 4.22); the seed's pairs run 3.3–4.4.
 */
export const RATIO = 3.5;
/** Spread of the log ratio for long paragraphs, and the extra spread of short ones. */
const SIGMA = 0.16;
const SHORT = 3;

/** A move: how many Chinese and English paragraphs one bead takes, and its prior probability. */
export type Move = [zh: number, en: number, prior: number];

/** Moves between paragraphs with their prior probability. */
const MOVES: Move[] = [
  [1, 1, 0.86],
  [1, 2, 0.045],
  [2, 1, 0.045],
  [1, 3, 0.012],
  [3, 1, 0.012],
  [1, 0, 0.01],
  [0, 1, 0.01],
  [1, 4, 0.002],
  [1, 5, 0.001],
  [1, 6, 0.0008],
  [1, 7, 0.0006],
  [1, 8, 0.0005],
  [4, 1, 0.002],
];

/** Standard normal cumulative distribution (Abramowitz & Stegun 26.2.17). */
function phi(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}

/**
 * Probability that a bead of these lengths is a translation pair, from the length ratio alone.
 * Gale & Church model the difference of lengths with a variance proportional to length; our
 * ratios spread by a constant factor instead, so the log ratio is modelled, with extra spread
 * for short paragraphs (a two-character caption can have a five-word translation).
 */
export function lengthProbability(zhLen: number, enLen: number): number {
  if (zhLen === 0 && enLen === 0) return 1;
  const size = zhLen + enLen / RATIO;
  const delta = Math.log((enLen + 1) / (RATIO * zhLen + 1)) / Math.sqrt(SIGMA * SIGMA + SHORT / Math.max(size, 1));
  // The approximation of Φ overshoots 1 by a hair near 0: keep the result a probability.
  return Math.min(1, Math.max(2 * (1 - phi(Math.abs(delta))), 1e-12));
}

interface Side {
  len: number[];
  nums: Set<number>[];
  words: Set<string>[];
}

function zhSide(texts: string[], names: { zh: string; en: string }[]): Side {
  return {
    len: texts.map(visibleLength),
    nums: texts.map((t) => new Set(zhNumbers(t))),
    words: texts.map((t) => new Set([...zhLatinWords(t), ...names.filter((n) => t.includes(n.zh)).map((n) => n.en.toLowerCase())])),
  };
}

function enSide(texts: string[], names: { zh: string; en: string }[]): Side {
  return {
    len: texts.map(visibleLength),
    nums: texts.map((t) => new Set(enNumbers(t))),
    words: texts.map((t) => {
      const lower = foldWidth(t).toLowerCase();
      const words = new Set(lower.match(/[a-z]{2,}/g) ?? []);
      for (const n of names) if (lower.includes(n.en.toLowerCase())) words.add(n.en.toLowerCase());
      return words;
    }),
  };
}

function union<T>(sets: Set<T>[], idx: number[]): Set<T> {
  const out = new Set<T>();
  for (const k of idx) for (const v of sets[k]!) out.add(v);
  return out;
}

/** Shared anchors lower the cost; anchors on one side that the other side has elsewhere raise it. */
function anchorScore<T>(a: Set<T>, b: Set<T>, allA: Set<T>, allB: Set<T>): number {
  let score = 0;
  for (const v of a)
    if (b.has(v)) score += 1.5;
    else if (allB.has(v)) score -= 0.75;
  for (const v of b) if (!a.has(v) && allA.has(v)) score -= 0.75;
  return score;
}

interface All {
  zn: Set<number>;
  en: Set<number>;
  zw: Set<string>;
  ew: Set<string>;
  /** Index of a truncated last English paragraph, or -1. */
  cut: number;
  /** Standalone Chinese paragraphs (see `AlignOptions.alone`). */
  alone: Set<number>;
  moves: Move[];
}

/** Prior of a Chinese paragraph with no translation after a truncated translation has ended. */
const AFTER_CUT = 0.6;
/**
 * Prior of a standalone line (a byline, a credit) with no translation: translations often leave
 * them out. Below the cost of a 2–1 merge, so that a shift of every later pair by one is never cheaper.
 */
const ALONE_UNTRANSLATED = 0.2;

function beadCost(zh: Side, en: Side, zs: number[], es: number[], prior: number, all: All): { cost: number; confidence: number } {
  if (!zs.length || !es.length) {
    // A paragraph with no counterpart: its cost is the prior, plus the anchors it leaves unpaired.
    const lost = zs.length ? union(zh.nums, zs).size : union(en.nums, es).size;
    return { cost: -Math.log(prior) + 0.3 * lost, confidence: 0 };
  }
  let zl = 0;
  let el = 0;
  for (const k of zs) zl += zh.len[k]!;
  for (const k of es) el += en.len[k]!;
  // A truncated paragraph is shorter than its original: any shortfall is expected.
  const p = es.includes(all.cut) && el <= zl * RATIO ? 1 : lengthProbability(zl, el);
  const score =
    anchorScore(union(zh.nums, zs), union(en.nums, es), all.zn, all.en) + 0.5 * anchorScore(union(zh.words, zs), union(en.words, es), all.zw, all.ew);
  const confidence = Math.max(0, Math.min(1, Math.sqrt(p) * (score < 0 ? Math.exp(score / 2) : 1) + Math.min(score, 3) * 0.1));
  return { cost: -Math.log(p) - Math.log(prior) - score, confidence };
}

/**
 * The dynamic programme over two lists of paragraph indices: the beads and their total cost.
 * `skip[k]` lets it start after the first k + 1 English paragraphs at that cost.
 */
function alignLists(zh: Side, en: Side, zi: number[], ei: number[], all: All, skip: number[] = []): Alignment {
  const n = zi.length;
  const m = ei.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: [number, number][][] = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m + 1));
  cost[0]![0] = 0;
  // A start after skipped paragraphs is marked by the empty move [0, 0].
  skip.forEach((c, k) => {
    if (k < m) [cost[0]![k + 1], back[0]![k + 1]] = [c, [0, 0]];
  });
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      for (const [dz, de, prior] of all.moves) {
        if (dz > i || de > j) continue;
        const prev = cost[i - dz]![j - de]!;
        if (prev === Infinity) continue;
        const zs = zi.slice(i - dz, i);
        if (dz > 1 && zs.some((k) => all.alone.has(k))) continue;
        const trailing = dz === 1 && de === 0 && j === m && m > 0 && ei[m - 1] === all.cut;
        const untranslated = dz === 1 && de === 0 && all.alone.has(zs[0]!);
        const c = prev + beadCost(zh, en, zs, ei.slice(j - de, j), trailing ? AFTER_CUT : untranslated ? Math.max(prior, ALONE_UNTRANSLATED) : prior, all).cost;
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          back[i]![j] = [dz, de];
        }
      }
    }
  }
  const beads: Bead[] = [];
  let skipped = 0;
  for (let i = n, j = m; i > 0 || j > 0;) {
    const [dz, de] = back[i]![j]!;
    if (dz === 0 && de === 0) {
      skipped = j;
      break;
    }
    const zs = zi.slice(i - dz, i);
    const es = ei.slice(j - de, j);
    beads.push({ zh: zs, en: es, confidence: beadCost(zh, en, zs, es, 1, all).confidence });
    i -= dz;
    j -= de;
  }
  return { beads: beads.reverse(), cost: cost[n]![m]!, skipped };
}

/** Puts one-sided fixed beads back among the aligned ones, in reading order. */
function insertOneSided(beads: Bead[], extra: Bead[]): Bead[] {
  const out = [...beads];
  for (const b of extra) {
    const side = b.zh.length ? 'zh' : 'en';
    const k = b[side][0]!;
    let at = out.findIndex((x) => x[side].length > 0 && x[side][0]! > k);
    if (at < 0) at = out.length;
    out.splice(at, 0, b);
  }
  return out;
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, k) => a + k);

/**
 * Aligns Chinese paragraphs with English paragraphs. Every index of both sides appears in
 * exactly one bead, in order.
 */
export function alignParagraphs(zhTexts: string[], enTexts: string[], options: AlignOptions = {}): Bead[] {
  return align(zhTexts, enTexts, options).beads;
}

/** The best alignment with its cost, and how many English paragraphs it left out at the start. */
export function align(zhTexts: string[], enTexts: string[], options: AlignOptions = {}): Alignment {
  const names = (options.names ?? []).filter((n) => n.zh && n.en);
  const zh = zhSide(zhTexts, names);
  const en = enSide(enTexts, names);
  const all: All = {
    zn: union(zh.nums, range(0, zhTexts.length)),
    en: union(en.nums, range(0, enTexts.length)),
    zw: union(zh.words, range(0, zhTexts.length)),
    ew: union(en.words, range(0, enTexts.length)),
    cut: options.truncated ? enTexts.length - 1 : -1,
    alone: new Set(options.alone ?? []),
    moves: options.moves ?? MOVES,
  };
  const fixed = (options.fixed ?? []).map((f) => ({ zh: [...f.zh], en: [...f.en], confidence: 1, fixed: true }));
  const twoSided = fixed.filter((f) => f.zh.length && f.en.length);
  const oneSided = fixed.filter((f) => !f.zh.length || !f.en.length);
  const takenZh = new Set(oneSided.flatMap((f) => f.zh));
  const takenEn = new Set(oneSided.flatMap((f) => f.en));
  const beads: Bead[] = [];
  let cost = 0;
  let skipped = 0;
  let z = 0;
  let e = 0;
  const segment = (z1: number, e1: number) => {
    const first = z === 0 && e === 0;
    const part = alignLists(
      zh,
      en,
      range(z, z1).filter((k) => !takenZh.has(k)),
      range(e, e1).filter((k) => !takenEn.has(k)),
      all,
      first ? options.skip : [],
    );
    cost += part.cost;
    if (first) skipped = part.skipped;
    return part.beads;
  };
  for (const f of twoSided) {
    beads.push(...segment(f.zh[0]!, f.en[0]!), f);
    z = f.zh[f.zh.length - 1]! + 1;
    e = f.en[f.en.length - 1]! + 1;
  }
  beads.push(...segment(zhTexts.length, enTexts.length));
  return { beads: insertOneSided(beads, oneSided), cost, skipped };
}
