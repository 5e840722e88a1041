import { describe, expect, it } from 'vitest';
import { toAnkiTsv, toCsv, type ExportRow } from '../../src/lib/words/export.ts';
import { isStarred, parseKnown, parseStarred, removeStarred, toggleStarred, type StarredWord } from '../../src/lib/words/starred.ts';

const row: ExportRow = {
  word: '开采',
  pinyin: 'kāi cǎi',
  traditional: '開採',
  definition: 'to extract (ore or other resource from a mine); to exploit; to mine',
  hsk: 0,
  zh: '在一切有矿源的地方进行土法开采和冶炼。',
  en: 'Mining and smelting, "by indigenous methods", in all places.',
  url: 'http://localhost/1958-09-25/p1/copper-and-aluminum/#p6.3',
};

describe('CSV export', () => {
  it('has a header, quotes fields with commas or quotes, and ends lines with CRLF', () => {
    const csv = toCsv([row, { ...row, word: '铜', hsk: 6, traditional: '' }]);
    expect(csv.startsWith('\ufeffword,pinyin,traditional,definition,hsk,sentence,english,link\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(
      '开采,kāi cǎi,開採,to extract (ore or other resource from a mine); to exploit; to mine,,在一切有矿源的地方进行土法开采和冶炼。,"Mining and smelting, ""by indigenous methods"", in all places.",http://localhost/1958-09-25/p1/copper-and-aluminum/#p6.3',
    );
    expect(lines[2]).toMatch(/^铜,kāi cǎi,,.*,6,/);
  });
});

describe('Anki TSV export', () => {
  it('tells Anki its fields, then one note a line: the word, a tab, the back', () => {
    const lines = toAnkiTsv([row]).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual(['#separator:tab', '#html:true', '#columns:Front\tBack']);
    expect(lines).toHaveLength(4);
    const [front, back, ...more] = lines[3]!.split('\t');
    expect(more).toEqual([]);
    expect(front).toBe('开采');
    expect(back!.split('<br>')).toEqual([
      'kāi cǎi (開採)',
      'to extract (ore or other resource from a mine); to exploit; to mine',
      '在一切有矿源的地方进行土法开采和冶炼。',
      'Mining and smelting, &quot;by indigenous methods&quot;, in all places.',
      '<a href="http://localhost/1958-09-25/p1/copper-and-aluminum/#p6.3">http://localhost/1958-09-25/p1/copper-and-aluminum/#p6.3</a>',
    ]);
  });

  it('never lets a tab, line break or markup in the text break a note', () => {
    const tsv = toAnkiTsv([{ ...row, word: '<b>铜</b>', en: 'a\tb\nc' }]);
    const note = tsv.trimEnd().split('\n')[3]!;
    expect(note.split('\t')).toHaveLength(2);
    expect(note).toContain('&lt;b&gt;铜&lt;/b&gt;');
    expect(note).toContain('a b c');
  });
});

describe('starred and known words', () => {
  const word: StarredWord = {
    word: '开采',
    pinyin: 'kāi cǎi',
    traditional: '開採',
    definition: 'to mine',
    zh: '…',
    en: '…',
    url: 'u#p6.3',
    title: 't',
    at: '2026-01-01T00:00:00.000Z',
  };

  it('toggles a word starred from a sentence, newest first', () => {
    const one = toggleStarred([], word);
    expect(isStarred(one, '开采', 'u#p6.3')).toBe(true);
    const two = toggleStarred(one, { ...word, word: '冶炼' });
    expect(two.map((w) => w.word)).toEqual(['冶炼', '开采']);
    expect(toggleStarred(two, word).map((w) => w.word)).toEqual(['冶炼']);
    expect(removeStarred(two, '冶炼', 'u#p6.3').map((w) => w.word)).toEqual(['开采']);
  });

  it('reads what it stored, and reads damaged storage as far as it can', () => {
    expect(parseStarred(JSON.stringify([word]))).toEqual([word]);
    expect(parseStarred('not json')).toEqual([]);
    expect(parseStarred(null)).toEqual([]);
    expect(parseStarred('[{"word":"铜","pinyin":3},7,null]')).toEqual([
      { word: '铜', pinyin: '', traditional: '', definition: '', zh: '', en: '', url: '', title: '', at: '' },
    ]);
    expect(parseKnown('["铜",1]')).toEqual(new Set(['铜']));
    expect(parseKnown('{')).toEqual(new Set());
  });
});
