/**
 * The polyphones of issue 15 ("Pinyin in context"), the characters a reader is most often misled
 * on: `context.ts` reads them in context, `scripts/make-pinyin-words.ts` keeps CC-CEDICT's
 * words that hold them. Adding one means running `npm run pinyin:words` and widening the gold sample.
 */
export const POLYPHONES: ReadonlySet<string> = new Set(Array.from('行重长还得为将地了着处调量干种数相传供应'));
