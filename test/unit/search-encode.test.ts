import { describe, expect, it } from 'vitest';
import {
  alignSyllables,
  bucketKey,
  bucketOf,
  chineseQueryTokens,
  chineseTokens,
  englishIndexTokens,
  englishTokens,
  pinyinQueryTokens,
  pinyinTokens,
  prefixToken,
} from '../../src/lib/search/encode.ts';
import { fold, foldText } from '../../src/lib/search/fold.ts';
import { stem } from '../../src/lib/search/stem.ts';

describe('the Chinese encoder', () => {
  it('indexes every character and every overlapping pair of a run', () => {
    expect(chineseTokens('土洋并举')).toEqual(['土', '洋', '土洋', '并', '洋并', '举', '并举']);
  });

  it('does not pair characters across punctuation or spaces', () => {
    expect(chineseTokens('土，地 方')).toEqual(['土', '地', '方']);
  });

  it('looks a query up by all its pairs, or by the single character', () => {
    expect(chineseQueryTokens('薄弱环节')).toEqual(['薄弱', '弱环', '环节']);
    expect(chineseQueryTokens('铝')).toEqual(['铝']);
  });

  it('so that 土地 needs the pair 土地, which 土…地 apart does not have', () => {
    const apart = new Set(chineseTokens('土法炼钢，各地'));
    expect(chineseQueryTokens('土地').every((t) => apart.has(t))).toBe(false);
    const together = new Set(chineseTokens('改革土地制度'));
    expect(chineseQueryTokens('土地').every((t) => together.has(t))).toBe(true);
  });

  it('folds full-width digits and letters to ASCII', () => {
    expect(chineseTokens('１９５８年')).toContain('19');
    expect(foldText('ＡＢＣ Café')).toBe('abc cafe');
  });
});

describe('the pinyin encoder', () => {
  it('pairs the syllables of adjacent characters only', () => {
    const per = alignSyllables('土洋，并举', 'tu yang bing ju');
    expect(per).toEqual(['tu', 'yang', null, 'bing', 'ju']);
    expect(pinyinTokens(per)).toEqual(['tu', 'yang', "tu'yang", 'bing', 'ju', "bing'ju"]);
  });

  it('keeps characters the reader could not read out of the pairs', () => {
    expect(pinyinTokens(alignSyllables('土𪚥洋', 'tu _ yang'))).toEqual(['tu', 'yang']);
  });

  it('looks a syllable sequence up by its adjacent pairs', () => {
    expect(pinyinQueryTokens(['tu', 'yang', 'bing', 'ju'])).toEqual(["tu'yang", "yang'bing", "bing'ju"]);
    expect(pinyinQueryTokens(['lv'])).toEqual(['lv']);
  });
});

describe('the English encoder', () => {
  it('folds case and accents and drops inflections', () => {
    expect(englishTokens('Smelting, SMELTED and smelts — Pétain')).toEqual(['smelt', 'smelt', 'and', 'smelt', 'petain']);
  });

  it.each([
    ['mine', 'mine'],
    ['mines', 'mine'],
    ['mining', 'mine'],
    ['mined', 'mine'],
    ['smelt', 'smelt'],
    ['smelting', 'smelt'],
    ['copies', 'copi'],
    ['copy', 'copi'],
    ['hopping', 'hop'],
    ['status', 'status'],
    ['miner', 'miner'],
    ['1958', '1958'],
  ])('stems %s as %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('folding', () => {
  it('maps folded offsets back to the original text', () => {
    const f = fold('Ｃafé 铝');
    expect(f.text).toBe('cafe 铝');
    expect([f.from[0], f.to[0]]).toEqual([0, 1]);
    expect(f.from[f.text.indexOf('铝')]).toBe(5);
  });
});

describe('English prefixes', () => {
  it('indexes the first 3, 5 and 7 letters of each word beside its stem', () => {
    expect(englishIndexTokens('Aluminum')).toEqual(['aluminum', 'alu*', 'alumi*', 'aluminu*']);
  });

  it('looks a typed prefix up by the longest indexed prefix it starts with', () => {
    expect(prefixToken('alumin')).toBe('alumi*');
    expect(prefixToken('alu')).toBe('alu*');
    expect(prefixToken('al')).toBeNull();
  });
});

describe('buckets', () => {
  it('keys a token by itself, and a pinyin pair by its first syllable and second initial', () => {
    expect(bucketKey('zh', '土洋')).toBe('土洋');
    expect(bucketKey('en', 'alumi*')).toBe('alumi*');
    expect(bucketKey('py', "yang'bing")).toBe("yang'b");
    expect(bucketKey('py', "yang'b")).toBe("yang'b");
    expect(bucketKey('py', 'yang')).toBe('yang');
  });

  it('spreads keys over all buckets of a depth, and has one bucket at depth 0', () => {
    const keys = Array.from('的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年');
    expect(new Set(keys.map((c) => bucketOf(c, 3))).size).toBe(8);
    expect(new Set(keys.map((c) => bucketOf(c, 0)))).toEqual(new Set([0]));
  });

  it('splits each bucket in two when the depth grows by one', () => {
    for (const c of Array.from('的一是不了人我在有他')) expect(bucketOf(c, 5) >> 1).toBe(bucketOf(c, 4));
  });
});
