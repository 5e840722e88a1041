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
    // A deck of the title ("Eisenhower" / "Passes Through Nanjing…") or a line naming the author
    // ("Zuo Hai's Poem"): only as many as the Chinese headline has lines, so a caption that
    // happens to be a part of the title ("A long tank column") stays a paragraph.
    const partial = (title.includes(key) && key.length >= 4) || (author !== '' && key.includes(author));
    if (exact || (partial && enHead.length < zhHead.length)) enHead.push(en[k]!);
    else break;
  }
  return { zhHead, zhBody: zh.slice(zhHead.length), enHead, enBody: en.slice(enHead.length) };
}
