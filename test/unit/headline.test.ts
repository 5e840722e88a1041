import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { splitHeadline } from '../../src/lib/document/headline.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { describeCorpus, readCorpus, readSeed, SEED_FILE } from './support/corpus.ts';

/** Parses a document and returns its headline split and its rows. */
function read(source: string, file: string) {
  const parsed = parseDocument(source, file);
  return { split: splitHeadline(parsed), doc: buildDocument(parsed) };
}

const texts = (ps: { text: string }[]) => ps.map((p) => p.text);

/** A small document whose Chinese body starts with the given lines. */
function minimal(
  headline: string,
  zhBody: string[],
  enBody: string[],
  title = 'Copper Output to Rise',
  head: { byline?: string; author?: string; column?: string } = {},
): string {
  return [
    `Title: ${title}`,
    `Author: ${head.author ?? ''}`,
    'Date: 1958-09-25',
    'Page: 1',
    '',
    ...enBody,
    '',
    '<hr />',
    '',
    'Original:',
    '',
    `### ${headline}`,
    ...(head.byline ? [head.byline] : ['']),
    '1958-09-25',
    '第1版()',
    `专栏：${head.column ?? ''}`,
    '',
    ...zhBody.map((t) => `    ${t}`),
    '',
  ].join('\n');
}

describe('splitHeadline on the seed', () => {
  const { split, doc } = read(readSeed(), SEED_FILE);

  it('takes the three repeated decks at the top of the Chinese body as the headline', () => {
    expect(texts(split.zhHead)).toEqual(['中共中央和国务院指示抓住大跃进中薄弱环节', '高速度发展铜铝工业', '动员全民土法冶炼，一年内把产量提高几倍']);
    expect(doc.headlineLines).toEqual([34, 35, 36]);
  });

  it('numbers 新华社24日讯… as p1, not the decks', () => {
    expect(split.zhBody[0]!.text).toMatch(/^新华社24日讯/);
    expect(doc.rows[0]!.zh[0]).toMatchObject({ n: 1, line: 37 });
    expect(doc.rows.flatMap((r) => r.zh.map((z) => z.text))).not.toContain('高速度发展铜铝工业');
  });

  it('takes no English line as headline: the dateline is the start of the translation', () => {
    expect(split.enHead).toEqual([]);
    expect(split.enBody[0]!.text).toBe('Xinhua News Agency, September 24th:');
  });
});

describe('splitHeadline on small documents', () => {
  it('uses the ### line as the headline when the body does not repeat it', () => {
    const { split, doc } = read(
      minimal('铜产量要提高几倍', ['铜的产量要在一年内提高几倍。'], ['Copper output will rise several times within a year.']),
      'x.txt',
    );
    expect(split.zhHead).toEqual([]);
    expect(doc.headlineZh).toEqual(['铜产量要提高几倍']);
    expect(doc.headlineLines).toEqual([12]);
    expect(doc.rows[0]!.zh[0]!.n).toBe(1);
  });

  it('never takes the only paragraph of a body as its headline, even when it repeats the ### line', () => {
    const { split, doc } = read(minimal('铜产量要提高几倍', ['铜产量要提高几倍'], ['Copper Output to Rise']), 'x.txt');
    expect(split.zhHead).toEqual([]);
    expect(split.enHead).toEqual([]);
    expect(doc.rows.map((r) => [texts(r.zh), texts(r.en)])).toEqual([[['铜产量要提高几倍'], ['Copper Output to Rise']]]);
  });

  it('stops at a long line: a paragraph over 40 characters is never headline, even if a deck follows', () => {
    const long = '新华社24日讯  中共中央、国务院关于大力发展铜、铝工业的指示今天发布，要求各地立即行动起来。';
    expect(long.length).toBeGreaterThan(40);
    const { split } = read(
      minimal(
        '铜铝工业',
        [long, '铜铝工业', '铜的产量要在一年内提高几倍。'],
        ['Xinhua News Agency, September 24th: the instructions.', 'Copper and aluminum.', 'Output will rise.'],
      ),
      'x.txt',
    );
    expect(split.zhHead).toEqual([]);
  });
});

describe('bylines, decks and kickers at the head of small documents', () => {
  const paragraph = '铜的产量要在一年内提高几倍。今年全国都要行动起来，用土法炼铜，各省都要建设小铜矿。';
  const english =
    'Copper output must rise several times within a year. This year the whole country must act, smelt copper by indigenous methods, and every province must build small copper mines.';

  it('keeps a byline with no English in a row of its own, marked no translation, and pairs p2 with the first English paragraph', () => {
    const { split, doc } = read(
      minimal('铜产量要提高几倍', ['铜产量要提高几倍', '本报记者　王明', paragraph], ['Copper Output to Rise', english], undefined, { byline: '王明' }),
      'x.txt',
    );
    expect(texts(split.zhHead)).toEqual(['铜产量要提高几倍']);
    expect(doc.headlineEn.map((e) => e.e)).toEqual([1]);
    expect(doc.rows.map((r) => [r.kind, r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual([
      ['no-translation', [1], []],
      ['pair', [2], [2]],
    ]);
  });

  it('pairs a byline in the body with the English byline, in a row of its own', () => {
    const { doc } = read(
      minimal(
        '铜产量要提高几倍',
        ['铜产量要提高几倍', '本报记者　王明', paragraph],
        ['Copper Output to Rise', 'Wang Ming, reporter of this newspaper', english],
        undefined,
        { byline: '王明', author: 'Wang Ming' },
      ),
      'x.txt',
    );
    expect(doc.headlineEn.map((e) => e.e)).toEqual([1]);
    expect(doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual([
      [[1], [2]],
      [[2], [3]],
    ]);
  });

  it('takes the decks as headline when the body breaks them differently from the ### line (我出国文工团球队 / 返抵哈尔滨)', () => {
    const { split, doc } = read(minimal('我出国文工团球队返抵哈尔滨', ['我出国文工团球队', '返抵哈尔滨', paragraph], [english]), 'x.txt');
    expect(texts(split.zhHead)).toEqual(['我出国文工团球队', '返抵哈尔滨']);
    expect(doc.rows.map((r) => [texts(r.zh), r.en.map((e) => e.e)])).toEqual([[[paragraph], [1]]]);
  });

  it('shows an English kicker that translates the column (专栏：要闻快报 → "News Flash") with the headline', () => {
    const { doc } = read(
      minimal('铜产量要提高几倍', ['铜产量要提高几倍', paragraph], ['News Flash', 'Copper Output to Rise', english], undefined, { column: '要闻快报' }),
      'x.txt',
    );
    expect(doc.headlineEn.map((e) => e.text)).toEqual(['News Flash', 'Copper Output to Rise']);
    expect(doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual([[[1], [3]]]);
  });

  it('leaves a dateline split off the first paragraph with that paragraph, not with the headline', () => {
    const { doc } = read(
      minimal('铜产量要提高几倍', ['铜产量要提高几倍', `新华社24日讯　${paragraph}`], ['Xinhua News Agency, September 24th.', english]),
      'x.txt',
    );
    expect(doc.headlineEn).toEqual([]);
    expect(doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual([[[1], [1, 2]]]);
  });

  it('pairs the English title with the first line when the body does not repeat the ### line (a caption under its picture title)', () => {
    const { doc } = read(
      minimal('铜矿（图片）', ['铜矿　王明摄', '（转载广西日报）'], ['Copper Mine', 'Wang Ming', '(Reprinted from Guangxi Daily)'], 'Copper Mine (Photo)', {
        byline: '王明',
        author: 'Wang Ming',
      }),
      'x.txt',
    );
    expect(doc.headlineEn).toEqual([]);
    expect(doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual([
      [[1], [1, 2]],
      [[2], [3]],
    ]);
  });
});

describeCorpus('splitHeadline on archive files', () => {
  const corpus = (file: string) => read(readCorpus(file), file);

  it('takes 贺新郎 and the byline 赵朴初 as headline and numbers 新年献词 as p1 (1966-01-05-p6-he-xinlang.md)', () => {
    const { split, doc } = corpus('1966-01-05-p6-he-xinlang.md');
    expect(texts(split.zhHead)).toEqual(['贺新郎', '赵朴初']);
    expect(doc.headlineZh).toEqual(['贺新郎', '赵朴初']);
    expect(doc.rows[0]!.zh).toMatchObject([{ n: 1, text: '新年献词' }]);
  });

  it('takes "He Xinlang" and "Zhao Puchu" as headline and pairs "New Year\'s Message" with p1 (1966-01-05-p6-he-xinlang.md)', () => {
    const { split, doc } = corpus('1966-01-05-p6-he-xinlang.md');
    expect(texts(split.enHead)).toEqual(['He Xinlang', 'Zhao Puchu']);
    expect(doc.headlineEn.map((e) => [e.e, e.text])).toEqual([
      [1, 'He Xinlang'],
      [2, 'Zhao Puchu'],
    ]);
    expect(doc.rows[0]!.en).toMatchObject([{ e: 3, text: "New Year's Message" }]);
    expect(doc.rows).toHaveLength(3);
  });

  it('takes the kicker 左海诗 and the title as headline, and "Zuo Hai\'s Poem" with the English title (1958-09-01-p8-murals-…)', () => {
    const { split, doc } = corpus('1958-09-01-p8-murals-in-nanzhiqiu-township-shulu-county.md');
    expect(texts(split.zhHead)).toEqual(['左海诗', '束鹿南智丘乡壁画']);
    expect(texts(split.enHead)).toEqual(["Zuo Hai's Poem", 'Murals in Nanzhiqiu Township, Shulu County']);
    expect(doc.rows[0]!.zh).toMatchObject([{ n: 1, text: '古来夸说泰山高，我绕泰山走一遭。' }]);
    expect(doc.rows[0]!.en).toMatchObject([{ e: 3 }]);
    expect(doc.rows.at(-1)!.zh[0]!.text).toBe('（附图片）');
  });

  it('numbers the caption 漫长的坦克行列 as p1 and pairs it with "A long tank column" (1949-10-02-p4-a-long-tank-column-picture.md)', () => {
    const { split, doc } = corpus('1949-10-02-p4-a-long-tank-column-picture.md');
    expect(split.zhHead).toEqual([]);
    expect(split.enHead).toEqual([]);
    expect(doc.headlineZh).toEqual(['漫长的坦克行列（图片）']);
    expect(doc.rows.map((r) => [texts(r.zh), texts(r.en)])).toEqual([[['漫长的坦克行列'], ['A long tank column']]]);
    expect(doc.rows[0]!.kind).toBe('pair');
  });

  it('takes both decks of a headline whose second line is indented differently (1949-10-01-p2-rakosi-…)', () => {
    const { split, doc } = corpus('1949-10-01-p2-rakosi-sends-telegram-to-chairman-mao.md');
    expect(texts(split.zhHead)).toEqual(['拉科西致电毛主席', '祝贺中华人民共和国成立']);
    expect(doc.rows[0]!.zh[0]!.text).toMatch(/^【新华社布拉格三十日电】/);
  });

  it('keeps the byline 本报评论员 with "By a Commentator from this Newspaper" in the headline, and p1 with its own English only (1958-09-01-p3-advocate-…)', () => {
    const { split, doc } = corpus('1958-09-01-p3-advocate-for-appropriately-early-sweet-potato.md');
    expect(texts(split.zhHead)).toEqual(['提倡适当早收红薯', '本报评论员']);
    expect(doc.headlineEn.map((e) => e.text)).toEqual(['Advocate for Appropriately Early Sweet Potato Harvesting', 'By a Commentator from this Newspaper']);
    expect(doc.rows[0]!.en.map((e) => e.e)).toEqual([3]);
  });

  it('takes "Tian Ma" as the byline of the headline when the Author line reads "Tian Ma (天马)" (1958-09-01-p8-begging-dance.md)', () => {
    const { doc } = corpus('1958-09-01-p8-begging-dance.md');
    expect(doc.headlineEn.map((e) => e.text)).toEqual(['Begging Dance', 'Tian Ma']);
    expect(doc.rows[0]!.en.map((e) => e.e)).toEqual([3]);
  });

  it('keeps the byline 解放军某部　王佩琈　刘金宝 in a row of its own, marked no translation, and pairs p2 with the first line of the lyric (1967-10-04-p8-…)', () => {
    const { doc } = corpus('1967-10-04-p8-heaven-and-earth-shake-with-righteous.md');
    expect(doc.rows[0]).toMatchObject({ kind: 'no-translation', zh: [{ n: 1, text: '解放军某部　王佩琈　刘金宝' }], en: [] });
    expect(doc.rows[1]!.zh.map((z) => z.text)).toEqual(['东方红太阳升霞光万丈，']);
    expect(doc.rows[1]!.en.map((e) => e.text)).toEqual(['The red sun rises in the east, with rays of light shining brightly,']);
    expect(doc.rows.every((r) => r.zh.length <= 1 && r.en.length <= 1)).toBe(true);
  });

  it('pairs the English title of a caption page (### 图片) with the caption line it was made from (1968-05-01-p4-great-teacher-…)', () => {
    const { doc } = corpus('1968-05-01-p4-great-teacher-chairman-mao-and-his-close.md');
    expect(doc.headlineEn).toEqual([]);
    expect(doc.rows.map((r) => [r.zh.map((z) => z.n), r.en.map((e) => e.e)])).toEqual([1, 2, 3].map((k) => [[k], [k]]));
  });

  it('shows "Xinhua News Agency, Beijing, 1st." above the English title with the headline; the Chinese gives it last, untranslated there (1949-10-02-p1-order-…)', () => {
    const { doc } = corpus('1949-10-02-p1-order-from-the-headquarters-of-the-chinese.md');
    expect(doc.headlineEn.map((e) => e.e)).toEqual([1, 2]);
    expect(doc.rows[0]!.en.map((e) => e.e)).toEqual([3]);
    expect(doc.rows.at(-1)).toMatchObject({ kind: 'no-translation', zh: [{ text: '【新华社北京一日电】' }] });
  });

  // English decks that translate the Chinese decks without repeating the English title word for
  // word (the corpus README names 1951-07-02-p1-… as an example): still headline, not p1's English.
  it.each([
    [
      '1951-07-02-p1-generals-kim-il-sung-and-peng-dehuai-notify.md',
      ['Kim Il-sung and Peng Dehuai Notify Ridgway', 'Agree to Hold Korean Armistice Talks', "Suggest Kaesong Area as Venue for Representatives' Meeting"],
      /^\[Xinhua News Agency, 1st\] Important news from the Korean front/,
    ],
    [
      '1946-05-16-p1-2-000-us-marines-land-in-huludao-to-assist.md',
      ['US Marines Numbering 2,000 Land in Huludao', 'Helping the Kuomintang Transport Troops for the Civil War'],
      /^\[Xinhua News Agency, Yan'an, 14th Dispatch\]/,
    ],
    [
      '1951-07-03-p4-peoples-delegation-departs-for-home-after.md',
      ['After Participating in the Sino-German Friendship Month', "Our People's Delegation Departs for Home"],
      /^Xinhua News Agency, Berlin, 30th\./,
    ],
    [
      '1966-01-07-p4-central-african-education-delegation-leaves.md',
      ['The Central African Education Delegation Leaves Beijing for Home'],
      /^Xinhua News Agency, 6th January\./,
    ],
  ])('takes the English decks of %s as headline, so p1 pairs with the dateline paragraph only', (file, decks, p1English) => {
    const { split, doc } = corpus(file);
    expect(split.zhHead).toHaveLength(decks.length);
    expect(texts(split.enHead)).toEqual(decks);
    expect(doc.rows[0]!.en).toHaveLength(1);
    expect(doc.rows[0]!.en[0]!.text).toMatch(p1English);
  });
});
