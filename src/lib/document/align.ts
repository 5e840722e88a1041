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

/**
 * Shared anchors lower the cost; anchors on one side that the other side has elsewhere raise it:
 * +1.5 for each anchor both have, −0.75 for each one the other side has in another paragraph. Both
 * sets hold only anchors the other side has somewhere (`Shared`), so that sum is
 * 3·|a ∩ b| − 0.75·(|a| + |b|), counted without walking the anchors nothing can match.
 */
function anchorScore<T>(a: Set<T>, b: Set<T>): number {
  let both = 0;
  if (a.size && b.size) {
    const small = a.size <= b.size ? a : b;
    const big = small === a ? b : a;
    for (const v of small) if (big.has(v)) both++;
  }
  return 3 * both - 0.75 * (a.size + b.size);
}

/** Per paragraph, the anchors the other side has somewhere in the document. */
interface Shared {
  nums: Set<number>[];
  words: Set<string>[];
}

function shared(side: Side, nums: Set<number>, words: Set<string>): Shared {
  return {
    nums: side.nums.map((s) => new Set([...s].filter((v) => nums.has(v)))),
    words: side.words.map((s) => new Set([...s].filter((v) => words.has(v)))),
  };
}

interface All {
  zh: Side;
  en: Side;
  /** Anchors of each Chinese paragraph found in the English, and the reverse. */
  zs: Shared;
  es: Shared;
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

/** Two lists of paragraph indices being aligned, with what each bead of them needs precomputed. */
interface Lists {
  zi: number[];
  ei: number[];
  /** `zl[k]`: visible length of the first k paragraphs of `zi`; `el` likewise. */
  zl: Float64Array;
  el: Float64Array;
  /**
   * `z[d]`: for each position p, the anchors of the d list entries before it: the numbers and
   * words the other side shares (`Shared`), and all their numbers (`all`, which a paragraph left
   * unpaired costs). Each run is the union of a shorter one and one paragraph's set, built once per
   * position, so that no cell of the programme builds a set.
   */
  z: Runs[];
  e: Runs[];
}

interface Runs {
  nums: Set<number>[];
  words: Set<string>[];
  all: Set<number>[];
}

const EMPTY = new Set<never>();

/** Unions of the sets of each run of up to `longest` consecutive entries of `idx` (see `Lists`). */
function runs<T>(sets: Set<T>[], idx: number[], longest: number): Set<T>[][] {
  const out: Set<T>[][] = [[]];
  for (let d = 1; d <= longest; d++) {
    const row: Set<T>[] = new Array<Set<T>>(idx.length + 1).fill(EMPTY);
    for (let p = d; p <= idx.length; p++) {
      const last = sets[idx[p - 1]!]!;
      const before = d === 1 ? EMPTY : out[d - 1]![p - 1]!;
      row[p] = !before.size ? last : !last.size ? before : new Set([...before, ...last]);
    }
    out.push(row);
  }
  return out;
}

function sideRuns(side: Side, sharedSets: Shared, idx: number[], longest: number): Runs[] {
  const nums = runs(sharedSets.nums, idx, longest);
  const words = runs(sharedSets.words, idx, longest);
  const all = runs(side.nums, idx, longest);
  return nums.map((_, d) => ({ nums: nums[d]!, words: words[d]!, all: all[d]! }));
}

function lists(all: All, zi: number[], ei: number[]): Lists {
  const zl = new Float64Array(zi.length + 1);
  const el = new Float64Array(ei.length + 1);
  zi.forEach((k, p) => (zl[p + 1] = zl[p]! + all.zh.len[k]!));
  ei.forEach((k, p) => (el[p + 1] = el[p]! + all.en.len[k]!));
  const z = sideRuns(all.zh, all.zs, zi, Math.max(...all.moves.map((mv) => mv[0])));
  const e = sideRuns(all.en, all.es, ei, Math.max(...all.moves.map((mv) => mv[1])));
  return { zi, ei, zl, el, z, e };
}

/** What the anchors of a bead (the `dz` Chinese list entries before position i, the `de` English before j) share. */
function beadAnchors(l: Lists, i: number, dz: number, j: number, de: number): number {
  const z = l.z[dz]!;
  const e = l.e[de]!;
  return anchorScore(z.nums[i]!, e.nums[j]!) + 0.5 * anchorScore(z.words[i]!, e.words[j]!);
}

/** How likely the lengths of a bead are for a translation pair. */
function beadLength(all: All, l: Lists, i: number, dz: number, j: number, de: number): number {
  const zl = l.zl[i]! - l.zl[i - dz]!;
  const el = l.el[j]! - l.el[j - de]!;
  let cut = false;
  for (let k = j - de; k < j; k++) if (l.ei[k] === all.cut) cut = true;
  // A truncated paragraph is shorter than its original: any shortfall is expected.
  return cut && el <= zl * RATIO ? 1 : lengthProbability(zl, el);
}

/**
 * What a bead costs after `prev` (−log probability, lower is likelier), with the prior of its
 * move; Infinity when it cannot beat `best` even with the likeliest lengths, so that the lengths
 * are only weighed for beads that may win.
 */
function beadCost(all: All, l: Lists, i: number, dz: number, j: number, de: number, prior: number, prev: number, best: number): number {
  if (!dz || !de) {
    // A paragraph with no counterpart: its cost is the prior, plus the anchors it leaves unpaired.
    const lost = dz ? l.z[dz]!.all[i]!.size : l.e[de]!.all[j]!.size;
    return prev + (-Math.log(prior) + 0.3 * lost);
  }
  const score = beadAnchors(l, i, dz, j, de);
  // −log p ≥ 0, and floating-point sums grow with their terms: this bound is exact.
  if (prev + (0 - Math.log(prior) - score) >= best) return Infinity;
  return prev + (-Math.log(beadLength(all, l, i, dz, j, de)) - Math.log(prior) - score);
}

/** 0…1: how well the lengths and anchors of a bead agree (0 for a one-sided bead). */
function beadConfidence(all: All, l: Lists, i: number, dz: number, j: number, de: number): number {
  if (!dz || !de) return 0;
  const p = beadLength(all, l, i, dz, j, de);
  const score = beadAnchors(l, i, dz, j, de);
  return Math.max(0, Math.min(1, Math.sqrt(p) * (score < 0 ? Math.exp(score / 2) : 1) + Math.min(score, 3) * 0.1));
}

/**
 * Up to this many cells (Chinese × English paragraphs of a segment, or sentences of a row) the
 * programme fills the whole table; no document of the corpus comes near it. Above it, it keeps to
 * a band around the diagonal as wide as the two sides' difference in length plus `MARGIN` each way
 * (an alignment drifts from the diagonal by about that much: a translation cut off halfway drifts
 * by all its missing paragraphs), and at most about `BAND` cells. A document of thousands of
 * paragraphs, or a paragraph of thousands of sentences, then takes time and memory in proportion
 * to its length, not to its square (README, "Content format").
 */
const FULL = 1_000_000;
const MARGIN = 64;
const BAND = 1_000_000;

/** The columns each row of the table keeps: all of them, or a band around the diagonal. */
function band(n: number, m: number): { lo: Int32Array; hi: Int32Array; start: Int32Array } {
  const wide = (n + 1) * (m + 1) <= FULL;
  // A band at least as wide as the diagonal's step from one row to the next keeps every row joined.
  const half = wide ? m : Math.max(MARGIN, Math.ceil(m / n) + 2, Math.min(Math.abs(n - m) + MARGIN, Math.floor(BAND / (2 * (n + 1)))));
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const start = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const centre = n ? Math.round((i * m) / n) : 0;
    lo[i] = Math.max(0, centre - half);
    hi[i] = Math.min(m, centre + half);
    start[i + 1] = start[i]! + hi[i]! - lo[i]! + 1;
  }
  return { lo, hi, start };
}

/** Marks a cell reached by starting after skipped English paragraphs. */
const SKIPPED = -2;

/**
 * The dynamic programme over two lists of paragraph indices: the beads and their total cost.
 * `skip[k]` lets it start after the first k + 1 English paragraphs at that cost.
 */
function alignLists(all: All, zi: number[], ei: number[], skip: number[] = []): Alignment {
  const n = zi.length;
  const m = ei.length;
  const l = lists(all, zi, ei);
  const { lo, hi, start } = band(n, m);
  const cell = (i: number, j: number) => (j < lo[i]! || j > hi[i]! ? -1 : start[i]! + j - lo[i]!);
  const cost = new Float64Array(start[n + 1]!).fill(Infinity);
  /** The move that reached each cell: an index into `all.moves`, or SKIPPED. */
  const back = new Int8Array(start[n + 1]!).fill(-1);
  cost[0] = 0;
  // A start after skipped paragraphs is marked by SKIPPED.
  skip.forEach((c, k) => {
    const at = k < m ? cell(0, k + 1) : -1;
    if (at >= 0) [cost[at], back[at]] = [c, SKIPPED];
  });
  const moves = all.moves;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const here = start[i]! + j - lo[i]!;
      for (let t = 0; t < moves.length; t++) {
        const [dz, de, prior] = moves[t]!;
        if (dz > i || de > j) continue;
        const from = cell(i - dz, j - de);
        if (from < 0) continue;
        const prev = cost[from]!;
        if (prev === Infinity) continue;
        if (dz > 1 && zi.slice(i - dz, i).some((k) => all.alone.has(k))) continue;
        const trailing = dz === 1 && de === 0 && j === m && m > 0 && ei[m - 1] === all.cut;
        const untranslated = dz === 1 && de === 0 && all.alone.has(zi[i - 1]!);
        const c = beadCost(all, l, i, dz, j, de, trailing ? AFTER_CUT : untranslated ? Math.max(prior, ALONE_UNTRANSLATED) : prior, prev, cost[here]!);
        if (c < cost[here]!) {
          cost[here] = c;
          back[here] = t;
        }
      }
    }
  }
  const beads: Bead[] = [];
  let skipped = 0;
  for (let i = n, j = m; i > 0 || j > 0;) {
    const t = back[cell(i, j)]!;
    if (t === SKIPPED) {
      skipped = j;
      break;
    }
    const [dz, de] = moves[t]!;
    beads.push({ zh: zi.slice(i - dz, i), en: ei.slice(j - de, j), confidence: beadConfidence(all, l, i, dz, j, de) });
    i -= dz;
    j -= de;
  }
  return { beads: beads.reverse(), cost: cost[cell(n, m)]!, skipped };
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
  const zn = union(zh.nums, range(0, zhTexts.length));
  const enNums = union(en.nums, range(0, enTexts.length));
  const zw = union(zh.words, range(0, zhTexts.length));
  const ew = union(en.words, range(0, enTexts.length));
  const all: All = {
    zh,
    en,
    zs: shared(zh, enNums, ew),
    es: shared(en, zn, zw),
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
      all,
      range(z, z1).filter((k) => !takenZh.has(k)),
      range(e, e1).filter((k) => !takenEn.has(k)),
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
