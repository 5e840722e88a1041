import { describe, expect, it } from 'vitest';
import { foldPinyin, splitPinyin, SYLLABLES } from '../../src/lib/search/syllables.ts';

const syllables = (text: string, partial = false) => splitPinyin(text, partial)?.syllables ?? null;

describe('splitPinyin', () => {
  it.each([
    ['tuyangbingju', ['tu', 'yang', 'bing', 'ju']],
    ['tu yang bing ju', ['tu', 'yang', 'bing', 'ju']],
    ['TuYang', ['tu', 'yang']],
    ['tǔyáng', ['tu', 'yang']],
    ['tu3yang2', ['tu', 'yang']],
    ['xian', ['xian']],
    ["xi'an", ['xi', 'an']],
    ['xi’an', ['xi', 'an']],
    ['fangan', ['fang', 'an']],
    ["fan'gan", ['fan', 'gan']],
    ['shehuizhuyi', ['she', 'hui', 'zhu', 'yi']],
    ['lǚ', ['lv']],
    ['lü', ['lv']],
    ['nvren', ['nv', 'ren']],
  ])('splits %s into %j', (text, expected) => {
    expect(syllables(text)).toEqual(expected);
  });

  it('accepts an unfinished last syllable while typing, as a prefix', () => {
    expect(splitPinyin('tuyangb', true)).toEqual({ syllables: ['tu', 'yang', 'b'], partial: true });
    expect(splitPinyin('tuyangzh', true)).toEqual({ syllables: ['tu', 'yang', 'zh'], partial: true });
  });

  it('prefers a complete split to a partial one', () => {
    expect(splitPinyin('tuyangbin', true)).toEqual({ syllables: ['tu', 'yang', 'bin'], partial: false });
  });

  it('refuses what is not pinyin', () => {
    expect(syllables('tuyangb')).toBeNull();
    expect(syllables('copper')).toBeNull();
    expect(syllables('<img src=x>')).toBeNull();
    expect(syllables('')).toBeNull();
    expect(syllables('1958')).toBeNull();
  });

  it('folds tone marks, tone numbers and ü', () => {
    expect(foldPinyin('Lǜ4 shǎng')).toBe('lv shang');
  });

  it('knows the syllables the index can contain', () => {
    expect(SYLLABLES.size).toBe(410);
    for (const s of ['zhuang', 'lve', 'nv', 'er', 'm', 'ng']) expect(SYLLABLES.has(s)).toBe(true);
  });
});
