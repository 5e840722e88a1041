import { describe, expect, it } from 'vitest';
import type { NamedEntity } from '../../src/lib/document/entities.ts';
import { curatedTerms, entityTerms, plainPinyin, type CuratedTerm } from '../../src/lib/glossary/terms.ts';

const TUYANG: CuratedTerm = {
  term: '土洋并举',
  slug: 'tuyangbingju',
  gloss: 'combining indigenous and modern ("foreign") methods',
  reading: 'tǔ yáng bìng jǔ',
  renderings: ['combining indigenous and foreign methods'],
};
const LEIFENG_CURATED: CuratedTerm = { term: '雷锋', slug: 'leifeng', gloss: 'Lei Feng, model soldier', reading: 'léi fēng', renderings: ['Lei Feng'] };

/** A fake reader: the test only needs to see that the generated reading is used. */
const readingOf = (zh: string) => `gen(${zh})`;

describe('curatedTerms', () => {
  it('turns a glossary entry into a term with a g- prefixed id, its reading, gloss, renderings and slug', () => {
    expect(curatedTerms([TUYANG])).toEqual([
      {
        key: '土洋并举',
        id: 'g-tuyangbingju',
        kind: 'glossary',
        reading: 'tǔ yáng bìng jǔ',
        gloss: TUYANG.gloss,
        renderings: ['combining indigenous and foreign methods'],
        slug: 'tuyangbingju',
      },
    ]);
  });
});

describe('entityTerms', () => {
  const block: NamedEntity[] = [
    { zh: '中国', pinyin: 'Zhōngguó', en: 'China', line: 14 },
    { zh: '雷锋', pinyin: 'Léi Fēng', en: 'Lei Feng', line: 16 },
    { zh: '钱大钧', pinyin: 'Qián Dàjūn', line: 17 },
    { zh: '突尼斯', en: 'Tunisia', line: 18 },
  ];

  it('numbers entities n-1, n-2… by their place in the block, with the generated reading', () => {
    const terms = entityTerms(block, [], readingOf);
    expect(terms.map((t) => [t.key, t.id, t.kind, t.reading])).toEqual([
      ['中国', 'n-1', 'entity', 'gen(中国)'],
      ['雷锋', 'n-2', 'entity', 'gen(雷锋)'],
      ['钱大钧', 'n-3', 'entity', 'gen(钱大钧)'],
      ['突尼斯', 'n-4', 'entity', 'gen(突尼斯)'],
    ]);
  });

  it('uses the English name as gloss and rendering', () => {
    const [china] = entityTerms(block, [], readingOf);
    expect(china).toMatchObject({ gloss: 'China', renderings: ['China'], en: 'China' });
  });

  it('falls back to the block pinyin without tones as the English form (Qián Dàjūn → Qian Dajun)', () => {
    const qian = entityTerms(block, [], readingOf).find((t) => t.key === '钱大钧');
    expect(qian).toMatchObject({ gloss: 'Qian Dajun', renderings: ['Qian Dajun'], en: 'Qian Dajun' });
  });

  it('lets a curated entry win: an entity with the same hanzi is left out, the others keep their block ids', () => {
    const curated = curatedTerms([LEIFENG_CURATED]);
    const terms = entityTerms(block, curated, readingOf);
    expect(terms.map((t) => t.key)).not.toContain('雷锋');
    expect(terms.map((t) => t.id)).toEqual(['n-1', 'n-3', 'n-4']);
  });

  it('keeps a repeated line once, under the id of its first appearance', () => {
    const repeated: NamedEntity[] = [...block, { zh: '中国', pinyin: 'Zhōngguó', en: 'China', line: 20 }];
    const terms = entityTerms(repeated, [], readingOf);
    expect(terms.filter((t) => t.key === '中国').map((t) => t.id)).toEqual(['n-1']);
  });

  it('skips a name without Chinese characters: it could never match the Chinese text', () => {
    const terms = entityTerms([{ zh: 'UNESCO', en: 'UNESCO', line: 3 }, ...block], [], readingOf);
    expect(terms.map((t) => t.key)).not.toContain('UNESCO');
    expect(terms[0]).toMatchObject({ key: '中国', id: 'n-2' });
  });

  it('gives an entity with neither English nor pinyin no rendering to mark', () => {
    const [bare] = entityTerms([{ zh: '大寨', line: 1 }], [], readingOf);
    expect(bare).toMatchObject({ key: '大寨', gloss: '', renderings: [] });
    expect(bare!.en).toBeUndefined();
  });
});

describe('plainPinyin', () => {
  it.each([
    ['Qián Dàjūn', 'Qian Dajun'],
    ['Léi Fēng', 'Lei Feng'],
    ['lǚ', 'lu'],
    ['Zhōngguó', 'Zhongguo'],
  ])('writes %s as %s', (toned, plain) => {
    expect(plainPinyin(toned)).toBe(plain);
  });
});
