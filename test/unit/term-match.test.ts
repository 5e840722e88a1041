import { describe, expect, it } from 'vitest';
import { chineseMatcher, englishMatcher, type TermMatch } from '../../src/lib/glossary/match.ts';

/** The matched substrings, in order: what the page would mark. */
function marked(text: string, matches: TermMatch[]): string[] {
  return matches.map((m) => text.slice(m.start, m.end));
}

/** No two matches share a character, and they come in text order. */
function expectDisjoint(matches: TermMatch[]): void {
  for (let i = 1; i < matches.length; i++) {
    expect(matches[i]!.start, `match ${i} starts inside match ${i - 1}`).toBeGreaterThanOrEqual(matches[i - 1]!.end);
  }
}

describe('chineseMatcher', () => {
  const seedTerms = ['土法', '土法冶炼', '土洋并举', '以土为主', '由土到洋', '县、区、乡、社', '群众', '报矿', '大跃进', '工农业生产', '薄弱环节'];
  const match = chineseMatcher(seedTerms);

  it('marks 土法冶炼 as one term, not 土法 followed by 冶炼 (longest match wins)', () => {
    const text = '动员全民土法冶炼，一年内把产量提高几倍';
    expect(marked(text, match(text))).toEqual(['土法冶炼']);
    expect(match(text)[0]).toEqual({ start: 4, end: 8, key: '土法冶炼' });
  });

  it('still marks the shorter term where the longer one does not follow', () => {
    const text = '进行土法开采和冶炼。这种土法生产，而土法冶炼技术';
    expect(marked(text, match(text))).toEqual(['土法', '土法', '土法冶炼']);
  });

  it('keeps the first of two overlapping terms and drops the other, so marks never overlap', () => {
    const m = chineseMatcher(['工农', '农业生产']);
    const text = '发展工农业生产';
    const found = m(text);
    expect(marked(text, found)).toEqual(['工农']);
    expectDisjoint(found);
  });

  it('never nests a term inside another: 土 of 土洋并举 is not a separate mark', () => {
    const m = chineseMatcher(['土', '洋', '土洋并举', '并举']);
    const text = '这样土洋并举，首先';
    expect(marked(text, m(text))).toEqual(['土洋并举']);
  });

  it('matches 县、区、乡、社 with the enumeration commas inside the term', () => {
    const text = '因此，应当普遍地组织县、区、乡、社，在一切有矿源的地方进行土法开采';
    expect(marked(text, match(text))).toEqual(['县、区、乡、社', '土法']);
  });

  it('does not match 县、区、乡、社 when the text punctuates it differently or stops early', () => {
    expect(match('组织县，区，乡，社')).toEqual([]);
    expect(match('组织县、区、乡')).toEqual([]);
  });

  it('marks a term at the very start and at the very end of a paragraph', () => {
    const text = '土洋并举，首先以土为主，然后由土到洋';
    const found = match(text);
    expect(marked(text, found)).toEqual(['土洋并举', '以土为主', '由土到洋']);
    expect(found[0]!.start).toBe(0);
    expect(found.at(-1)!.end).toBe(text.length);
  });

  it('marks a paragraph that is exactly one term', () => {
    expect(match('薄弱环节')).toEqual([{ start: 0, end: 4, key: '薄弱环节' }]);
  });

  it('marks adjacent terms separately: 群众报矿 is 群众 then 报矿', () => {
    const text = '立即组织群众报矿和组织勘探力量';
    const found = match(text);
    expect(marked(text, found)).toEqual(['群众', '报矿']);
    expect(found[0]!.end).toBe(found[1]!.start);
  });

  it('marks 工农业生产 and 大跃进 side by side in 工农业生产大跃进', () => {
    const text = '但是在全国工农业生产大跃进中';
    expect(marked(text, match(text))).toEqual(['工农业生产', '大跃进']);
  });

  it('returns the key as written, for looking the term up', () => {
    expect(match('土洋并举').map((m) => m.key)).toEqual(['土洋并举']);
  });

  it('gives UTF-16 offsets, so a character outside the BMP before a term does not shift the mark', () => {
    const text = '𠮷土法冶炼';
    expect(match(text)).toEqual([{ start: 2, end: 6, key: '土法冶炼' }]);
    expect(marked(text, match(text))).toEqual(['土法冶炼']);
  });

  it('finds nothing in text without terms, in empty text, or with no terms at all', () => {
    expect(match('铜、铝企业的建设和生产')).toEqual([]);
    expect(match('')).toEqual([]);
    expect(chineseMatcher([])('土洋并举')).toEqual([]);
  });

  it('ignores an empty term and duplicate terms', () => {
    const m = chineseMatcher(['', '土法', '土法']);
    expect(m('土法土法')).toHaveLength(2);
  });

  it('finds every occurrence and never overlaps in a long paragraph of the seed', () => {
    const p6 =
      '为了保证1959年铜、铝生产的大跃进，在铜的生产方面需要在已经发现铜矿的地方，立即组织生产，在尚未发现但是估计可能有矿源的地方，立即组织群众报矿和组织勘探力量进行找矿。因为我国铜矿分布很广，而土法冶炼技术已经解决并且正在不断改进。因此，应当普遍地组织县、区、乡、社，在一切有矿源的地方进行土法开采和冶炼。这种不用或者少用机械的土法生产，可以到处开花。在土法生产的过程中，逐步实现半机械化和小型机械化，以提高回收率，提高产量。对于已经基本探清的资源和已经开工建设的几个大型铜矿基地应当加紧建设，力争提前投入生产。这样土洋并举，首先以土为主，然后由土到洋的作法，将能迅速地提高我国的铜产量。';
    const found = match(p6);
    expect(marked(p6, found)).toEqual(['大跃进', '群众', '报矿', '土法冶炼', '县、区、乡、社', '土法', '土法', '土法', '土洋并举', '以土为主', '由土到洋']);
    expectDisjoint(found);
  });
});

describe('englishMatcher', () => {
  const renderings = (entries: Record<string, string[]>) => englishMatcher(new Map(Object.entries(entries)));

  it('matches a rendering whatever its case', () => {
    const match = renderings({ 大跃进: ['great leap forward'] });
    const text = 'Seize Weak Links in the Great Leap Forward and the great leap forward in production';
    expect(marked(text, match(text))).toEqual(['Great Leap Forward', 'great leap forward']);
  });

  it('matches a plural in -s: weak link → weak links', () => {
    const match = renderings({ 薄弱环节: ['weak link'] });
    expect(marked('Seize Weak Links now', match('Seize Weak Links now'))).toEqual(['Weak Links']);
  });

  it('matches a plural in -es: the mass → the masses, a branch → branches', () => {
    const match = renderings({ 群众: ['mass'], 部门: ['branch'] });
    const text = 'reports from the masses and all branches';
    expect(marked(text, match(text))).toEqual(['masses', 'branches']);
  });

  it('matches a plural in -ies for a rendering in consonant + -y: policy → policies', () => {
    const match = renderings({ 政策: ['policy'] });
    const text = 'one policy, two policies';
    expect(marked(text, match(text))).toEqual(['policy', 'policies']);
  });

  it('matches a plural in -s for a rendering ending in a vowel and -y: survey → surveys', () => {
    const match = renderings({ 勘探: ['geological survey'] });
    const text = 'geological surveys found copper';
    expect(marked(text, match(text))).toEqual(['geological surveys']);
  });

  it('treats a hyphen and a space alike: semi-mechanization ~ semi mechanization', () => {
    const hyphenated = renderings({ 半机械化: ['semi-mechanization'] });
    const spaced = renderings({ 半机械化: ['semi mechanization'] });
    for (const text of ['semi-mechanization and more', 'semi mechanization and more', 'semi\u2011mechanization and more']) {
      expect(marked(text, hyphenated(text)), text).toEqual([text.split(' and')[0]]);
      expect(marked(text, spaced(text)), text).toEqual([text.split(' and')[0]]);
    }
  });

  it('matches First Five-Year Plan written with or without the hyphen', () => {
    const match = renderings({ 第一个五年计划: ['First Five-Year Plan'] });
    expect(marked('During the First Five Year Plan, we', match('During the First Five Year Plan, we'))).toEqual(['First Five Year Plan']);
    expect(marked('During the First Five-Year Plan, we', match('During the First Five-Year Plan, we'))).toEqual(['First Five-Year Plan']);
  });

  it('matches across a line break or doubled space between the words', () => {
    const match = renderings({ 冲天干劲: ['soaring enthusiasm'] });
    expect(match('with soaring\n  enthusiasm.')).toHaveLength(1);
  });

  it('matches a rendering with commas in it, as the translation punctuates it', () => {
    const match = renderings({ '县、区、乡、社': ['counties, districts, townships, and communes'] });
    const text = 'improved, counties, districts, townships, and communes should be';
    expect(marked(text, match(text))).toEqual(['counties, districts, townships, and communes']);
  });

  it('does not match inside another word: steel in steelworks, modern in modernization, indigenous in nonindigenous', () => {
    const match = renderings({ 钢铁: ['steel'], 近代化: ['modern'], 土: ['indigenous'] });
    expect(match('the steelworks grew')).toEqual([]);
    expect(match('rapid modernization')).toEqual([]);
    expect(match('nonindigenous methods')).toEqual([]);
    expect(match('agriculture and steel.')).toHaveLength(1);
  });

  it('does not take a longer word for a plural: link does not match linkage', () => {
    const match = renderings({ 薄弱环节: ['weak link'] });
    expect(match('a weak linkage')).toEqual([]);
  });

  it('matches before a possessive and after punctuation', () => {
    const match = renderings({ 雷锋: ['Lei Feng'] });
    const text = '("Lei Feng\'s" diary)';
    expect(marked(text, match(text))).toEqual(['Lei Feng']);
  });

  it('prefers the longest rendering: indigenous production beats indigenous', () => {
    const match = renderings({ 土法: ['indigenous', 'indigenous production'] });
    const text = 'This kind of indigenous production, and indigenous mining';
    expect(marked(text, match(text))).toEqual(['indigenous production', 'indigenous']);
  });

  it('prefers the longest rendering across terms, and the shorter one is not marked inside it', () => {
    const match = renderings({ 土法: ['indigenous methods'], 土洋并举: ['combining indigenous and foreign methods'] });
    const text = 'This approach of combining indigenous and foreign methods, first focusing on indigenous methods';
    const found = match(text);
    expect(marked(text, found)).toEqual(['combining indigenous and foreign methods', 'indigenous methods']);
    expect(found.map((m) => m.key)).toEqual(['土洋并举', '土法']);
    expectDisjoint(found);
  });

  it('only looks for the keys it is given (the terms found in the Chinese of the row)', () => {
    const match = renderings({ 土法: ['indigenous methods'], 钢铁: ['steel'] });
    const text = 'steel and indigenous methods';
    expect(match(text, new Set(['钢铁'])).map((m) => m.key)).toEqual(['钢铁']);
    expect(match(text, new Set())).toEqual([]);
    expect(match(text).map((m) => m.key)).toEqual(['钢铁', '土法']);
  });

  it('returns matches in text order, each with its key', () => {
    const match = renderings({ 钢铁: ['steel'], 群众: ['the masses'] });
    const text = 'the masses make steel; the masses';
    expect(match(text)).toEqual([
      { start: 0, end: 10, key: '群众' },
      { start: 16, end: 21, key: '钢铁' },
      { start: 23, end: 33, key: '群众' },
    ]);
  });

  it('treats regular-expression characters in a rendering literally', () => {
    const match = renderings({ 甲: ['C++ (plus)'] });
    expect(match('use C++ (plus) here')).toHaveLength(1);
    expect(match('use CCC (plus) here')).toEqual([]);
  });

  it('ignores empty renderings', () => {
    const match = renderings({ 甲: ['', '  '] });
    expect(match('anything at all')).toEqual([]);
  });
});
