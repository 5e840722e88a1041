import { describe, expect, it } from 'vitest';
import { alignSyllables, chineseQueryTokens, chineseTokens, englishTokens, pinyinQueryTokens, pinyinTokens, shardKey, shardOf } from '../../src/lib/search-encode.ts';
import { fold, foldText } from '../../src/lib/search-fold.ts';
import { stem } from '../../src/lib/search-stem.ts';

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

describe('shards', () => {
  it('puts a token, its pairs and its two-letter prefixes in one shard', () => {
    expect(shardKey('zh', '土洋')).toBe(shardKey('zh', '土'));
    expect(shardKey('py', "yang'bing")).toBe(shardKey('py', "yang'b"));
    expect(shardKey('py', "yang'bing")).toBe(shardKey('py', 'yang'));
    expect(shardOf(shardKey('en', 'aluminum'), 16)).toBe(shardOf(shardKey('en', 'al'), 16));
  });

  it('spreads keys over all shards', () => {
    const used = new Set(Array.from('的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年', (c) => shardOf(c, 8)));
    expect(used.size).toBe(8);
  });
});
