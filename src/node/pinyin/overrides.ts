/**
 * Project corrections to pinyin-pro's readings, word → toned pinyin (one syllable per character,
 * separated by spaces; a syllable without a tone mark is a neutral tone).
 *
 * pinyin-pro gives these entries the highest priority, so an entry wins wherever its characters
 * occur, even across a word boundary: prefer the longest phrase that pins the meaning down
 * (的地方, not 地方). Each entry has a test row in test/unit/pinyin.test.ts. The context rules of
 * context.ts leave an entry's characters alone, so keep this list to true exceptions (fixed
 * sayings): a reading that a word or a construction decides belongs there, not here.
 * Readings follow 《现代汉语词典》 (7th ed.); tones are citation tones (see pinyin.ts).
 */
export const pinyinOverrides: Readonly<Record<string, string>> = {
  // 还 is huán "give back" before money; pinyin-pro reads the adverb hái.
  还钱: 'huán qián',
  // The saying "borrow and return in good faith" (好借好还，再借不难): 还 huán "give back".
  好借好还: 'hǎo jiè hǎo huán',
  // The idiom "what is it all for?": 为何 wèi hé; the segmenter reads 所为 suǒ wéi "what one does".
  所为何来: 'suǒ wèi hé lái',
  // 地方 "place" is dìfang (neutral tone); dìfāng is "local (as opposed to central)". After 的 it
  // is nearly always "place": 发现铜矿的地方, 有矿源的地方 (seed). Misreads the rare 的地方政府.
  的地方: 'de dì fang',
};
