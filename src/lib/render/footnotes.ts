/**
 * Print footnotes for glossary terms, numbered by one rule wherever they are numbered: the page's
 * handout (src/plugins/rehype-glossary.ts, at build time) and a printed passage
 * (src/elements/reader-print.ts, for the rows printed): each term's first mark in reading order
 * gets the next number.
 */

/** Term ids of the Chinese marks in reading order → each term's footnote number, in that order. */
export function numberFootnotes(termIds: Iterable<string>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const id of termIds) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}
