/**
 * Finds the headline at the top of both bodies. Archive bodies often repeat the `###` headline
 * (one deck per line), a kicker (左海诗) and the byline before the first real paragraph; the
 * English often repeats the title and byline likewise. Those lines belong to the headline, not to
 * a numbered row, so that row numbers count the original's body paragraphs only.
 */
import type { Paragraph, ParsedDocument } from './parse.ts';
import { compareKey } from './text.ts';

export interface SplitHeadline {
  /** Chinese body lines that form the headline (empty: the `###` line is the headline). */
  zhHead: Paragraph[];
  zhBody: Paragraph[];
  /** English body lines that repeat the title, its decks or the byline. */
  enHead: Paragraph[];
  enBody: Paragraph[];
}

/** How far down a body the headline may reach, and how long a headline line may be. */
const LOOK = 6;
const SHORT_ZH = 40;
const SHORT_EN = 25; // words

function deckKeys(parts: string[]): Set<string> {
  const keys = new Set<string>();
  for (let a = 0; a < parts.length; a++) {
    let acc = '';
    for (let b = a; b < parts.length; b++) {
      acc += compareKey(parts[b]!);
      keys.add(acc);
    }
  }
  return keys;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'its', 'our', 'their', 'his', 'her', 'after', 'of', 'to', 'in', 'on', 'at', 'as', 'by', 'a', 'an']);

function words(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP.has(w));
}

/** Words match when one is a prefix of the other, from five letters on (suggest ~ suggesting). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  return n >= 5 && a.slice(0, n) === b.slice(0, n);
}

/**
 * Share of a line's content words found in the title. Headline decks in the body often reword
 * the title ("Agree to Hold Korean Armistice Talks" under "… Notify Ridgway of Agreement to Hold
 * Korean Armistice Talks"), so exact comparison is not enough.
 */
export function titleOverlap(line: string, title: string): number {
  const lw = words(line);
  const tw = words(title);
  if (!lw.length) return 0;
  return lw.filter((w) => tw.some((t) => sameWord(w, t))).length / lw.length;
}

/** A deck counts as the title's when most of its content words are the title's. */
const OVERLAP = 0.6;

export function splitHeadline(doc: ParsedDocument): SplitHeadline {
  const zh = doc.zh.paragraphs;
  const zhKeys = deckKeys(doc.zh.headline);
  for (const b of doc.zh.bylines) zhKeys.add(compareKey(b.text));
  let last = -1;
  for (let k = 0; k < Math.min(LOOK, zh.length - 1); k++) {
    const t = zh[k]!.text;
    if (t.length > SHORT_ZH) break;
    if (zhKeys.has(compareKey(t))) last = k;
  }
  const zhHead = zh.slice(0, last + 1);

  const en = doc.en.paragraphs;
  const title = compareKey(doc.en.title);
  const author = compareKey(doc.en.author);
  const enHead: Paragraph[] = [];
  for (let k = 0; k < Math.min(LOOK, en.length - 1); k++) {
    const t = en[k]!.text;
    const key = compareKey(t);
    if (!key || t.split(/\s+/).length > SHORT_EN) break;
    // The whole title or the byline: always part of the headline.
    const exact = key === title || (author !== '' && key === author);
    // A deck of the title ("Eisenhower" / "Passes Through Nanjing…"), a reworded deck, or a line
    // naming the author ("Zuo Hai's Poem"): only as many as the Chinese headline has lines, so a
    // caption that happens to be a part of the title ("A long tank column") stays a paragraph.
    // A line ending like a sentence is the first paragraph, however much it shares with the title.
    const partial =
      !/[.!?。！？]["”’)]?$/.test(t) &&
      ((title.includes(key) && key.length >= 4) ||
      (author !== '' && key.includes(author)) ||
        titleOverlap(t, doc.en.title) >= OVERLAP);
    if (exact || (partial && enHead.length < zhHead.length)) enHead.push(en[k]!);
    else break;
  }
  return { zhHead, zhBody: zh.slice(zhHead.length), enHead, enBody: en.slice(enHead.length) };
}
