/**
 * Finds the headline at the top of both bodies. Archive bodies often repeat the `###` headline
 * (one deck per line), a kicker (左海诗) and the byline before the first real paragraph; the
 * English often repeats the title and byline likewise. Those lines belong to the headline, not to
 * a numbered row, so that row numbers count the original's body paragraphs only.
 *
 * The Chinese headline is found by its text alone, so row numbers never depend on a translation.
 * Which English lines go with it is a choice between readings (the title line as headline, or as
 * the English of the first paragraph), made by the aligner: the reading whose rows pair best wins.
 * Short Chinese lines that are neither headline nor paragraph (a byline under it, a credit) are
 * marked to stand alone, so the aligner never merges them into the paragraph beside them.
 */
import { align, type AlignOptions, type Bead } from './align.ts';
import { enNumbers, zhNumbers } from './anchors.ts';
import type { Paragraph, ParsedDocument } from './parse.ts';
import { compareKey, endsSentence, isCredit } from './text.ts';

export interface SplitHeadline {
  /** Chinese body lines that form the headline (empty: the `###` line is the headline). */
  zhHead: Paragraph[];
  zhBody: Paragraph[];
  /** English body lines that repeat the title, its decks or the byline, or carry a kicker. */
  enHead: Paragraph[];
  enBody: Paragraph[];
  /** Indices into `zhBody` of lines that stand alone (see `AlignOptions.alone`). */
  alone: number[];
  /** The alignment of the bodies that chose the English headline (indices into `zhBody`, `enBody`). */
  beads: Bead[];
}

/** How far down a body the headline may reach, and how long a headline line may be. */
const LOOK = 6;
const SHORT_ZH = 40;
const SHORT_EN = 25; // words

/** The archive's marker for a picture page, appended to the `###` line only: 我们伟大的祖国（图片）. */
const PICTURE = /[（(]图片[）)]$/;

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

const STOP = new Set([
  'the',
  'and',
  'for',
  'with',
  'from',
  'into',
  'its',
  'our',
  'their',
  'his',
  'her',
  'after',
  'of',
  'to',
  'in',
  'on',
  'at',
  'as',
  'by',
  'a',
  'an',
]);

function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((w) => !STOP.has(w));
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
/** Costs of English headline lines (see `englishHeadCosts`): the title or byline, a deck, a label, a number. */
const REPEATED = -1.5;
const DECK = -0.5;
const LABEL = 2;
const NUMBER = 1.5;

/** The author as the body would write it: `Tian Ma (天马)` → tianma, `Wáng Pèiqiú` → wangpeiqiu. */
function authorKey(author: string): string {
  return compareKey(
    author
      .replace(/[(（][^)）]*[)）]/g, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, ''),
  );
}

/**
 * Chinese body lines that repeat the headline: lines (or runs of lines, when the body breaks the
 * decks differently from the `###` line) equal to decks of it or to a byline under it. Lines in
 * between go with them (a kicker such as 左海诗 above the decks). Never the only paragraph.
 */
function chineseHead(doc: ParsedDocument): number {
  const zh = doc.zh.paragraphs;
  const keys = deckKeys(doc.zh.headline);
  for (const b of doc.zh.bylines) keys.add(compareKey(b.text));
  let last = -1;
  for (let k = 0; k < Math.min(LOOK, zh.length - 1); k++) {
    if (zh[k]!.text.length > SHORT_ZH) break;
    let run = '';
    for (let j = k; j < Math.min(LOOK, zh.length - 1) && zh[j]!.text.length <= SHORT_ZH; j++) {
      run += compareKey(zh[j]!.text);
      if (keys.has(run)) last = Math.max(last, j);
    }
  }
  return last + 1;
}

/**
 * Body lines that stand alone (indices into the body after the headline): short lines naming a
 * byline's author (解放军某部　王佩琈　刘金宝, 广州　邝千钧), lines repeating the headline
 * without the picture marker (我国氢弹爆炸照片), and credits in brackets (（据新华社讯）). Not a
 * line that finishes the unpunctuated line above it: 本版照片为本报记者 / 吕相友摄 is one credit
 * the OCR broke in two.
 */
function standalone(doc: ParsedDocument, body: Paragraph[]): number[] {
  const names = doc.zh.bylines
    .flatMap((b) => b.text.split(/[\s\u3000、，,]+/))
    .map(compareKey)
    .filter((n) => n.length >= 2);
  const heads = deckKeys(doc.zh.headline.map((h) => h.replace(PICTURE, '')));
  heads.delete('');
  const out: number[] = [];
  body.forEach((p, k) => {
    const t = p.text.trim();
    const key = compareKey(t);
    const byline = t.length <= 30 && !/[。！？]/.test(t) && names.some((n) => key.includes(n));
    const continues = k > 0 && !endsSentence(body[k - 1]!.text);
    if ((byline || isCredit(t) || (key && heads.has(key))) && !continues) out.push(k);
  });
  return out;
}

/**
 * What it costs to show each of the first English lines with the headline, in order (a line that
 * cannot be headline ends the list), in the aligner's units (−log probability, lower is likelier).
 * The title or the byline, repeated, earns what a shared name earns a pair; a deck of the title
 * somewhat less. A short label costs (a kicker, "By a Commentator from this Newspaper", the
 * column's translation "News Flash"), as does the line above a title line ("Xinhua News Agency,
 * Beijing, 1st."), and more for each number it shares with nothing in the Chinese headline: a
 * dateline belongs to the paragraph it opens.
 */
function englishHeadCosts(doc: ParsedDocument, zhHead: Paragraph[], zhBody: Paragraph[]): number[] {
  // A translation repeats the headline where the original's body does. Where the body starts with
  // a short line that is not the ### line (a caption 长空比翼　钟灵 under 长空比翼（图片）), the
  // English title line is that line's translation, as in every such document of the corpus.
  if (!zhHead.length && (zhBody[0]?.text.length ?? 0) <= SHORT_ZH) return [];
  const en = doc.en.paragraphs;
  const title = compareKey(doc.en.title);
  const author = authorKey(doc.en.author);
  const headNumbers = new Set([...doc.zh.headline, ...doc.zh.bylines.map((b) => b.text), doc.zh.column].flatMap(zhNumbers));
  const titleCost = (t: string): number | undefined => {
    const key = compareKey(t);
    if (!key || t.split(/\s+/).length > SHORT_EN) return undefined;
    if (key === title || (author !== '' && key === author)) return REPEATED;
    const partial = (title.includes(key) && key.length >= 4) || (author !== '' && key.includes(author)) || titleOverlap(t, doc.en.title) >= OVERLAP;
    return partial ? DECK : undefined;
  };
  const costs: number[] = [];
  for (let k = 0; k < Math.min(LOOK, en.length - 1); k++) {
    const t = en[k]!.text;
    let cost = titleCost(t);
    if (cost === undefined) {
      const short = t.split(/\s+/).length <= 8;
      // A label ends without punctuation or with a colon; a comma or semicolon continues a verse.
      const label = short && !/[.!?,;。！？，；]["”’)]?$/.test(t);
      const kicker = short && titleCost(en[k + 1]?.text ?? '') !== undefined;
      if (!label && !kicker) break;
      cost = LABEL + NUMBER * enNumbers(t).filter((n) => !headNumbers.has(n)).length;
    }
    costs.push(cost);
  }
  return costs;
}

/** Options the aligner needs for a document's body: names both sides share, a cut-off translation. */
export function bodyOptions(doc: ParsedDocument): Pick<AlignOptions, 'names' | 'truncated'> {
  const names = doc.en.entities.filter((e) => e.en).map((e) => ({ zh: e.zh, en: e.en! }));
  const last = doc.en.paragraphs[doc.en.paragraphs.length - 1];
  // Captions and signatures end without a full stop too: only a longer line counts as cut off.
  const truncated = !!last && !endsSentence(last.text) && last.text.split(/\s+/).length >= 5;
  return { names, truncated };
}

export function splitHeadline(doc: ParsedDocument): SplitHeadline {
  const zhHead = doc.zh.paragraphs.slice(0, chineseHead(doc));
  const zhBody = doc.zh.paragraphs.slice(zhHead.length);
  const alone = standalone(doc, zhBody);
  const en = doc.en.paragraphs;
  const costs = englishHeadCosts(doc, zhHead, zhBody);
  // One alignment of the whole body that may start after any of the candidate lines, each costing
  // what it costs as headline: the likeliest reading of the document decides.
  const skip = costs.map((_, k) => costs.slice(0, k + 1).reduce((a, b) => a + b, 0));
  const { beads, skipped } = align(
    zhBody.map((p) => p.text),
    en.map((p) => p.text),
    { ...bodyOptions(doc), alone, skip },
  );
  const body = beads.map((b) => ({ ...b, en: b.en.map((k) => k - skipped) }));
  return { zhHead, zhBody, enHead: en.slice(0, skipped), enBody: en.slice(skipped), alone, beads: body };
}
