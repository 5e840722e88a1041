/**
 * Checks a record against a planned query and finds what to highlight, in the original text.
 * The index only proposes candidates (all pairs present); this is what decides: a record is shown
 * when every group is found here, so 土洋…洋并…并举 scattered over a row is not 土洋并举, and a
 * quoted English phrase has its words in order. Ours because FlexSearch's highlighter splits on
 * white space and marks the wrong Chinese characters.
 */
import { alignSyllables, englishWords } from './encode.ts';
import { fold } from './fold.ts';

/** Offsets of a match in a text: start included, end excluded. */
export type TextRange = [start: number, end: number];

export interface EnglishPlan {
  /** Stems, in query order. */
  stems: string[];
  /** The last stem is the start of a word still being typed. */
  prefix: boolean;
  /** Quoted: the words stand next to each other in this order. */
  phrase: boolean;
}

export interface PinyinPlan {
  syllables: string[];
  /** The last syllable is a prefix (`tuyangb`). */
  partial: boolean;
}

export type Plan =
  | { kind: 'zh'; runs: string[]; phrase?: string }
  | { kind: 'num'; text: string }
  | {
      kind: 'latin';
      en: EnglishPlan | null;
      py: PinyinPlan | null;
      /** Each term on its own (English or pinyin), used when the whole group matched nothing. */ terms?: { en: EnglishPlan | null; py: PinyinPlan | null }[];
    };

export interface MatchRecord {
  zh: string[];
  en: string[];
  py: string[];
}

export interface RecordMatch {
  ok: boolean;
  /** Per paragraph, sorted and merged. */
  zh: TextRange[][];
  en: TextRange[][];
}

interface Found {
  zh: TextRange[][];
  en: TextRange[][];
}

function empty(rec: MatchRecord): Found {
  return { zh: rec.zh.map(() => []), en: rec.en.map(() => []) };
}

function any(f: Found): boolean {
  return f.zh.some((r) => r.length) || f.en.some((r) => r.length);
}

function add(into: Found, from: Found): void {
  from.zh.forEach((r, k) => into.zh[k]!.push(...r));
  from.en.forEach((r, k) => into.en[k]!.push(...r));
}

/** Every occurrence of folded `needle` in `text`, as ranges of the original text. */
export function findFolded(text: string, needle: string): TextRange[] {
  if (!needle) return [];
  const f = fold(text);
  const out: TextRange[] = [];
  for (let at = f.text.indexOf(needle); at >= 0; at = f.text.indexOf(needle, at + 1)) {
    out.push([f.from[at]!, f.to[at + needle.length - 1]!]);
  }
  return out;
}

function stemMatches(word: { stem: string; folded: string }, stem: string, prefix: boolean): boolean {
  return prefix ? word.stem.startsWith(stem) || word.folded.startsWith(stem) : word.stem === stem;
}

export function matchEnglish(rec: MatchRecord, plan: EnglishPlan): Found {
  const out = empty(rec);
  const seen = new Set<number>();
  rec.en.forEach((text, p) => {
    const f = fold(text);
    const words = englishWords(f.text).map((w) => ({ ...w, folded: f.text.slice(w.start, w.end), range: [f.from[w.start]!, f.to[w.end - 1]!] as TextRange }));
    const last = plan.stems.length - 1;
    if (plan.phrase) {
      for (let i = 0; i + last < words.length; i++) {
        if (plan.stems.every((s, k) => stemMatches(words[i + k]!, s, plan.prefix && k === last))) {
          out.en[p]!.push([words[i]!.range[0], words[i + last]!.range[1]]);
          plan.stems.forEach((_, k) => seen.add(k));
        }
      }
      return;
    }
    for (const w of words) {
      const k = plan.stems.findIndex((s, j) => stemMatches(w, s, plan.prefix && j === last));
      if (k >= 0) {
        out.en[p]!.push(w.range);
        seen.add(k);
      }
    }
  });
  return seen.size === plan.stems.length ? out : empty(rec);
}

export function matchPinyin(rec: MatchRecord, plan: PinyinPlan): Found {
  const out = empty(rec);
  const n = plan.syllables.length;
  rec.zh.forEach((text, p) => {
    const chars = Array.from(text);
    const per = alignSyllables(text, rec.py[p] ?? '');
    const offsets: number[] = [];
    let o = 0;
    for (const ch of chars) {
      offsets.push(o);
      o += ch.length;
    }
    for (let i = 0; i + n <= chars.length; i++) {
      const hit = plan.syllables.every((s, k) => {
        const have = per[i + k];
        return have != null && (plan.partial && k === n - 1 ? have.startsWith(s) : have === s);
      });
      if (hit) out.zh[p]!.push([offsets[i]!, offsets[i + n - 1]! + chars[i + n - 1]!.length]);
    }
  });
  return out;
}

function matchLatin(rec: MatchRecord, en: EnglishPlan | null, py: PinyinPlan | null): Found {
  const out = empty(rec);
  if (en) add(out, matchEnglish(rec, en));
  if (py) add(out, matchPinyin(rec, py));
  return out;
}

function matchPlan(rec: MatchRecord, plan: Plan): Found | null {
  const out = empty(rec);
  if (plan.kind === 'zh') {
    const needles = plan.phrase ? [plan.phrase] : plan.runs;
    for (const needle of needles) {
      const found = rec.zh.map((t) => findFolded(t, needle));
      if (!found.some((r) => r.length)) return null;
      found.forEach((r, k) => out.zh[k]!.push(...r));
    }
    return out;
  }
  if (plan.kind === 'num') {
    rec.zh.forEach((t, k) => out.zh[k]!.push(...findFolded(t, plan.text)));
    add(out, matchEnglish(rec, { stems: [plan.text], prefix: false, phrase: false }));
    return any(out) ? out : null;
  }
  if (plan.terms) {
    for (const term of plan.terms) {
      const found = matchLatin(rec, term.en, term.py);
      if (!any(found)) return null;
      add(out, found);
    }
    return out;
  }
  const found = matchLatin(rec, plan.en, plan.py);
  return any(found) ? found : null;
}

/** Sorts ranges and merges those that overlap or touch. */
export function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Whether every group of the query is found in the record, and where. */
export function matchRecord(rec: MatchRecord, plans: Plan[]): RecordMatch {
  const all = empty(rec);
  let ok = plans.length > 0;
  for (const plan of plans) {
    const found = matchPlan(rec, plan);
    if (!found) ok = false;
    else add(all, found);
  }
  return { ok, zh: all.zh.map(mergeRanges), en: all.en.map(mergeRanges) };
}
