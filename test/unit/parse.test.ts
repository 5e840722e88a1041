import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { sourceError } from './support/errors.ts';
import { parseDocument, type ParsedDocument } from '../../src/lib/document/parse.ts';
import { renderRows } from '../../src/lib/render/html.ts';
import { decodeHtml, describeCorpus, readCorpus, readFixture, readSeed, SEED_FILE } from './support/corpus.ts';

/**
 * A small valid document, one entry per source line (line numbers in the comments), so each
 * malformed variant below changes one visible line and the expected error line can be counted.
 */
const MINIMAL = [
  'Title: Copper Output to Rise', // 1
  'Author:', // 2
  'Date: 1958-09-25', // 3
  'Page: 1', // 4
  '', // 5
  'Xinhua News Agency, September 24th: copper output will rise several times.', // 6
  '', // 7
  '<hr />', // 8
  '', // 9
  'Original:', // 10
  '', // 11
  '### 铜产量要提高几倍', // 12
  '', // 13
  '1958-09-25', // 14
  '第1版()', // 15
  '专栏：', // 16
  '', // 17
  '    新华社24日讯  铜的产量要在一年内提高几倍。', // 18
];

/** MINIMAL with some lines replaced (1-based), as file text ending in a newline. */
function variant(replace: Record<number, string> = {}): string {
  return MINIMAL.map((line, k) => replace[k + 1] ?? line).join('\n') + '\n';
}

/** MINIMAL without some lines (1-based). */
function without(...drop: number[]): string {
  return MINIMAL.filter((_, k) => !drop.includes(k + 1)).join('\n') + '\n';
}

describe('parseDocument on the seed', () => {
  const doc = parseDocument(readSeed(), SEED_FILE);

  it('reads the English header: title, no author, date 1958-09-25, page 1', () => {
    expect(doc.en.title).toBe(
      'The CCP Central Committee and the State Council Issue Instructions to Seize Weak Links in the Great Leap Forward and Develop the Copper and Aluminum Industries at High Speed; Mobilize the People to Refine Using Indigenous Methods, Increasing Output Several Times Within a Year',
    );
    expect(doc.en.author).toBe('');
    expect(doc.en.date).toBe('1958-09-25');
    expect(doc.en.page).toBe('1');
    expect(doc.date).toBe('1958-09-25');
    expect(doc.page).toBe(1);
  });

  it('reads 14 English paragraphs, the first being the dateline on line 5', () => {
    expect(doc.en.paragraphs).toHaveLength(14);
    expect(doc.en.paragraphs[0]).toEqual({ text: 'Xinhua News Agency, September 24th:', line: 5, endLine: 5 });
    expect(doc.en.paragraphs[1]!.text).toBe(
      'Instructions from the CCP Central Committee and the State Council on Vigorously Developing the Copper and Aluminum Industries',
    );
    expect(doc.en.paragraphs[1]!.line).toBe(7);
    expect(doc.en.paragraphs[2]!.text).toBe('(Issued September 24, 1958)');
    expect(doc.en.paragraphs[13]!.text).toMatch(/^Although the tasks of copper and aluminum production/);
  });

  it('strips the four-space indentation from the English paragraphs', () => {
    for (const p of doc.en.paragraphs) expect(p.text).toBe(p.text.trim());
  });

  it('splits the ### headline into its three decks on two spaces', () => {
    expect(doc.zh.headline).toEqual(['中共中央和国务院指示抓住大跃进中薄弱环节', '高速度发展铜铝工业', '动员全民土法冶炼，一年内把产量提高几倍']);
    expect(doc.zh.headlineLine).toBe(28);
  });

  it('reads the Chinese header: date, page 1, no section, no column, no byline', () => {
    expect(doc.zh.date).toBe('1958-09-25');
    expect(doc.zh.page).toBe('1');
    expect(doc.zh.section).toBe('');
    expect(doc.zh.column).toBe('');
    expect(doc.zh.bylines).toEqual([]);
  });

  it('reads 15 Chinese paragraphs: the three repeated decks, then 新华社24日讯… on line 37', () => {
    expect(doc.zh.paragraphs).toHaveLength(15);
    expect(doc.zh.paragraphs.slice(0, 3).map((p) => p.text)).toEqual(doc.zh.headline);
    expect(doc.zh.paragraphs[3]!.text).toMatch(/^新华社24日讯 {2}中共中央、国务院关于大力发展铜、铝工业的指示/);
    expect(doc.zh.paragraphs[3]!.line).toBe(37);
    expect(doc.zh.paragraphs[14]!.line).toBe(48);
  });

  it('has nothing irregular to note and no named entities', () => {
    expect(doc.notes).toEqual([]);
    expect(doc.en.entities).toEqual([]);
    expect(doc.en.entityLines).toEqual([]);
  });
});

describeCorpus('parseDocument on the irregular archive files', () => {
  /** Parses a corpus file only when the test runs (the folder may be missing). */
  const parse = (file: string): ParsedDocument => parseDocument(readCorpus(file), file);

  it('reads "Edition: 1" as the page (1946-05-15-p1-inaugural-statement.md)', () => {
    const doc = parse('1946-05-15-p1-inaugural-statement.md');
    expect(doc.page).toBe(1);
    expect(doc.en.page).toBe('1');
    expect(doc.notes).toEqual([]);
  });

  it('reads the Named Entities block as entities, not as English paragraphs (1966-01-05-p6-he-xinlang.md)', () => {
    const doc = parse('1966-01-05-p6-he-xinlang.md');
    expect(doc.en.paragraphs.map((p) => p.text.slice(0, 20))).toEqual([
      'He Xinlang',
      'Zhao Puchu',
      "New Year's Message",
      "The year's calendar ",
      'The spirit of China ',
    ]);
    // The block starts at line 12: no paragraph may come from it.
    for (const p of doc.en.paragraphs) expect(p.line).toBeLessThan(12);
    expect(doc.en.entities).toHaveLength(6);
    expect(doc.en.entities[0]).toEqual({ zh: '中国', pinyin: 'Zhōngguó', en: 'China', line: 14 });
    // "Dàzhài (Dazhai - a model agricultural production brigade…)": the name is before " - ".
    expect(doc.en.entities[1]).toMatchObject({ zh: '大寨', pinyin: 'Dàzhài', en: 'Dazhai' });
    expect(doc.en.entityLines).toEqual([]);
  });

  it('reads group headings and skips <br> lines in the Named Entities block (1946-05-17-p2-handans-poverty-relief-loans.md)', () => {
    const doc = parse('1946-05-17-p2-handans-poverty-relief-loans.md');
    expect(doc.en.entities).toHaveLength(18);
    expect(doc.en.entities[0]).toEqual({ zh: '冀南银行', en: 'Jinnan Bank', group: 'Organizations', line: 39 });
    expect(doc.en.entities.filter((e) => e.group === 'Places')).toHaveLength(8);
    expect(doc.en.entities.filter((e) => e.group === 'People')).toHaveLength(8);
    expect(doc.en.entities.at(-1)).toMatchObject({ zh: '汉奸', pinyin: 'hànjiān', en: 'traitor', group: 'Terms' });
    expect(doc.en.entityLines).toEqual([]);
    expect(doc.en.paragraphs).toHaveLength(23);
    for (const p of doc.en.paragraphs) expect(p.text).not.toMatch(/<br|Organizations:|Jinnan Bank$/);
  });

  it('keeps the byline 吴象 under the ### headline as a byline (1946-05-17-p2-handans-poverty-relief-loans.md)', () => {
    const doc = parse('1946-05-17-p2-handans-poverty-relief-loans.md');
    expect(doc.zh.headline).toEqual(['邯郸的贫民贷款']);
    expect(doc.zh.bylines).toEqual([{ text: '吴象', line: 72, endLine: 72 }]);
    expect(doc.zh.date).toBe('1946-05-17');
  });

  it('reads an extra "Column:" line in the English header (1958-09-01-p8-murals-in-nanzhiqiu-township-shulu-county.md)', () => {
    const doc = parse('1958-09-01-p8-murals-in-nanzhiqiu-township-shulu-county.md');
    expect(doc.en.column).toBe('Poetic and Pictorial');
    expect(doc.en.author).toBe('Zuo Hai');
    expect(doc.page).toBe(8);
    expect(doc.zh.column).toBe('诗情画意');
    expect(doc.en.paragraphs[0]!.text).toBe("Zuo Hai's Poem");
    expect(doc.en.paragraphs).toHaveLength(5);
  });

  it.each([
    ['full-width spaces', '1946-05-15-p1-inaugural-statement.md', 'Inaugural Statement', '发刊词'],
    ['tabs', '1949-10-01-p4-colorful-floats-surge-onto-the-streets.md', 'Colorful Floats Surge onto the Streets', '彩车缤纷涌上街头'],
    [
      'a mix of spaces and full-width spaces',
      '1949-10-01-p4-beijing-post-office-special-commemorative.md',
      'Beijing Post Office Special Commemorative Postmark for Celebrating the Founding Ceremony of New China',
      '庆祝新中国开国盛典京邮局特制纪念邮戳',
    ],
    [
      'no indentation',
      '1954-10-02-p2-over-ten-thousand-people-attend-national-day.md',
      "Xinhua News Agency, October 1st: Today, the 5th anniversary of the founding of the People's Republic of China was celebrated in Tiananmen Square, Beijing.",
      '一万多人参加国庆观礼',
    ],
  ])('strips indentation made of %s (%s)', (_kind, file, firstEn, firstZh) => {
    const doc = parse(file);
    expect(doc.en.paragraphs[0]!.text).toBe(firstEn);
    expect(doc.zh.paragraphs[0]!.text).toBe(firstZh);
    const all = [...doc.en.paragraphs, ...doc.zh.paragraphs];
    expect(all.length).toBeGreaterThan(2);
    for (const p of all) expect(p.text, `line ${p.line}`).not.toMatch(/^[\s\u3000]|[\s\u3000]$/);
  });

  it('reads English paragraphs separated by blank lines, signature included (1949-10-01-p2-rakosi-sends-telegram-to-chairman-mao.md)', () => {
    const doc = parse('1949-10-01-p2-rakosi-sends-telegram-to-chairman-mao.md');
    expect(doc.en.paragraphs.map((p) => p.line)).toEqual([6, 8, 10, 12, 14]);
    expect(doc.en.paragraphs[4]!.text).toBe("Rakosi, General Secretary of the Hungarian Workers' Party");
  });

  it('reads 第1版(要闻) as page 1, section 要闻, and keeps full-width digits in the text (1989-03-01-p1-world-trade-…)', () => {
    const doc = parse('1989-03-01-p1-world-trade-grew-by-8-5-in-1988-west-germany-u.md');
    expect(doc.zh.page).toBe('1');
    expect(doc.zh.section).toBe('要闻');
    expect(doc.zh.headline).toEqual(['去年世界贸易增长８．５％', '西德美日为十大出口国前三名']);
    expect(doc.zh.paragraphs.find((p) => p.text.includes('１９８８年世界'))).toBeDefined();
    expect(doc.zh.paragraphs.some((p) => p.text.includes('1988'))).toBe(false);
  });

  it('leaves no literal "\\t" in any paragraph (1960-08-02-p8-morning-sunlight-on-jinggang-mountain-photo.md)', () => {
    const source = readCorpus('1960-08-02-p8-morning-sunlight-on-jinggang-mountain-photo.md');
    expect(source).toContain('\\t\\t\\t\\t\\t\\tMao Songyou Photo');
    const doc = parse('1960-08-02-p8-morning-sunlight-on-jinggang-mountain-photo.md');
    expect(doc.en.paragraphs.map((p) => p.text)).toEqual(['Morning Sunlight on Jinggang Mountain', 'Mao Songyou Photo']);
    for (const p of [...doc.en.paragraphs, ...doc.zh.paragraphs]) expect(p.text).not.toContain('\\t');
  });

  it('joins an OCR line break back into its paragraph and notes the join (1954-10-02-p2-over-ten-thousand-people-attend-national-day.md)', () => {
    const doc = parse('1954-10-02-p2-over-ten-thousand-people-attend-national-day.md');
    const withName = doc.zh.paragraphs.filter((p) => p.text.includes('相泽重明'));
    expect(withName).toHaveLength(1);
    expect(withName[0]!.text).toMatch(/以相泽重明（日本工会总评议会副主席）为首的日本工人代表团。$/);
    expect(withName[0]).toMatchObject({ line: 37, endLine: 38 });
    expect(doc.zh.paragraphs.some((p) => p.text.startsWith('（日本工会总评议会副主席）'))).toBe(false);
    expect(doc.notes).toContainEqual({ line: 38, message: 'line joined to the paragraph above (a line break inside a paragraph).' });
  });

  it('splits headline parts on a full-width space and keeps the byline (1949-10-01-p4-beijing-post-office-special-commemorative.md)', () => {
    const doc = parse('1949-10-01-p4-beijing-post-office-special-commemorative.md');
    expect(doc.zh.headline).toEqual(['庆祝新中国开国盛典京邮局特制纪念邮戳', '已印制政协纪念邮票']);
    expect(doc.zh.bylines.map((b) => b.text)).toEqual(['北京邮政管理局']);
    // The signature indented with fourteen full-width spaces is a paragraph, without its indent.
    expect(doc.zh.paragraphs.at(-1)!.text).toBe('（北京邮政管理局）');
  });
});

describe('parseDocument on malformed input', () => {
  it('reads the small valid document it is built on', () => {
    const doc = parseDocument(variant(), 'minimal.txt');
    expect(doc.en.paragraphs.map((p) => p.line)).toEqual([6]);
    expect(doc.zh.paragraphs).toEqual([{ text: '新华社24日讯  铜的产量要在一年内提高几倍。', line: 18, endLine: 18 }]);
    expect(doc.notes).toEqual([]);
  });

  it('rejects an empty file at line 1', () => {
    const error = sourceError(() => parseDocument('', 'empty.txt'));
    expect(error.line).toBe(1);
    expect(error.format()).toMatchInlineSnapshot(`
			"empty.txt:1: the file is empty.
			  Fix: Write the English translation, a line \`<hr />\`, then \`Original:\` and the Chinese original (see README.md, "Content format")."
		`);
  });

  it('rejects a file of blank lines as empty, at line 1', () => {
    const error = sourceError(() => parseDocument('\n\n  \n\u3000\n', 'blank.txt'));
    expect(error.line).toBe(1);
    expect(error.message).toBe('blank.txt:1: the file is empty.');
  });

  it('rejects a file with no Title line, at line 1', () => {
    const error = sourceError(() => parseDocument(without(1), 'no-title.txt'));
    expect(error.file).toBe('no-title.txt');
    expect(error.line).toBe(1);
    expect(error.format()).toMatchInlineSnapshot(`
			"no-title.txt:1: the English header has no "Title:" (or it is empty).
			  Fix: Start the file with a line \`Title: <the English title>\`, followed by \`Author:\`, \`Date:\` and \`Page:\` lines."
		`);
  });

  it('rejects an empty Title at its own line', () => {
    const error = sourceError(() => parseDocument(variant({ 1: 'Author: Wu Xiang', 2: 'Title:' }), 'empty-title.txt'));
    expect(error.line).toBe(2);
    expect(error.message).toBe('empty-title.txt:2: the English header has no "Title:" (or it is empty).');
  });

  it('rejects a file with no <hr /> at its Original: line, saying where to add it', () => {
    const error = sourceError(() => parseDocument(variant({ 8: '' }), 'no-hr.txt'));
    expect(error.line).toBe(10);
    expect(error.format()).toMatchInlineSnapshot(`
			"no-hr.txt:10: no \`<hr />\` line separates the English translation from the Chinese original that starts here.
			  Fix: Add a line \`<hr />\` above line 10."
		`);
  });

  it('rejects a file with neither <hr /> nor Original: at the end of the file', () => {
    const error = sourceError(() => parseDocument(variant({ 8: '', 10: '' }), 'no-hr.txt'));
    // 18 lines and a final newline: the end of the file is the empty line 19 an editor shows.
    expect(error.line).toBe(19);
    expect(error.format()).toMatchInlineSnapshot(`
			"no-hr.txt:19: no \`<hr />\` line separates the English translation from the Chinese original.
			  Fix: Add a line \`<hr />\` after the last English paragraph, then a line \`Original:\` and the Chinese original."
		`);
  });

  it('rejects a second <hr /> at the line of the second one', () => {
    const error = sourceError(() => parseDocument(readFixture('malformed/two-documents.txt'), 'two-documents.txt'));
    expect(error.line).toBe(20);
    expect(error.format()).toMatchInlineSnapshot(`
			"two-documents.txt:20: a second \`<hr />\` line: a document has one English part and one Chinese part.
			  Fix: Split the file into one file per document, or remove the extra \`<hr />\`."
		`);
  });

  it('rejects a Chinese part with no ### headline, at the first line after Original:', () => {
    const error = sourceError(() => parseDocument(readFixture('malformed/no-headline.txt'), 'no-headline.txt'));
    expect(error.line).toBe(12);
    expect(error.format()).toMatchInlineSnapshot(`
			"no-headline.txt:12: expected the Chinese headline ("### 标题"), found "1958-09-25".
			  Fix: After \`Original:\` write the headline on one line starting with \`### \`, its parts separated by two spaces."
		`);
  });

  it('rejects a Chinese part with no paragraphs, at the headline', () => {
    const error = sourceError(() => parseDocument(MINIMAL.slice(0, 17).join('\n') + '\n', 'no-zh.txt'));
    expect(error.line).toBe(12);
    expect(error.format()).toMatchInlineSnapshot(`
			"no-zh.txt:12: the Chinese original has no paragraphs after its header.
			  Fix: Write the Chinese paragraphs after the \`专栏：\` line, one paragraph per line; a picture with only a headline repeats it there as its one paragraph."
		`);
  });

  it('rejects an impossible English date (1958-02-30) at the Date line', () => {
    const error = sourceError(() => parseDocument(variant({ 3: 'Date: 1958-02-30' }), 'bad-date.txt'));
    expect(error.line).toBe(3);
    expect(error.format()).toMatchInlineSnapshot(`
			"bad-date.txt:3: "1958-02-30" is not a date in the form YYYY-MM-DD.
			  Fix: Write the date as \`Date: 1958-09-25\`."
		`);
  });

  it('rejects an impossible Chinese date (1958-02-30) at the line that has it', () => {
    const error = sourceError(() => parseDocument(variant({ 14: '1958-02-30' }), 'bad-zh-date.txt'));
    expect(error.message).toBe('bad-zh-date.txt:14: the Chinese date "1958-02-30" is not a valid date.');
    expect(error.line).toBe(14);
  });

  it('rejects a non-numeric page at the Page line', () => {
    const error = sourceError(() => parseDocument(variant({ 4: 'Page: one' }), 'bad-page.txt'));
    expect(error.line).toBe(4);
    expect(error.format()).toMatchInlineSnapshot(`
			"bad-page.txt:4: the page "one" is not a number.
			  Fix: Write the page as \`Page: 1\`."
		`);
  });

  it('rejects page 0 at the Page line (the document model has no page 0)', () => {
    const error = sourceError(() => parseDocument(variant({ 4: 'Page: 0' }), 'page-0.txt'));
    expect(error.format()).toBe('page-0.txt:4: page 0 does not exist: pages start at 1.\n  Fix: Write the page as `Page: 1`.');
    expect(sourceError(() => parseDocument(variant({ 4: 'Page:', 15: '第０版()' }), 'page-0.txt')).line).toBe(15);
  });

  it('reads header values with literal \\t escapes or tabs around them (Page: 4\\t, a property-test counterexample)', () => {
    const doc = parseDocument(variant({ 4: 'Page: 4  \\t', 3: 'Date:\t1958-09-25\\t' }), 'escapes.txt');
    expect([doc.page, doc.date]).toEqual([4, '1958-09-25']);
  });

  it('rejects a file with a NUL byte as binary, at the line of the first one', () => {
    const error = sourceError(() => parseDocument(variant({ 6: 'Copper\u0000output' }), 'binary.txt'));
    expect(error.line).toBe(6);
    expect(error.format()).toMatchInlineSnapshot(`
			"binary.txt:6: the file is binary (it contains NUL bytes), not an archive text file.
			  Fix: Save the document as UTF-8 text."
		`);
  });

  it('reads CRLF line endings and a BOM exactly as LF without BOM', () => {
    const plain = parseDocument(variant(), 'minimal.txt');
    const windows = parseDocument('\uFEFF' + variant().replace(/\n/g, '\r\n'), 'minimal.txt');
    expect(windows).toEqual(plain);
    expect(windows.en.title).toBe('Copper Output to Rise');
    expect(windows.zh.paragraphs[0]!.text).not.toMatch(/\r/);
  });
});

describe('parseDocument and renderRows on a hostile document', () => {
  const doc = parseDocument(readFixture('hostile/script-in-paragraphs.txt'), 'hostile.txt');
  const html = renderRows(buildDocument(doc).rows);

  it('keeps <script> and <img onerror> as text in the paragraphs', () => {
    expect(doc.en.paragraphs.map((p) => p.text)).toEqual([
      'Xinhua News Agency, September 24th: <script>alert(1)</script> copper output will rise.',
      'An image that is not one: <img src=x onerror=alert(1)> & "quotes".',
    ]);
    expect(doc.zh.paragraphs.map((p) => p.text)).toEqual([
      '新华社24日讯  <script>alert(1)</script>铜的产量要提高几倍。',
      '<img src=x onerror=alert(1)>铝的产量也要提高。',
    ]);
  });

  it('renders them escaped: no <script or <img element in the HTML, the text still there', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // hast-util-to-html writes `<` as `&#x3C;`, which is `&lt;`.
    expect(html).toMatch(/&(?:lt|#x3C|#60);script>/i);
    expect(decodeHtml(html)).toContain('<script>alert(1)</script> copper output will rise.');
    expect(decodeHtml(html)).toContain('<img src=x onerror=alert(1)>铝的产量也要提高。');
  });
});
