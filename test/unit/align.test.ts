import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { align, alignParagraphs, lengthProbability, type Bead } from '../../src/lib/document/align.ts';
import { checkOverride, parseOverride } from '../../src/lib/document/overrides.ts';
import { chineseNumeral, enNumbers, zhNumbers } from '../../src/lib/document/anchors.ts';
import { buildDocument, type DocumentModel } from '../../src/lib/document/model.ts';
import { sourceError } from './support/errors.ts';
import { splitHeadline } from '../../src/lib/document/headline.ts';
import { listDocumentFiles, loadDocument } from '../../src/node/load.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { corpusFiles, describeCorpus, FIXTURES_DIR, readCorpus, readSeed, SEED_FILE } from './support/corpus.ts';

/** Rows as `[Chinese row numbers, English paragraph numbers]`, the shape the gold is written in. */
const shape = (doc: DocumentModel) => doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)]);

/** Beads as `[Chinese indices, English indices]`. */
const groups = (beads: Bead[]) => beads.map((b) => [b.zh, b.en]);

/** The seed's body paragraphs (headline lines aside), as the aligner sees them. */
function seedBodies(): { zh: string[]; en: string[] } {
  const split = splitHeadline(parseDocument(readSeed(), SEED_FILE));
  return { zh: split.zhBody.map((p) => p.text), en: split.enBody.map((p) => p.text) };
}

/** Every index 0…n-1 of one side, once each and in reading order, across the beads. */
function expectCovers(beads: Bead[], zhCount: number, enCount: number): void {
  expect(beads.flatMap((b) => b.zh)).toEqual(Array.from({ length: zhCount }, (_, k) => k));
  expect(beads.flatMap((b) => b.en)).toEqual(Array.from({ length: enCount }, (_, k) => k));
  for (const b of beads) expect(b.zh.length + b.en.length).toBeGreaterThan(0);
}

describe('the gold alignment of the seed', () => {
  const doc = buildDocument(parseDocument(readSeed(), SEED_FILE));

  it('shows the three decks of the headline, unnumbered', () => {
    expect(doc.headlineZh).toEqual(['中共中央和国务院指示抓住大跃进中薄弱环节', '高速度发展铜铝工业', '动员全民土法冶炼，一年内把产量提高几倍']);
    expect(doc.headlineEn).toEqual([]);
  });

  it('has twelve rows: p1 with e1–e3, then p2…p12 one to one with e4…e14', () => {
    expect(shape(doc)).toEqual([
      [[1], [1, 2, 3]],
      [[2], [4]],
      [[3], [5]],
      [[4], [6]],
      [[5], [7]],
      [[6], [8]],
      [[7], [9]],
      [[8], [10]],
      [[9], [11]],
      [[10], [12]],
      [[11], [13]],
      [[12], [14]],
    ]);
  });

  it('pairs the three English lines of the dateline and heading with p1', () => {
    const first = doc.rows[0]!;
    expect(first.zh.map((z) => z.text.slice(0, 6))).toEqual(['新华社24日']);
    expect(first.zh[0]!.text).toMatch(/（一九五八年九月二十四日发布）$/);
    expect(first.en.map((e) => e.text)).toEqual([
      'Xinhua News Agency, September 24th:',
      'Instructions from the CCP Central Committee and the State Council on Vigorously Developing the Copper and Aluminum Industries',
      '(Issued September 24, 1958)',
    ]);
    expect(first.move).toBe('1-3');
  });

  it('pairs 目前我国六亿人民… (p2) with "Currently, China’s 600 million people…" (e4)', () => {
    expect(doc.rows[1]!.zh[0]!.text).toMatch(/^目前我国六亿人民/);
    expect(doc.rows[1]!.en[0]!.text).toMatch(/^Currently, China’s 600 million people/);
  });

  it('marks every row a pair, none of them uncertain or fixed', () => {
    expect(doc.rows).toHaveLength(12);
    for (const row of doc.rows) {
      expect(row.kind).toBe('pair');
      expect(row.low, `row p${row.zh[0]!.n}, confidence ${row.confidence}`).toBe(false);
      expect(row.fixed).toBe(false);
    }
  });
});

describe('anchors', () => {
  it('reads 一九五八 digit by digit as 1958', () => expect(chineseNumeral('一九五八')).toBe(1958));
  it('reads 二十四 as 24', () => expect(chineseNumeral('二十四')).toBe(24));
  it('reads 六亿 as 600000000', () => expect(chineseNumeral('六亿')).toBe(600_000_000));

  it('finds 1958, 9 and 24 in 一九五八年九月二十四日', () => {
    expect(zhNumbers('（一九五八年九月二十四日发布）')).toEqual([1958, 9, 24]);
  });

  it('finds 600000000 in 目前我国六亿人民', () => expect(zhNumbers('目前我国六亿人民')).toEqual([600_000_000]));

  it('gives no number for 两 in the approximate 两、三个月', () => {
    expect(zhNumbers('两、三个月')).not.toContain(2);
    expect(zhNumbers('两倍')).toEqual([2]);
  });

  it('reads full-width １９８８ as 1988', () => expect(zhNumbers('１９８８年世界贸易')).toEqual([1988]));

  it('reads "600 million" as 600000000 (and keeps 600)', () => {
    expect(enNumbers('China’s 600 million people')).toContain(600_000_000);
    expect(enNumbers('China’s 600 million people')).toContain(600);
  });

  it('finds 9 and 24 in "September 24th"', () => {
    expect(enNumbers('Xinhua News Agency, September 24th:')).toEqual([9, 24]);
  });
});

describe('lengthProbability', () => {
  it('is highest when the English is 3.5 times the Chinese and falls off either way', () => {
    const at = (en: number) => lengthProbability(100, en);
    expect(at(350)).toBeGreaterThan(0.99);
    expect(at(300)).toBeLessThan(at(350));
    expect(at(500)).toBeLessThan(at(300));
    expect(at(1000)).toBeLessThan(1e-6);
    expect(lengthProbability(100, 0)).toBeLessThan(1e-6);
  });

  it('is 1 for two empty sides', () => expect(lengthProbability(0, 0)).toBe(1));

  it('stays a probability (0…1) for every length pair, however exact the ratio', () => {
    const pairs = [
      [100, 350],
      [40, 140],
      [2, 7],
      [1000, 3500],
      [10, 30],
      [3, 200],
    ] as const;
    for (const [zh, en] of pairs) {
      const p = lengthProbability(zh, en);
      expect(p, `lengthProbability(${zh}, ${en})`).toBeGreaterThan(0);
      expect(p, `lengthProbability(${zh}, ${en})`).toBeLessThanOrEqual(1);
    }
  });
});

describe('alignParagraphs on variants of the seed', () => {
  const seed = seedBodies();
  const gold = alignParagraphs(seed.zh, seed.en);

  it('reproduces the gold on the bodies alone (0-based)', () => {
    expect(groups(gold)).toEqual([[[0], [0, 1, 2]], ...Array.from({ length: 11 }, (_, k) => [[k + 1], [k + 3]])]);
  });

  it('keeps both Chinese paragraphs in one row when one English paragraph translates both (2–1)', () => {
    // e5 ("However…", p3) and e6 ("In the past…", p4) made into one paragraph.
    const en = [...seed.en.slice(0, 4), `${seed.en[4]} ${seed.en[5]}`, ...seed.en.slice(6)];
    const beads = alignParagraphs(seed.zh, en);
    expect(groups(beads).slice(1, 4)).toEqual([
      [[1], [3]],
      [[2, 3], [4]],
      [[4], [5]],
    ]);
    expectCovers(beads, seed.zh.length, en.length);
  });

  it('gives one Chinese paragraph the three English paragraphs it was split into (1–3)', () => {
    // e6 ("In the past…", the English of p4) cut into three paragraphs at sentence ends.
    const sentences = seed.en[5]!.match(/[^.]+\./g)!.map((s) => s.trim());
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    const parts = [sentences.slice(0, 2).join(' '), sentences[2]!, sentences.slice(3).join(' ')].filter(Boolean);
    expect(parts).toHaveLength(3);
    const en = [...seed.en.slice(0, 5), ...parts, ...seed.en.slice(6)];
    const beads = alignParagraphs(seed.zh, en);
    expect(groups(beads).slice(2, 5)).toEqual([
      [[2], [4]],
      [[3], [5, 6, 7]],
      [[4], [8]],
    ]);
    expectCovers(beads, seed.zh.length, en.length);
  });

  it('puts an English paragraph with no original in a row of its own (0–1)', () => {
    const note =
      "Editor's note: The text of this instruction was broadcast in full by the Central People's Broadcasting Station on the evening of its release, and all provincial and municipal newspapers were asked to reprint it on their front pages together with an editorial explaining to readers why copper and aluminum matter so much for the machinery industry and for national defense.";
    const en = [...seed.en.slice(0, 4), note, ...seed.en.slice(4)];
    const beads = alignParagraphs(seed.zh, en);
    expect(groups(beads).slice(1, 4)).toEqual([
      [[1], [3]],
      [[], [4]],
      [[2], [5]],
    ]);
    expect(beads).toHaveLength(13);
    expectCovers(beads, seed.zh.length, en.length);
  });

  it('leaves Chinese paragraphs after a truncated translation without English (1–0)', () => {
    // The English stops in the middle of e9, the translation of p7.
    const cut = seed.en[8]!.slice(0, 120).replace(/\s+\S*$/, '');
    const en = [...seed.en.slice(0, 8), cut];
    const beads = alignParagraphs(seed.zh, en, { truncated: true });
    expect(groups(beads).at(5)).toEqual([[5], [7]]);
    expect(groups(beads).at(6)).toEqual([[6], [8]]);
    expect(groups(beads).slice(7)).toEqual([7, 8, 9, 10, 11].map((k) => [[k], []]));
    expectCovers(beads, seed.zh.length, en.length);
  });
});

describe('alignParagraphs with standalone paragraphs (bylines, credits)', () => {
  const zh = ['本报记者　王明', '铜的产量要在一年内提高几倍。今年全国都要行动起来，用土法炼铜，各省都要建设小铜矿。', '这是一项伟大的任务。'];
  const en = [
    'Copper output must rise several times within a year. This year the whole country must act, smelt copper by indigenous methods, and every province must build small copper mines.',
    'This is a great task.',
  ];

  it('merges a short byline into the paragraph after it when nothing marks it (the weakness the option is for)', () => {
    expect(groups(alignParagraphs(zh, en))[0]).toEqual([[0, 1], [0]]);
  });

  it('keeps a standalone byline with no English in a row of its own instead', () => {
    expect(groups(alignParagraphs(zh, en, { alone: [0] }))).toEqual([
      [[0], []],
      [[1], [0]],
      [[2], [1]],
    ]);
  });

  it('still pairs a standalone line with English of its own, one English line or several', () => {
    expect(groups(alignParagraphs(zh, ['Wang Ming, reporter', ...en], { alone: [0] }))[0]).toEqual([[0], [0]]);
    expect(groups(alignParagraphs(['长空比翼　　钟灵'], ['Wings Flying Together in the Long Sky', 'Zhong Ling'], { alone: [0] }))).toEqual([[[0], [0, 1]]]);
  });

  it('costs more when a paragraph is left without its English: the cost compares two readings of a document', () => {
    expect(align(zh, en, { alone: [0] }).cost).toBeLessThan(align(zh, en.slice(1), { alone: [0] }).cost);
  });

  it('starts after English paragraphs it may skip when that reading is likelier, and says how many it skipped', () => {
    const withTitle = ['Copper Output to Rise', ...en];
    expect(align(zh, withTitle, { alone: [0], skip: [-1.5] })).toMatchObject({ skipped: 1 });
    expect(groups(align(zh, withTitle, { alone: [0], skip: [-1.5] }).beads)[1]).toEqual([[1], [1]]);
    expect(align(zh, withTitle, { alone: [0], skip: [20] }).skipped).toBe(0);
  });
});

describeCorpus('alignment of a truncated translation in the corpus', () => {
  it('pairs p4 with the cut-off "On the viewing platforms were representatives…" and leaves p5…p19 without English (1954-10-02-p2-…national-day.md)', () => {
    const file = '1954-10-02-p2-over-ten-thousand-people-attend-national-day.md';
    const doc = buildDocument(parseDocument(readCorpus(file), file));
    expect(doc.rows).toHaveLength(19);
    expect(shape(doc).slice(0, 4)).toEqual([1, 2, 3, 4].map((k) => [[k], [k]]));
    const p4 = doc.rows[3]!;
    expect(p4.zh[0]!.text).toMatch(/^在观礼台上的有/);
    expect(p4.en[0]!.text).toMatch(/^On the viewing platforms were representatives/);
    expect(p4.kind).toBe('pair');
    const rest = doc.rows.slice(4);
    expect(rest.map((r) => r.zh.map((z) => z.n))).toEqual(Array.from({ length: 15 }, (_, k) => [k + 5]));
    for (const row of rest) {
      expect(row.kind).toBe('no-translation');
      expect(row.en).toEqual([]);
    }
  });
});

describeCorpus('credits at the end of corpus documents', () => {
  const rowsOf = (file: string) => shape(buildDocument(parseDocument(readCorpus(file), file)));

  it('marks the closing credit （据新华社讯） no translation instead of merging it into the last paragraph (1968-05-03-p5-brief-news.md)', () => {
    expect(rowsOf('1968-05-03-p5-brief-news.md').slice(-2)).toEqual([
      [[16], [17]],
      [[17], []],
    ]);
  });

  it('marks the closing byline （一峰） no translation (1989-03-02-p2-chinas-overseas-…)', () => {
    expect(rowsOf('1989-03-02-p2-chinas-overseas-shipping-fleet-ranks-eighth-in.md')).toEqual([
      [[1], [1]],
      [[2], [2]],
      [[3], []],
    ]);
  });

  it('keeps a credit the OCR broke in two (本版照片为本报记者 / 吕相友摄) in one row with its English (1967-10-01-p5-…)', () => {
    expect(rowsOf('1967-10-01-p5-our-most-beloved-great-leader-chairman-mao.md').at(-1)).toEqual([[5, 6], [5]]);
  });
});

describeCorpus('alignParagraphs over the whole corpus', () => {
  it('covers every paragraph index of both sides exactly once, in order, in every document', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    let beadsSeen = 0;
    for (const file of files) {
      const split = splitHeadline(parseDocument(readCorpus(file), file));
      const beads = alignParagraphs(
        split.zhBody.map((p) => p.text),
        split.enBody.map((p) => p.text),
      );
      expectCovers(beads, split.zhBody.length, split.enBody.length);
      beadsSeen += beads.length;
    }
    expect(beadsSeen).toBeGreaterThan(files.length);
  });

  it('still covers every index once when the last English paragraph is taken as truncated', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const split = splitHeadline(parseDocument(readCorpus(file), file));
      const beads = alignParagraphs(
        split.zhBody.map((p) => p.text),
        split.enBody.map((p) => p.text),
        { truncated: true },
      );
      expectCovers(beads, split.zhBody.length, split.enBody.length);
    }
  });
});

describe('parseOverride', () => {
  it('reads the four kinds of group and skips comments and blank lines', () => {
    const source = ['# Chinese rows = English paragraphs', 'p1 = e1-e3   # the dateline and heading', '', 'p5 p6 = e8', 'p7 = -', '- = e9'].join('\n');
    expect(parseOverride(source, 'x.txt.align')).toEqual([
      { zh: [1], en: [1, 2, 3], line: 2 },
      { zh: [5, 6], en: [8], line: 4 },
      { zh: [7], en: [], line: 5 },
      { zh: [], en: [9], line: 6 },
    ]);
  });

  it('accepts ranges written p5-6 or p5-p6, lists with commas, and CRLF line endings', () => {
    expect(parseOverride('p5-6 = e7,e8\r\np9-p10 = e9-10\r\n', 'x.align')).toEqual([
      { zh: [5, 6], en: [7, 8], line: 1 },
      { zh: [9, 10], en: [9, 10], line: 2 },
    ]);
  });

  it('reads an empty file as no groups', () => expect(parseOverride('# nothing yet\n\n', 'x.align')).toEqual([]));

  it('rejects a line that is not a group, at its line', () => {
    const error = sourceError(() => parseOverride('p1 = e1\np2 e2\n', 'seed.txt.align'));
    expect(error.line).toBe(2);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:2: "p2 e2" is not a group.
			  Fix: Write one group per line as \`p5 = e7\` (Chinese rows = English paragraphs)."
		`);
  });

  it('rejects a token that is not a row number, at its line', () => {
    const error = sourceError(() => parseOverride('# comment\nx1 = e1\n', 'seed.txt.align'));
    expect(error.line).toBe(2);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:2: "x1" is neither a Chinese row (p5) nor a range of them.
			  Fix: Write groups as \`p5 = e7\`, \`p5 p6 = e7-e8\`, \`p7 = -\` or \`- = e9\`."
		`);
  });

  it('rejects an English number on the Chinese side', () => {
    const error = sourceError(() => parseOverride('e1 = p1\n', 'seed.txt.align'));
    expect(error.message).toBe('seed.txt.align:1: "e1" is neither a Chinese row (p5) nor a range of them.');
  });

  it('rejects a range that runs backwards', () => {
    const error = sourceError(() => parseOverride('p1 = e1\np2 = e5-e3\n', 'seed.txt.align'));
    expect(error.line).toBe(2);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:2: the range "e5-e3" runs backwards.
			  Fix: Write the smaller number first, e.g. e3-e5."
		`);
  });

  it('rejects a group of paragraphs that are not neighbours', () => {
    const error = sourceError(() => parseOverride('p1 p3 = e1\n', 'seed.txt.align'));
    expect(error.line).toBe(1);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:1: the group "p1 p3" is not contiguous.
			  Fix: A group joins neighbouring paragraphs only; split it into several lines."
		`);
  });

  it('rejects "- = -", a group with neither side', () => {
    const error = sourceError(() => parseOverride('p1 = e1\n\n- = -\n', 'seed.txt.align'));
    expect(error.line).toBe(3);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:3: a group needs a Chinese or an English side.
			  Fix: Write \`p7 = -\` or \`- = e9\`, not \`- = -\`."
		`);
  });
});

describe('checkOverride against the seed (12 rows, English e1…e14)', () => {
  const check = (source: string) => () => checkOverride(parseOverride(source, 'seed.txt.align'), 12, 1, 14, 'seed.txt.align');

  it('accepts groups in reading order', () => expect(check('p1 = e1-e3\np2 = e4-e5\np3 = -\n- = e6\n')).not.toThrow());

  it('rejects a row number the document does not have, at its line', () => {
    const error = sourceError(check('p1 = e1-e3\np13 = e14\n'));
    expect(error.line).toBe(2);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:2: p13 does not exist: the document has rows p1 to p12.
			  Fix: Check the row numbers with \`npm run align:report\`."
		`);
  });

  it('rejects an English number past the last paragraph', () => {
    const error = sourceError(check('p12 = e15\n'));
    expect(error.line).toBe(1);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:1: e15 is not an English body paragraph (they are e1 to e14; lines before e1 repeat the headline).
			  Fix: Check the English numbers with \`npm run align:report\`."
		`);
  });

  it('rejects groups out of order, at the line that goes back', () => {
    const error = sourceError(check('p3 = e5\np2 = e4\n'));
    expect(error.line).toBe(2);
    expect(error.format()).toMatchInlineSnapshot(`
			"seed.txt.align:2: groups are out of order.
			  Fix: List groups in reading order, each after the one above it."
		`);
  });

  it('rejects a row named in two groups', () => {
    const error = sourceError(check('p2 = e4\np2 = e5\n'));
    expect(error.line).toBe(2);
    expect(error.message).toBe('seed.txt.align:2: p2 is named twice.');
  });
});

describe('buildDocument with an override', () => {
  const parsed = parseDocument(readSeed(), SEED_FILE);
  const build = (source: string) => buildDocument(parsed, { groups: parseOverride(source, `${SEED_FILE}.align`), file: `${SEED_FILE}.align` });

  it('forces p2 = e4-e5 and realigns around it: p1 keeps e1–e3, p3 loses its English, p4…p12 keep theirs', () => {
    const doc = build('p2 = e4-e5\n');
    expect(shape(doc)).toEqual([[[1], [1, 2, 3]], [[2], [4, 5]], [[3], []], ...Array.from({ length: 9 }, (_, k) => [[k + 4], [k + 6]])]);
    const forced = doc.rows[1]!;
    expect(forced).toMatchObject({ kind: 'pair', fixed: true, low: false, confidence: 1, move: '1-2' });
    expect(doc.rows[2]!.kind).toBe('no-translation');
    expect(doc.rows.filter((r) => r.fixed)).toHaveLength(1);
  });

  it('keeps every Chinese row and English paragraph exactly once, in order, under any override', () => {
    const overrides = ['p2 = e4-e5\n', 'p1 = e1\n', '- = e7\n', 'p6 = -\np12 = e12-e14\n', 'p3 p4 = e5\n'];
    for (const source of overrides) {
      const doc = build(source);
      expect(
        doc.rows.flatMap((r) => r.zh.map((z) => z.n)),
        source,
      ).toEqual(Array.from({ length: 12 }, (_, k) => k + 1));
      expect(
        doc.rows.flatMap((r) => r.en.map((e) => e.e)),
        source,
      ).toEqual(Array.from({ length: 14 }, (_, k) => k + 1));
    }
  });

  it('makes - = e7 (the English of p5) a row with no original: p5 is left without English, and the order stays p4, p5, e7, p6', () => {
    const doc = build('- = e7\n');
    expect(shape(doc).slice(3, 7)).toEqual([
      [[4], [6]],
      [[5], []],
      [[], [7]],
      [[6], [8]],
    ]);
    expect(doc.rows[5]).toMatchObject({ kind: 'no-original', fixed: true, move: '0-1' });
    expect(doc.rows[4]).toMatchObject({ kind: 'no-translation', fixed: false, move: '1-0' });
  });

  it('throws with the .align file name and line for a row the document does not have', () => {
    expect(() => build('p1 = e1-e3\np13 = e14\n')).toThrowErrorMatchingInlineSnapshot(
      `[SourceError: 1958-09-25-p1-copper-and-aluminum.txt.align:2: p13 does not exist: the document has rows p1 to p12.]`,
    );
  });
});

describe('loadDocument with an .align sidecar', () => {
  const dir = resolve(FIXTURES_DIR, 'override');

  it('lists the document only: not its .align file, not README.md', () => {
    expect(listDocumentFiles(dir)).toEqual(['1958-09-26-p2-copper-smelting.txt']);
  });

  it('applies the sidecar: p2 gets e2–e3 and p3 is marked as having no translation', () => {
    const loaded = loadDocument(dir, '1958-09-26-p2-copper-smelting.txt');
    expect(loaded.override).toMatch(/^# The second Chinese paragraph/);
    expect(loaded.path).toBe('1958-09-26/p2/copper-smelting/');
    expect(loaded.data.rows.map((r) => [r.kind, r.zh.map((z) => z.n), r.en.map((e) => e.e), r.fixed])).toEqual([
      ['pair', [1], [1], false],
      ['pair', [2], [2, 3], true],
      ['no-translation', [3], [], true],
    ]);
  });
});
