import { describe, expect, it } from 'vitest';
import { combineTerms, concordance, glossaryWarnings, renderingsFound, summarizeTerms, type ConcordanceDoc } from '../../src/lib/glossary/concordance.ts';
import { splitEnSentences, splitZhSentences } from '../../src/lib/document/sentences.ts';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { rowsOf } from '../fixtures/plugins/cases.ts';
import { readSeed, SEED_FILE } from './support/corpus.ts';

const seed = buildDocument(parseDocument(readSeed(), SEED_FILE));
const SEED: ConcordanceDoc = {
  path: '1958-09-25/p1/copper-and-aluminum/',
  date: seed.date,
  page: seed.page,
  title: seed.title,
  headlineZh: seed.headlineZh,
  rows: seed.rows,
};

/** A one-document corpus from `[n, text]` pairs. */
function docOf(rows: Parameters<typeof rowsOf>[0], title = 'A Title'): ConcordanceDoc {
  return { path: '1960-01-01/p2/x/', date: '1960-01-01', page: 2, title, headlineZh: ['标题'], rows: rowsOf(rows) };
}

const TUYANG = { key: '土洋并举', renderings: ['combining indigenous and foreign methods'] };

describe('splitZhSentences', () => {
  it('ends a sentence at 。！？；and …, keeping the punctuation with it', () => {
    expect(splitZhSentences('甲。乙！丙？丁；戊……己')).toEqual(['甲。', '乙！', '丙？', '丁；', '戊……', '己']);
  });

  it('keeps a closing quote with the sentence it closes', () => {
    expect(splitZhSentences('他说：“好。”然后走了。')).toEqual(['他说：“好。”', '然后走了。']);
  });

  it('does not split at commas or the enumeration comma of 县、区、乡、社', () => {
    expect(splitZhSentences('应当普遍地组织县、区、乡、社，在一切有矿源的地方进行土法开采和冶炼。')).toHaveLength(1);
  });

  it('returns text without an end mark as one sentence', () => {
    expect(splitZhSentences('（一九五八年九月二十四日发布）')).toEqual(['（一九五八年九月二十四日发布）']);
  });

  it('loses no character: the sentences of every seed paragraph join back to the paragraph', () => {
    const paragraphs = seed.rows.flatMap((r) => r.zh.map((z) => z.text));
    expect(paragraphs.length).toBe(12);
    for (const p of paragraphs) expect(splitZhSentences(p).join('')).toBe(p);
    expect(splitZhSentences(paragraphs[5]!).length).toBeGreaterThan(5);
  });
});

describe('splitEnSentences', () => {
  it('ends a sentence at . ! ? ; followed by white space', () => {
    expect(splitEnSentences('One. Two! Three? Four; five.')).toEqual(['One.', 'Two!', 'Three?', 'Four;', 'five.']);
  });

  it('keeps a closing quote or bracket with its sentence', () => {
    expect(splitEnSentences('He said "yes." Then left.')).toEqual(['He said "yes."', 'Then left.']);
    expect(splitEnSentences('Costs rose (sharply.) Then fell.')).toEqual(['Costs rose (sharply.)', 'Then fell.']);
  });

  it('does not split inside a number or a word: 1959. is an end, 3.5 is not', () => {
    expect(splitEnSentences('Output rose 3.5 times in 1959. Then more.')).toEqual(['Output rose 3.5 times in 1959.', 'Then more.']);
  });
});

describe('concordance on the seed', () => {
  const found = concordance(
    [
      TUYANG,
      { key: '土法', renderings: ['indigenous methods', 'indigenous production'] },
      { key: '土法冶炼', renderings: ['indigenous smelting'] },
      { key: '共青团', renderings: ['Communist Youth League'] },
    ],
    [SEED],
  );

  it('finds 土洋并举 once, in p6, with its Chinese sentence split around the term', () => {
    const hits = found.get('土洋并举')!;
    expect(hits).toHaveLength(1);
    expect(hits[0]!.n).toBe(6);
    expect(hits[0]!.doc.path).toBe(SEED.path);
    expect(hits[0]!.zh).toEqual(['这样', '土洋并举', '，首先以土为主，然后由土到洋的作法，将能迅速地提高我国的铜产量。']);
  });

  it('finds the English counterpart by its rendering and splits it out of its sentence', () => {
    const [hit] = found.get('土洋并举')!;
    expect(hit!.en).toEqual([
      'This approach of ',
      'combining indigenous and foreign methods',
      ", first focusing on indigenous methods, and then transitioning from indigenous to foreign methods, will rapidly increase China's copper output.",
    ]);
  });

  it('lists every occurrence of 土法, each in its own sentence (not inside 土法冶炼)', () => {
    const hits = found.get('土法')!;
    expect(hits.map((h) => h.n)).toEqual([6, 6, 6, 8]);
    expect(hits.map((h) => h.zh[1])).toEqual(['土法', '土法', '土法', '土法']);
    expect(hits.slice(0, 3).map((h) => h.zh.join(''))).toEqual([
      '因此，应当普遍地组织县、区、乡、社，在一切有矿源的地方进行土法开采和冶炼。',
      '这种不用或者少用机械的土法生产，可以到处开花。',
      '在土法生产的过程中，逐步实现半机械化和小型机械化，以提高回收率，提高产量。',
    ]);
    expect(found.get('土法冶炼')!.map((h) => h.n)).toEqual([6]);
  });

  it('finds 共青团 in p8 with Communist Youth League as its counterpart', () => {
    const [hit] = found.get('共青团')!;
    expect(hit!.n).toBe(8);
    expect(hit!.en![1]).toBe('Communist Youth League');
    expect(hit!.en![0] + hit!.en![1] + hit!.en![2]).toMatch(/^Communist Youth League organizations at all levels should mobilize/);
  });

  it('gives every term a list, empty when it never occurs', () => {
    const none = concordance([{ key: '人民公社', renderings: [] }], [SEED]);
    expect(none.get('人民公社')).toEqual([]);
  });
});

describe('concordance on small documents', () => {
  it('shows the whole English of the row, unmarked, when no rendering is found', () => {
    const doc = docOf([{ zh: [[1, '这样土洋并举。']], en: [[1, 'Walk on two legs. Both at once.']] }]);
    const [hit] = concordance([TUYANG], [doc]).get('土洋并举')!;
    expect(hit!.en).toEqual(['', '', 'Walk on two legs. Both at once.']);
  });

  it('has no English counterpart for a row without translation', () => {
    const doc = docOf([{ zh: [[1, '这样土洋并举。']], en: [] }]);
    const [hit] = concordance([TUYANG], [doc]).get('土洋并举')!;
    expect(hit!.en).toBeNull();
  });

  it('gives the aligned English sentences of a row with several English paragraphs, the rendering split out', () => {
    const doc = docOf([
      {
        zh: [[3, '这样土洋并举。']],
        en: [
          [3, 'First part.'],
          [4, 'Then combining indigenous and foreign methods.'],
        ],
      },
    ]);
    const [hit] = concordance([TUYANG], [doc]).get('土洋并举')!;
    expect(hit!.en).toEqual(['First part. Then ', 'combining indigenous and foreign methods', '.']);
  });

  it('links an occurrence in the second paragraph of a merged row to that paragraph (#p5)', () => {
    const doc = docOf([
      {
        zh: [
          [4, '有没有可能？'],
          [5, '这样土洋并举。'],
        ],
        en: [[4, 'combining indigenous and foreign methods']],
      },
    ]);
    expect(
      concordance([TUYANG], [doc])
        .get('土洋并举')!
        .map((h) => h.n),
    ).toEqual([5]);
  });

  it('lists occurrences in document order across documents', () => {
    const a = { ...docOf([{ zh: [[1, '土洋并举。']], en: [] }]), path: 'a/' };
    const b = { ...docOf([{ zh: [[7, '又是土洋并举。']], en: [] }]), path: 'b/' };
    expect(
      concordance([TUYANG], [a, b])
        .get('土洋并举')!
        .map((h) => [h.doc.path, h.n]),
    ).toEqual([
      ['a/', 1],
      ['b/', 7],
    ]);
  });

  it('uses the page’s own matching: the longer term wins, so 土法 inside 土法冶炼 is not listed under 土法', () => {
    const doc = docOf([{ zh: [[1, '土法冶炼。']], en: [] }]);
    const found = concordance(
      [
        { key: '土法', renderings: [] },
        { key: '土法冶炼', renderings: [] },
      ],
      [doc],
    );
    expect(found.get('土法')).toEqual([]);
    expect(found.get('土法冶炼')).toHaveLength(1);
  });
});

describe('glossaryWarnings', () => {
  const warn = (terms: { key: string; renderings: string[]; file: string }[], docs: ConcordanceDoc[]) =>
    glossaryWarnings(terms, new Map([...concordance(terms, docs)].map(([k, o]) => [k, o.length])), renderingsFound(terms, docs));

  it('says nothing when every term and rendering occurs', () => {
    expect(warn([{ ...TUYANG, file: 'content/glossary/tuyangbingju.yaml' }], [SEED])).toEqual([]);
  });

  it('warns, naming the file, about a term that occurs in no document', () => {
    expect(warn([{ key: '人民公社', renderings: [], file: 'content/glossary/renmingongshe.yaml' }], [SEED])).toEqual([
      'content/glossary/renmingongshe.yaml: the term 人民公社 occurs in no document.',
    ]);
  });

  it('warns, naming the file and the rendering, about a rendering that occurs in no English', () => {
    const terms = [
      { key: '土洋并举', renderings: ['combining indigenous and foreign methods', 'walking on two legs'], file: 'content/glossary/tuyangbingju.yaml' },
    ];
    expect(warn(terms, [SEED])).toEqual(['content/glossary/tuyangbingju.yaml: the rendering "walking on two legs" occurs in no English paragraph.']);
  });

  it('matches renderings as the page does: a plural or a hyphen variant is no reason to warn', () => {
    const terms = [
      { key: '薄弱环节', renderings: ['weak link'], file: 'boruohuanjie.yaml' },
      { key: '第一个五年计划', renderings: ['First Five Year Plan'], file: 'diyigewunianjihua.yaml' },
    ];
    expect(warn(terms, [SEED])).toEqual([]);
  });

  it('gives both warnings for a term that is nowhere at all', () => {
    expect(warn([{ key: '人民公社', renderings: ["people's commune"], file: 'renmingongshe.yaml' }], [SEED])).toHaveLength(2);
  });

  it('does not warn about a rendering the page marks in a document’s English title (weak links)', () => {
    // The seed's title reads "…Seize Weak Links in the Great Leap Forward…" and the headline marks it.
    expect(SEED.title).toContain('Weak Links');
    const terms = [{ key: '薄弱环节', renderings: ['weak links'], file: 'boruohuanjie.yaml' }];
    expect(warn(terms, [SEED])).toEqual([]);
  });
});

describe('term summaries of separate parts', () => {
  const at = (path: string, date: string, n: number) => ({ ...docOf([{ zh: [[n, '土洋并举。']], en: [] }]), path, date });
  const docs = [at('a/', '1950-01-01', 1), at('b/', '1955-03-02', 2), at('c/', '1955-03-02', 3), at('d/', '1960-05-05', 4), at('e/', '1961-01-01', 5)];

  it('counts occurrences and documents and keeps the newest, newest first', () => {
    const [t] = summarizeTerms(concordance([TUYANG], docs), 2);
    expect(t).toMatchObject({ key: '土洋并举', count: 5, docs: 5 });
    expect(t!.newest.map((o) => o.doc.path)).toEqual(['e/', 'd/']);
  });

  it('lists a document’s own occurrences in reading order', () => {
    const doc = docOf([
      { zh: [[1, '土洋并举。']], en: [] },
      { zh: [[2, '又土洋并举，再土洋并举。']], en: [] },
    ]);
    const [t] = summarizeTerms(concordance([TUYANG], [docs[0]!, doc]));
    expect(t!.newest.map((o) => [o.doc.path, o.n])).toEqual([
      [doc.path, 1],
      [doc.path, 2],
      [doc.path, 2],
      ['a/', 1],
    ]);
  });

  it('combines the summaries of parts as if they were one, whichever order the parts come in', () => {
    const one = summarizeTerms(concordance([TUYANG], docs), 3);
    const parts = [docs.slice(3), docs.slice(0, 1), docs.slice(2, 3), docs.slice(1, 2)].map((part) => summarizeTerms(concordance([TUYANG], part), 3));
    expect(combineTerms(parts, 3).get('土洋并举')).toEqual(one[0]);
    expect(combineTerms(parts.reverse(), 3).get('土洋并举')).toEqual(one[0]);
  });

  it('carries only what a concordance line shows of its document, not its rows', () => {
    const [t] = summarizeTerms(concordance([TUYANG], docs));
    expect(Object.keys(t!.newest[0]!.doc).sort()).toEqual(['date', 'headlineZh', 'page', 'path']);
  });
});
