import { describe, expect, it } from 'vitest';
import { buildDocument, type Row } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { alignSentences, rowSentences, splitEnSentences, splitZhSentences, type RowSentences } from '../../src/lib/document/sentences.ts';
import { rowsOf } from '../fixtures/plugins/cases.ts';
import { corpusFiles, describeCorpus, readCorpus, readSeed, SEED_FILE } from './support/corpus.ts';

const seed = buildDocument(parseDocument(readSeed(), SEED_FILE));
const seedRow = (n: number): Row => {
  const row = seed.rows.find((r) => r.zh.some((z) => z.n === n));
  if (!row) throw new Error(`the seed has no row p${n}`);
  return row;
};

/** English sentences as `[text, ids]`, trimmed: the shape a reader checks. */
const english = (s: RowSentences) => s.en.flatMap((p) => p.sentences.map((x) => [x.text.trim(), x.ids.join(' ')]));

/** Every paragraph of the row comes back whole from its sentence parts, on both sides. */
function expectWhole(row: Row, where: string): void {
  const s = rowSentences(row);
  expect(
    s.zh.map((p) => p.n),
    where,
  ).toEqual(row.zh.map((z) => z.n));
  expect(
    s.en.map((p) => p.e),
    where,
  ).toEqual(row.en.map((e) => e.e));
  row.zh.forEach((z, k) => expect(s.zh[k]!.sentences.map((x) => x.text).join(''), `${where} p${z.n}`).toBe(z.text));
  row.en.forEach((e, k) => expect(s.en[k]!.sentences.map((x) => x.text).join(''), `${where} e${e.e}`).toBe(e.text));
}

describe('sentences in the model', () => {
  it('are aligned once when the document is built: the stored sentences are the aligner’s', () => {
    for (const row of seed.rows) expect(rowSentences(row)).toEqual(alignSentences(row));
  });

  it('are stored as lengths and ids, not as a second copy of the text', () => {
    const row = seedRow(6);
    expect(JSON.stringify(row.sentences)).not.toContain(row.zh[0]!.text.slice(0, 4));
    expect(row.sentences.zh[0]!.reduce((a, b) => a + b, 0)).toBe(row.zh[0]!.text.length);
  });
});

describe('keeping every character', () => {
  it('gives back each seed paragraph, Chinese and English, from its sentences', () => {
    for (const row of seed.rows) expectWhole(row, `seed row ${row.zh[0]?.n}`);
  });

  it('keeps odd white space, quotes, ellipses and unfinished sentences', () => {
    expectWhole(
      rowsOf([
        {
          zh: [[1, '他说：“好。”然后走了……  没有句号']],
          en: [[1, 'He said, "Good."   Then he left...\tNo full stop; and a semicolon!  Why?']],
        },
      ])[0]!,
      'hand-made row',
    );
  });

  it('keeps an English sentence that repeats an earlier one', () => {
    expectWhole(rowsOf([{ zh: [[1, '好。好。']], en: [[1, 'Good. Good.  Good.']] }])[0]!, 'repeats');
  });
});

describe('where sentences end', () => {
  it('keeps titles, numbers, initials and U.S. inside a sentence ("Mr. Hoskin", "Typhoon No. 7", "A. I. Denisov")', () => {
    expect(splitEnSentences('Dr. Hoskin thanked Mr. Guo. Typhoon No. 7 hit the U.S. Navy base. Professor A. I. Denisov and E.F. Hill spoke.')).toEqual([
      'Dr. Hoskin thanked Mr. Guo.',
      'Typhoon No. 7 hit the U.S. Navy base.',
      'Professor A. I. Denisov and E.F. Hill spoke.',
    ]);
  });

  it('goes on after a stop followed by a lower-case word ("at 2:00 a.m. today", "Buckley Jr. and")', () => {
    expect(splitEnSentences('It was centered at 2:00 a.m. today. Buckley Jr. and Reagan met.')).toEqual([
      'It was centered at 2:00 a.m. today.',
      'Buckley Jr. and Reagan met.',
    ]);
  });

  it("ends a sentence after a closing single quote, and keeps an item's number (1.) with the item", () => {
    expect(splitEnSentences("We visited the 'Red Guards Exhibition.' Through it we learned. 1. Loans were unfair.")).toEqual([
      "We visited the 'Red Guards Exhibition.'",
      'Through it we learned.',
      '1. Loans were unfair.',
    ]);
  });

  it('splits at semicolons on both sides, as the Chinese enumerates with ；', () => {
    expect(splitZhSentences('一是出差借支；二是借款盖房。')).toEqual(['一是出差借支；', '二是借款盖房。']);
    expect(splitEnSentences('first, travel; second, houses.')).toEqual(['first, travel;', 'second, houses.']);
  });

  it('does not end a sentence inside a quotation it goes on after: “毛主席万岁！万万岁！”的欢呼声响彻云霄。', () => {
    expect(splitZhSentences('顿时，“毛主席万岁！万万岁！”的欢呼声响彻云霄。他说：“好。”然后走了。')).toEqual([
      '顿时，“毛主席万岁！',
      '万万岁！”的欢呼声响彻云霄。',
      '他说：“好。”',
      '然后走了。',
    ]);
  });
});

describe('untranslated credits', () => {
  it('leaves a credit in brackets that the English leaves out without English, instead of giving its anchor to the sentence before', () => {
    const [row] = rowsOf([
      { zh: [[3, '经医院全力抢救，这小孩才幸免一死。（章德春）']], en: [[3, "Thanks to the hospital's emergency treatment, the child's life was saved."]] },
    ]);
    expect(english(rowSentences(row!))).toEqual([["Thanks to the hospital's emergency treatment, the child's life was saved.", 'p3.1']]);
  });

  it('pairs a credit with its English when the translation has one', () => {
    const [row] = rowsOf([{ zh: [[4, '代表团已在北京。（新华社）']], en: [[4, 'The delegation is in Beijing. (Xinhua News Agency)']] }]);
    expect(english(rowSentences(row!)).map(([, ids]) => ids)).toEqual(['p4.1', 'p4.2']);
  });
});

describe('Chinese anchors', () => {
  it('numbers the sentences of paragraph n as pn.1, pn.2 … in order', () => {
    for (const row of seed.rows) {
      for (const p of rowSentences(row).zh) {
        expect(p.sentences.map((s) => s.id)).toEqual(p.sentences.map((_, k) => `p${p.n}.${k + 1}`));
      }
    }
  });

  it('numbers each paragraph of a merged row from 1 again', () => {
    const [row] = rowsOf([
      {
        zh: [
          [6, '甲。乙。'],
          [7, '丙。'],
        ],
        en: [[9, 'A. B. C.']],
      },
    ]);
    expect(rowSentences(row!).zh.map((p) => p.sentences.map((s) => s.id))).toEqual([['p6.1', 'p6.2'], ['p7.1']]);
  });

  it('splits the seed p5 into its eight sentences, p5.2 being 我们认为完全有条件完成这个任务。', () => {
    const [p5] = rowSentences(seedRow(5)).zh;
    expect(p5!.sentences).toHaveLength(8);
    expect(p5!.sentences[1]).toEqual({ id: 'p5.2', text: '我们认为完全有条件完成这个任务。' });
    expect(p5!.sentences[0]!.text).toBe('有没有可能在一年的时间中，把我国的铜、铝产量提高几倍呢？');
  });
});

describe('English sentences and their counterparts', () => {
  const p5 = english(rowSentences(seedRow(5)));

  it('pairs the seed p5 sentence by sentence, with p5.6 and p5.8 each translated by two sentences', () => {
    expect(p5.map(([, ids]) => ids)).toEqual(['p5.1', 'p5.2', 'p5.3', 'p5.4', 'p5.5', 'p5.6', 'p5.6', 'p5.7', 'p5.8', 'p5.8']);
  });

  it('gives p5.2 the English "We believe that we are fully capable of completing this task."', () => {
    expect(p5.filter(([, ids]) => ids === 'p5.2').map(([text]) => text)).toEqual(['We believe that we are fully capable of completing this task.']);
  });

  it('gives p5.6 both English sentences about resources (a 1–2 merge)', () => {
    expect(p5.filter(([, ids]) => ids === 'p5.6').map(([text]) => text)).toEqual([
      'China is extremely rich in copper and aluminum resources.',
      'According to geological data and reports from the masses, many copper and aluminum mines have been discovered in all provinces and autonomous regions of China.',
    ]);
  });

  it('gives one English sentence that translates two Chinese ones both anchors (p6.2 and p6.3, a 2–1 merge)', () => {
    const p6 = english(rowSentences(seedRow(6)));
    const because = p6.find(([text]) => text.startsWith('Because copper mines are widely distributed'));
    expect(because?.[1]).toBe('p6.2 p6.3');
  });

  it('pairs one Chinese sentence with two English ones in a hand-made row', () => {
    const [row] = rowsOf([
      {
        zh: [[1, '我国铜、铝资源十分丰富，根据地质资料和群众报矿，我国所有的省和自治区，都发现很多铜矿、铝矿。有了资源，就可以遍地开花。']],
        en: [
          [
            1,
            'China is extremely rich in copper and aluminum resources. Many mines have been discovered in all provinces and autonomous regions of China. With resources, it can blossom everywhere.',
          ],
        ],
      },
    ]);
    expect(english(rowSentences(row!)).map(([, ids]) => ids)).toEqual(['p1.1', 'p1.1', 'p1.2']);
  });

  it('leaves English without anchors when the row has no Chinese, and Chinese without partners when it has no English', () => {
    const [noOriginal, noTranslation] = rowsOf([
      { zh: [], en: [[4, 'An added note. Another.']] },
      { zh: [[5, '没有翻译。真的。']], en: [] },
    ]);
    expect(english(rowSentences(noOriginal!))).toEqual([
      ['An added note.', ''],
      ['Another.', ''],
    ]);
    expect(rowSentences(noTranslation!).zh[0]!.sentences.map((s) => s.id)).toEqual(['p5.1', 'p5.2']);
  });

  it('gives every English sentence of a seed row with Chinese at least one anchor of that row', () => {
    for (const row of seed.rows) {
      const s = rowSentences(row);
      const own = new Set(s.zh.flatMap((p) => p.sentences.map((x) => x.id)));
      for (const [text, ids] of english(s)) {
        expect(ids, text).not.toBe('');
        for (const id of ids.split(' ')) expect(own.has(id), `${id} for "${text}"`).toBe(true);
      }
    }
  });
});

describeCorpus('sentences of corpus rows that the English splits differently', () => {
  const row = (file: string, n: number) => buildDocument(parseDocument(readCorpus(file), file)).rows.find((r) => r.zh.some((z) => z.n === n))!;

  it('gives both English sentences of p4.1 to p4.1 when the next Chinese sentence has two of its own (1989-03-01-p6-strictly-control-…)', () => {
    const ids = english(rowSentences(row('1989-03-01-p6-strictly-control-public-funds-borrowing-for.md', 4))).map(([, ids]) => ids);
    expect(ids.slice(0, 4)).toEqual(['p4.1', 'p4.1', 'p4.2', 'p4.2']);
  });

  it('gives "Is it better to do it earlier, or later?" both Chinese questions 早一点好？还是晚一点好？ (1958-09-01-p3-advocate-…)', () => {
    const s = english(rowSentences(row('1958-09-01-p3-advocate-for-appropriately-early-sweet-potato.md', 3)));
    expect(s.find(([text]) => text.startsWith('Is it better'))?.[1]).toBe('p3.2 p3.3');
  });
});

describeCorpus('sentences across the archive corpus', () => {
  it('keeps every character of every paragraph of the 200 documents', () => {
    for (const file of corpusFiles()) {
      const doc = buildDocument(parseDocument(readCorpus(file), file));
      for (const row of doc.rows) expectWhole(row, `${file} row ${row.zh[0]?.n ?? `e${row.en[0]?.e}`}`);
    }
  }, 60_000);
});
