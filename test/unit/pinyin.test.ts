import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { pinyinLine, pinyinSyllables, toneless, tonelessPinyin } from '../../src/node/pinyin/reading.ts';
import { pinyinOverrides } from '../../src/node/pinyin/overrides.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = readFileSync(`${root}content/documents/1958-09-25-p1-copper-and-aluminum.txt`, 'utf8');
const seedChinese = seed.slice(seed.indexOf('Original:'));

// The first call loads the 18 MB complete dictionary (3–4 s, more on a busy machine).
beforeAll(() => void pinyinLine('中'), 60_000);

describe('pinyinLine', () => {
  it.each([
    ['薄弱', 'bó ruò'],
    ['繁重', 'fán zhòng'],
    ['重要', 'zhòng yào'],
    ['增长', 'zēng zhǎng'],
    ['局长', 'jú zhǎng'],
    ['船长', 'chuán zhǎng'],
    ['率先', 'shuài xiān'],
    ['重组', 'chóng zǔ'],
    ['排行', 'pái háng'],
    ['湖泊', 'hú pō'],
    ['土洋并举', 'tǔ yáng bìng jǔ'],
    ['冲天干劲', 'chōng tiān gàn jìn'],
    ['回收率', 'huí shōu lǜ'],
    ['六亿人民', 'liù yì rén mín'],
    ['共青团', 'gòng qīng tuán'],
    ['报矿', 'bào kuàng'],
    ['遍地开花', 'biàn dì kāi huā'],
    ['由土到洋', 'yóu tǔ dào yáng'],
    ['以土为主', 'yǐ tǔ wéi zhǔ'],
    ['半机械化', 'bàn jī xiè huà'],
    ['第一个五年计划', 'dì yī gè wǔ nián jì huà'],
    ['银行', 'yín háng'],
    ['行走', 'xíng zǒu'],
    ['长大', 'zhǎng dà'],
    ['长江', 'cháng jiāng'],
    ['省长', 'shěng zhǎng'],
    ['勘探', 'kān tàn'],
    ['冶炼', 'yě liàn'],
    ['还是', 'hái shì'],
    ['还钱', 'huán qián'],
    ['了解', 'liǎo jiě'],
    ['好的', 'hǎo de'],
    // Ambiguous: zhāoyáng "morning sun", cháoyáng "facing the sun" and every place name (朝阳区,
    // 朝阳县, 朝阳门). The place names make cháo the common reading; we keep pinyin-pro's.
    ['朝阳', 'cháo yáng'],
    ['几倍', 'jǐ bèi'],
    ['铝', 'lǚ'],
  ])('reads %s as %s', (text, expected) => {
    expect(pinyinLine(text)).toBe(expected);
  });

  it('writes 一 and 不 with citation tones, not tone sandhi', () => {
    expect(pinyinLine('一年内不断改进')).toBe('yī nián nèi bù duàn gǎi jìn');
  });

  it('skips punctuation, digits and Latin letters', () => {
    expect(pinyinLine('1958年，铜（Cu）、铝。')).toBe('nián tóng lǚ');
  });

  it('reads a word the same however much text follows it', () => {
    // pinyin-pro alone reads this 量 as liáng once 69 characters follow.
    const tail = '。我们认为完全有条件完成这个任务';
    for (let n = 0; n <= 8; n++) {
      expect(pinyinLine(`铜产量提高${tail.repeat(n)}`).startsWith('tóng chǎn liàng tí gāo')).toBe(true);
    }
  });

  it('reads every project override as written', () => {
    for (const [word, reading] of Object.entries(pinyinOverrides)) expect(pinyinLine(word)).toBe(reading);
  });
});

describe('pinyinSyllables', () => {
  it('gives one entry per code point, null for anything not Han', () => {
    const text = '𠮷a1铜，👍🏽薄弱 ';
    const syllables = pinyinSyllables(text);
    expect(syllables).toHaveLength(Array.from(text).length);
    expect(syllables.slice(1)).toEqual([null, null, 'tóng', null, null, null, 'bó', 'ruò', null]);
  });

  it('gives an empty array for empty text', () => {
    expect(pinyinSyllables('')).toEqual([]);
  });

  it('reads a long paragraph with one entry per character', () => {
    expect(pinyinSyllables(seedChinese)).toHaveLength(Array.from(seedChinese).length);
  });
});

describe('the seed document', () => {
  let seedSyllables: (string | null)[] | undefined;
  // Every occurrence of each phrase in the seed's Chinese, read in its full paragraph.
  it.each([
    ['产量', 'chǎn liàng'],
    ['应当', 'yīng dāng'],
    ['要求', 'yāo qiú'],
    ['的地方', 'de dì fang'],
    ['不断地', 'bù duàn de'],
    ['壮阔地', 'zhuàng kuò de'],
    ['很好地', 'hěn hǎo de'],
    ['普遍地', 'pǔ biàn de'],
    ['迅速地', 'xùn sù de'],
    ['远远地', 'yuǎn yuǎn de'],
    ['作好', 'zuò hǎo'],
    ['作法', 'zuò fǎ'],
    ['一齐', 'yī qí'],
    ['上山', 'shàng shān'],
    ['干劲', 'gàn jìn'],
    ['供应', 'gōng yìng'],
    ['为了', 'wèi le'],
    ['认为', 'rèn wéi'],
    ['中国', 'zhōng guó'],
    ['中共中央', 'zhōng gòng zhōng yāng'],
    ['大跃进中', 'dà yuè jìn zhōng'],
    ['地质', 'dì zhì'],
    ['若干', 'ruò gān'],
    ['到处', 'dào chù'],
    ['任务', 'rèn wu'],
    ['困难', 'kùn nan'],
    ['认识', 'rèn shi'],
    ['还需要', 'hái xū yào'],
    ['尚未', 'shàng wèi'],
    ['少用', 'shǎo yòng'],
    ['稀少', 'xī shǎo'],
    ['铝厂', 'lǚ chǎng'],
    ['厂子', 'chǎng zi'],
    ['号召', 'hào zhào'],
    ['响应', 'xiǎng yìng'],
    ['党委', 'dǎng wěi'],
    ['几个', 'jǐ gè'],
    ['一九五八年', 'yī jiǔ wǔ bā nián'],
  ])('reads every %s as %s', (phrase, expected) => {
    const chars = Array.from(seedChinese);
    const syllables = (seedSyllables ??= pinyinSyllables(seedChinese));
    const length = Array.from(phrase).length;
    let found = 0;
    for (let i = 0; i + length <= chars.length; i++) {
      if (chars.slice(i, i + length).join('') !== phrase) continue;
      found++;
      expect(syllables.slice(i, i + length).join(' '), `${phrase} at character ${i}`).toBe(expected);
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe('toneless', () => {
  it('strips tone marks and writes ü as v', () => {
    expect(toneless('lǚ')).toBe('lv');
    expect(toneless('lǜ nǚ lüè')).toBe('lv nv lve');
    expect(toneless('Bó ruò huán jié')).toBe('bo ruo huan jie');
  });

  it('joins the toneless syllables of a text with the separator', () => {
    expect(tonelessPinyin('土洋并举')).toBe('tu yang bing ju');
    expect(tonelessPinyin('县、区、乡、社', '')).toBe('xianquxiangshe');
  });
});

// Each run loads the dictionary anew, so the two runs go side by side.
describe.concurrent('npm run pinyin', () => {
  const cli = async (args: string[], input?: string) => {
    const run = promisify(execFile)(process.execPath, ['scripts/pinyin.ts', ...args], { cwd: root, encoding: 'utf8' });
    run.child.stdin?.end(input ?? '');
    return (await run).stdout;
  };

  it('prints the pinyin line of its arguments', async () => {
    expect(await cli(['薄弱环节'])).toBe('bó ruò huán jié\n');
  }, 60_000);

  it('prints one line per line of standard input', async () => {
    expect(await cli([], '土洋并举\n\n回收率\n')).toBe('tǔ yáng bìng jǔ\n\nhuí shōu lǜ\n');
  }, 60_000);
});
