/**
 * Small text helpers shared by the parser, the headline detector and the aligner.
 * Pure functions over strings; no I/O.
 */

/**
 * Leading indentation in the archive: ASCII spaces, tabs, full-width spaces (U+3000),
 * no-break spaces, and the literal two-character escape `\t` that some OCR exports contain
 * (`1960-08-02-p8-morning-sunlight-on-jinggang-mountain-photo.md`).
 */
const INDENT = /^(?:[ \t\u3000\u00a0]|\\t)+/;
const TRAILING = /(?:[ \t\u3000\u00a0\r]|\\t)+$/;

/** Splits a line into its indentation and its text (trailing white space dropped). */
export function splitIndent(line: string): { indent: string; text: string } {
  const m = INDENT.exec(line);
  const indent = m ? m[0] : '';
  return { indent, text: line.slice(indent.length).replace(TRAILING, '') };
}

/** Inner literal `\t` escapes become a real tab, so they show as white space, not as "\t". */
export function unescapeTabs(text: string): string {
  return text.replace(/\\t/g, '\t');
}

/** True for a line made only of `<br>` tags and white space (a separator, not text). */
export function isBreakLine(line: string): boolean {
  return /^\s*(?:<br\s*\/?>\s*)+$/i.test(line);
}

/** Characters that carry content: everything but white space. */
export function visibleLength(text: string): number {
  return text.replace(/[\s\u3000]/g, '').length;
}

/** Folds full-width forms to ASCII (１９８８ → 1988, Ａ → A) for comparisons, never for display. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** A comparison key: width-folded, lower-case, without white space and punctuation. */
export function compareKey(text: string): string {
  return foldWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Does the text end like a finished sentence (Chinese or English)? */
export function endsSentence(text: string): boolean {
  return /[。！？；：…!?.;:”’"'」』）)\]】》]$/.test(text.trim());
}

/**
 * A credit line or sentence in brackets: （新华社）, （据新华社讯）, （附图片）, （章德春）. Translations
 * give it a line of its own or leave it out, never fold it into the sentence before it.
 */
export function isCredit(text: string): boolean {
  return /^[（(][^（）()，。！？,]{1,12}[）)]$/.test(text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
}
