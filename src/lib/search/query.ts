/**
 * Reads what was typed into groups that must all match (AND):
 *
 *   铝 aluminum            → zh(铝) · latin[aluminum]
 *   "copper and aluminum"  → latin[copper and aluminum], quoted: the words in this order
 *   tu yang bing ju        → latin[tu yang bing ju]: English words, or one pinyin phrase
 *   由土到洋1958年          → zh(由土到洋1958年); punctuation splits a Chinese run
 *
 * A Latin group matches as English (all its words) or as pinyin (all its syllables, adjacent);
 * the engine decides which (lib/search/engine.ts). Nothing here can fail: empty, huge,
 * punctuation-only or hostile input gives few or no groups, never an error.
 */
import { wordRuns } from './encode.ts';
import { foldText } from './fold.ts';
import { HAN } from '../han.ts';

/** Longer queries are cut: nobody types more, and each character may cost a lookup. */
export const MAX_QUERY = 100;
export const MAX_GROUPS = 8;

export type Group =
  | { kind: 'zh'; /** Folded runs, each looked up by its pairs. */ runs: string[]; /** Quoted: the folded phrase, punctuation included. */ phrase?: string }
  | {
      kind: 'latin';
      /** The terms as typed (spaces split them). */ terms: string[];
      quoted: boolean;
      /** Last in the query and not quoted: may be unfinished. */ last: boolean;
    }
  | { kind: 'num'; /** Digits only: looked up in Chinese and English. */ text: string };

export interface ParsedQuery {
  /** The query as used (trimmed, cut to MAX_QUERY). */
  text: string;
  groups: Group[];
}

const QUOTES = /["“”„「」『』]/;
const LATIN = /[\p{L}\p{N}'’-]/u;

/** Pieces of an unquoted stretch: Han (with digits next to it) versus Latin letters and digits. */
function pieces(text: string): { kind: 'zh' | 'latin' | 'num'; text: string }[] {
  const out: { kind: 'zh' | 'latin' | 'num'; text: string }[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const chars = Array.from(word);
    let k = 0;
    while (k < chars.length) {
      const ch = chars[k]!;
      if (HAN.test(ch) || (/\p{N}/u.test(ch) && hanNear(chars, k))) {
        let s = '';
        while (k < chars.length && !isLatinLetter(chars[k]!)) s += chars[k++];
        out.push({ kind: 'zh', text: s });
      } else if (LATIN.test(ch)) {
        let s = '';
        while (k < chars.length && LATIN.test(chars[k]!) && !HAN.test(chars[k]!) && !(/\p{N}/u.test(chars[k]!) && hanNear(chars, k))) s += chars[k++];
        // A piece needs a letter or a digit (`---` is not a word); digits alone are a number only
        // when they stand alone (`1958`, not the `1` of `alert(1)`).
        if (/[\p{L}\p{N}]/u.test(s)) out.push({ kind: /^\p{N}+$/u.test(s) && s === word ? 'num' : 'latin', text: s });
      } else k++;
    }
  }
  return out;
}

function isLatinLetter(ch: string): boolean {
  return /\p{L}/u.test(ch) && !HAN.test(ch);
}

/** A digit belongs to a Chinese run when a Han character follows or precedes its digits. */
function hanNear(chars: string[], k: number): boolean {
  let a = k;
  while (a > 0 && /\p{N}/u.test(chars[a - 1]!)) a--;
  let b = k;
  while (b < chars.length - 1 && /\p{N}/u.test(chars[b + 1]!)) b++;
  return (a > 0 && HAN.test(chars[a - 1]!)) || (b < chars.length - 1 && HAN.test(chars[b + 1]!));
}

export function parseQuery(input: string): ParsedQuery {
  const text = Array.from(String(input ?? '').trim())
    .slice(0, MAX_QUERY)
    .join('');
  const groups: Group[] = [];
  const parts = text.split(QUOTES);
  parts.forEach((part, k) => {
    const quoted = k % 2 === 1 && k < parts.length - 1;
    if (quoted) {
      const folded = foldText(part).trim();
      if (HAN.test(folded)) {
        const runs = wordRuns(folded);
        if (runs.length) groups.push({ kind: 'zh', runs, phrase: folded });
      } else if (/[\p{L}\p{N}]/u.test(folded)) {
        groups.push({ kind: 'latin', terms: folded.split(/\s+/).filter(Boolean), quoted: true, last: false });
      }
      return;
    }
    let latin: string[] = [];
    const closeLatin = () => {
      if (latin.length) groups.push({ kind: 'latin', terms: latin, quoted: false, last: false });
      latin = [];
    };
    for (const p of pieces(part)) {
      if (p.kind === 'latin') {
        latin.push(p.text);
        continue;
      }
      closeLatin();
      if (p.kind === 'num') groups.push({ kind: 'num', text: foldText(p.text) });
      else {
        const runs = wordRuns(foldText(p.text));
        if (runs.length) groups.push({ kind: 'zh', runs });
      }
    }
    closeLatin();
  });
  // Only a query that does not end in a space or a closing quote is still being typed.
  const lastGroup = groups[groups.length - 1];
  if (lastGroup?.kind === 'latin' && !lastGroup.quoted && !/[\s"”」』]$/.test(String(input ?? ''))) lastGroup.last = true;
  return { text, groups: groups.slice(0, MAX_GROUPS) };
}

/** True when the query has nothing to look up. */
export function isEmpty(q: ParsedQuery): boolean {
  return q.groups.length === 0;
}
