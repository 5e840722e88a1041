/**
 * From a parsed query to what to look up: per group, the token lists it needs (their buckets are
 * loaded here) and how to combine them into candidate records with a score.
 *
 * Every decision that shapes a plan (is the last English word a prefix, is a Latin group English,
 * pinyin or both) depends only on which tokens exist, never on which postings have arrived, so
 * that the plan stays the same while "More results" loads further chunks and the results over
 * the covered documents stay exact.
 */
import { chineseQueryTokens, englishWords, PAIR, pinyinQueryTokens, prefixToken, type Field } from './encode.ts';
import { foldText } from './fold.ts';
import type { List, Lists } from './lists.ts';
import type { EnglishPlan, PinyinPlan, Plan } from './match.ts';
import { splitPinyin } from './syllables.ts';
import type { Group } from './query.ts';

type Ids = Set<number>;

/** Candidates of one lookup, recomputed from the postings that have arrived. */
interface Term {
  lists: List[];
  ids(): Ids;
}

/** One group of the query: its plan (for lib/search/match.ts), its lists, its scored candidates. */
export interface Part {
  plan: Plan;
  lists: List[];
  /** A token of it does not exist: it matches nothing, however much is loaded. */
  none?: boolean;
  scores(): Map<number, number>;
}

/** Prefix expansions looked up at most; more would not be read anyway. */
const MAX_EXPANSIONS = 400;
const WEIGHT = { zh: 3, en: 3, py: 2, terms: 1 };

export function intersect(a: Ids, b: Ids): Ids {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return new Set([...small].filter((x) => large.has(x)));
}

/**
 * Records holding every token; with `prefix`, the last is the start of a pinyin pair (`yang'b`)
 * and stands for every token of its bucket it begins. Null when a token does not exist.
 */
async function lookup(lists: Lists, field: Field, tokens: string[], prefix = false): Promise<Term | null> {
  const last = tokens[tokens.length - 1] ?? '';
  // A pinyin prefix must follow a complete syllable (`tuyangb`): a lone `sh` could be any of 20 syllables in as many buckets.
  if (!tokens.length || (prefix && (field !== 'py' || !last.includes(PAIR)))) return null;
  const exact = prefix ? tokens.slice(0, -1) : tokens;
  // The first token's bucket alone often shows the query cannot match (English read as pinyin:
  // `aluminum` → a'lu…): then the other buckets are never downloaded.
  if (exact.length && !(await lists.get(field, exact[0]!))) return null;
  const [found, expansions] = await Promise.all([
    Promise.all(exact.map((t) => lists.get(field, t))),
    prefix ? lists.startingWith(field, last, MAX_EXPANSIONS) : [],
  ]);
  if (found.some((l) => !l)) return null;
  if (prefix && !expansions.length) return null;
  return {
    lists: [...(found as List[]), ...expansions],
    ids() {
      const ids: Ids | null = exact.length ? new Set(lists.search(field, exact)) : null;
      if (!prefix) return ids ?? new Set();
      const union: Ids = new Set();
      for (const l of expansions) for (const id of lists.search(field, [l.token])) union.add(id);
      return ids ? intersect(ids, union) : union;
    },
  };
}

async function english(lists: Lists, terms: string[], last: boolean, quoted: boolean): Promise<{ plan: EnglishPlan | null; term: Term | null }> {
  const folded = foldText(terms.join(' '));
  const words = englishWords(folded);
  if (!words.length) return { plan: null, term: null };
  const stems = words.map((w) => w.stem);
  const w = words[words.length - 1]!;
  const typed = folded.slice(w.start, w.end);
  // A last word that is no stem of the archive is still being typed: look it up as a prefix.
  const prefix = last ? prefixToken(typed) : null;
  if (prefix && !(await lists.get('en', stems[stems.length - 1]!))) {
    const plan = { stems: [...stems.slice(0, -1), typed], prefix: true, phrase: quoted };
    return { plan, term: await lookup(lists, 'en', [...stems.slice(0, -1), prefix]) };
  }
  return { plan: { stems, prefix: false, phrase: quoted }, term: await lookup(lists, 'en', stems) };
}

async function pinyin(lists: Lists, terms: string[], last: boolean): Promise<{ plan: PinyinPlan | null; term: Term | null }> {
  const split = splitPinyin(terms.join(' '), last);
  if (!split) return { plan: null, term: null };
  let plan: PinyinPlan = { syllables: split.syllables, partial: split.partial };
  let term = await lookup(lists, 'py', pinyinQueryTokens(plan.syllables), plan.partial);
  // `tuyangbin` is complete pinyin but probably the start of `tuyangbing`.
  if (!term && last && !plan.partial) {
    plan = { ...plan, partial: true };
    term = await lookup(lists, 'py', pinyinQueryTokens(plan.syllables), true);
  }
  // No record has these syllables: without a plan, no pinyin needs loading to confirm or mark rows.
  return { plan: term ? plan : null, term };
}

/** Scores of the union of weighted terms: a record gets the best weight of the terms it is in. */
function scored(...weighted: [Term | null, number][]): Map<number, number> {
  const scores = new Map<number, number>();
  for (const [term, w] of weighted) term?.ids().forEach((id) => scores.set(id, Math.max(scores.get(id) ?? 0, w)));
  return scores;
}

/** A part made of terms that must all match (null: one cannot, so the part matches nothing). */
function allOf(plan: Plan, terms: (Term | null)[], weight: number): Part {
  const ok = terms.every(Boolean) ? (terms as Term[]) : [];
  return {
    plan,
    lists: ok.flatMap((t) => t.lists),
    none: !ok.length,
    scores() {
      if (!ok.length) return new Map();
      const ids = ok.map((t) => t.ids()).reduce(intersect);
      return new Map([...ids].map((id) => [id, weight]));
    },
  };
}

export async function planGroup(lists: Lists, g: Group): Promise<Part> {
  if (g.kind === 'zh') {
    const terms: (Term | null)[] = [];
    for (const run of g.runs) if (terms.every(Boolean)) terms.push(await lookup(lists, 'zh', chineseQueryTokens(run)));
    return allOf({ kind: 'zh', runs: g.runs, ...(g.phrase ? { phrase: g.phrase } : {}) }, terms, WEIGHT.zh);
  }
  if (g.kind === 'num') {
    const zh = await lookup(lists, 'zh', chineseQueryTokens(g.text));
    const en = await lookup(lists, 'en', [g.text]);
    return {
      plan: { kind: 'num', text: g.text },
      lists: [zh, en].flatMap((t) => t?.lists ?? []),
      none: !zh && !en,
      scores: () => scored([zh, WEIGHT.zh], [en, WEIGHT.en]),
    };
  }
  const en = await english(lists, g.terms, g.last, g.quoted);
  const py = await pinyin(lists, g.terms, g.last);
  if (en.term || py.term || g.terms.length < 2 || g.quoted) {
    const plan: Plan = { kind: 'latin', en: en.plan, py: py.plan };
    return {
      plan,
      lists: [en.term, py.term].flatMap((t) => t?.lists ?? []),
      none: !en.term && !py.term,
      scores: () => scored([py.term, WEIGHT.py], [en.term, WEIGHT.en]),
    };
  }
  // `tuyang copper`: neither all English nor all pinyin; each term may be either.
  const plans: { en: EnglishPlan | null; py: PinyinPlan | null }[] = [];
  const either: (Term | null)[] = [];
  for (const [k, word] of g.terms.entries()) {
    const isLast = g.last && k === g.terms.length - 1;
    const te = await english(lists, [word], isLast, false);
    const tp = await pinyin(lists, [word], isLast);
    plans.push({ en: te.plan, py: tp.plan });
    const found = [te.term, tp.term].filter((t): t is Term => !!t);
    either.push(found.length ? { lists: found.flatMap((t) => t.lists), ids: () => new Set(found.flatMap((t) => [...t.ids()])) } : null);
  }
  return allOf({ kind: 'latin', en: null, py: null, terms: plans }, either, WEIGHT.terms);
}

/** Whether confirming or marking rows needs their pinyin (a file of its own per text part). */
export function needsPinyin(plans: Plan[]): boolean {
  return plans.some((p) => p.kind === 'latin' && (p.py || p.terms?.some((t) => t.py)));
}
