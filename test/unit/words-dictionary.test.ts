import { describe, expect, it } from 'vitest';
import { readings, shortDefinition, traditionalOf } from '../../src/lib/words/data.ts';
import { toneMark, toneMarks, toneless } from '../../src/lib/words/tones.ts';
import { siteDictionary } from '../../src/node/words/source.ts';
import { markSenseReadings } from '../../src/node/words/dictionary.ts';
import { pageWords, wordsScript } from '../../src/node/words/page-words.ts';

const { lookup, hskLevel } = siteDictionary();

describe('tone marks', () => {
  it('marks a, e, the o of ou, else the last vowel; ü from u:; neutral tone unmarked', () => {
    expect(toneMarks('kai1 cai3')).toBe('kāi cǎi');
    expect(toneMark('lu:4')).toBe('lǜ');
    expect(toneMark('zhou1')).toBe('zhōu');
    expect(toneMark('gui4')).toBe('guì');
    expect(toneMark('de5')).toBe('de');
    expect(toneMark('Bei3')).toBe('Běi');
    expect(toneMark('xx5')).toBe('xx');
    expect(toneMark('A')).toBe('A');
  });

  it('compares readings without tones', () => {
    expect(toneless('Zhǎng lǜ')).toBe('zhang lv');
  });
});

describe('CC-CEDICT lookup', () => {
  it('finds 开采 as kāi cǎi with an English sense, traditional 開採', () => {
    const entries = lookup('开采')!;
    expect(entries.map((e) => e[1])).toContain('kāi cǎi');
    expect(entries[0]![2]).toMatch(/to mine/);
    expect(traditionalOf('开采', entries, 'kāi cǎi')).toBe('開採');
  });

  it('writes the readings inside a sense with tone marks, as the page does (把[bǎ], not 把[ba3])', () => {
    const senses = lookup('把')!
      .map((e) => e[2])
      .join('/');
    expect(senses).toContain('把[bǎ]');
    expect(senses).not.toMatch(/\[[a-z:]+[1-5]/i);
    expect(markSenseReadings('variant of 逼格[bi1 ge2]; Tai-lo pr. [ue-á-tshài]')).toBe('variant of 逼格[bī gé]; Tai-lo pr. [ue-á-tshài]');
  });

  it('finds a word written in traditional characters too', () => {
    expect(lookup('開採')?.[0]?.[1]).toBe('kāi cǎi');
  });

  it('gives no traditional form where it is the simplified one', () => {
    expect(traditionalOf('冶炼', lookup('冶炼'), 'yě liàn')).toBe('冶煉');
    expect(traditionalOf('中', lookup('中'), 'zhōng')).toBe('');
  });

  it('has nothing for a word it lacks', () => {
    expect(lookup('铜铝工业')).toBeUndefined();
  });

  it('orders a polyphone’s readings with the one read here first: 长 zhǎng in 部长, cháng in 长期', () => {
    const entries = lookup('长')!;
    expect(readings(entries, 'zhǎng').map((r) => r.pinyin)).toEqual(['zhǎng', 'cháng']);
    expect(readings(entries, 'cháng').map((r) => r.pinyin)).toEqual(['cháng', 'zhǎng']);
    expect(readings(entries, 'zhǎng')[0]!.here).toBe(true);
    expect(readings(entries, 'zhǎng')[1]!.here).toBe(false);
  });

  it('shows every reading of 了, le first where the page reads le', () => {
    const list = readings(lookup('了'), 'le');
    expect(list[0]!.pinyin).toBe('le');
    expect(new Set(list.map((r) => r.pinyin))).toEqual(new Set(['le', 'liǎo', 'liào']));
  });

  it('ranks a reading in another tone above unrelated ones, but does not call it the one read here when an exact one exists', () => {
    const list = readings(
      [
        ['', 'hé', 'and'],
        ['', 'hè', 'to reply'],
        ['', 'huó', 'to mix'],
      ],
      'he',
    );
    expect(list.map((r) => r.pinyin)).toEqual(['hé', 'hè', 'huó']);
    expect(list.map((r) => r.here)).toEqual([true, true, false]);
  });

  it('gives a short definition from the reading read here', () => {
    expect(shortDefinition(lookup('长'), 'zhǎng')).toMatch(/^chief; head; elder/);
    expect(shortDefinition(undefined, 'x')).toBe('');
  });

  it('knows HSK 2.0 levels', () => {
    expect(hskLevel('我')).toBe(1);
    expect(hskLevel('开采')).toBe(6);
    expect(hskLevel('冶炼')).toBe(0);
  });
});

describe('a page’s word data', () => {
  const data = pageWords(
    [
      { word: '开采', pinyin: 'kāi cǎi', sentence: 'p6.3' },
      { word: '铜铝工业', pinyin: 'tóng lǚ gōng yè', sentence: '' },
    ],
    siteDictionary(),
  );

  it('holds the entries of the page’s words, and the characters of a word the dictionary lacks', () => {
    expect(Object.keys(data.dict).sort()).toEqual(['工', '开采', '业', '铜', '铝'].sort());
    expect(data.list).toEqual([
      ['开采', 'kāi cǎi', 'p6.3', 6],
      ['铜铝工业', 'tóng lǚ gōng yè', '', 0],
    ]);
  });

  it('is a classic script that names no URL and cannot close a script element', () => {
    const script = wordsScript({ v: 1, dict: { 网: [['網', 'wǎng', 'see https://example.org/</script>']] }, list: [] }, '__duizhaoWords');
    expect(script).not.toMatch(/https?:\/\//);
    expect(script).not.toContain('</');
    let got: unknown;
    new Function('self', script)({ __duizhaoWords: (d: unknown) => (got = d) });
    expect(got).toEqual({ v: 1, dict: { 网: [['網', 'wǎng', 'see https://example.org/</script>']] }, list: [] });
  });
});

describe('the order of readings', () => {
  it('puts the common word before a surname and a variant spelling of the same sound: 和 hé “and” first', () => {
    const list = readings(lookup('和'), 'hé');
    expect(list[0]!.senses[0]).toMatch(/and; together with/);
    expect(shortDefinition(lookup('和'), 'hé')).toMatch(/^\(joining two nouns\) and/);
  });
});
