import { beforeAll, describe, expect, it } from 'vitest';
import { pinyinLine, pinyinSyllables } from '../../src/node/pinyin/reading.ts';
import { readGold, score } from '../../scripts/polyphone-gold.ts';

// The first call loads the 18 MB complete dictionary (3–5 s, more on a busy machine).
beforeAll(() => void pinyinLine('中'), 60_000);

/** The reading of the `n`th occurrence (from 0) of `char` in `text`, read in context. */
function readingOf(text: string, char: string, n = 0): string | null {
  const chars = Array.from(text);
  const at = chars.flatMap((c, i) => (c === char ? [i] : []))[n];
  return pinyinSyllables(text)[at] ?? null;
}

describe('words from CC-CEDICT', () => {
  it.each([
    ['中国女排５月重聚', '重', 'chóng'],
    ['柴米无着，忧愁万分', '着', 'zhuó'],
    ['这个黑干将的指使', '干', 'gàn'],
    ['部长都来了', '长', 'zhǎng'],
  ])('reads %s with %s as %s', (text, char, expected) => {
    expect(readingOf(text, char)).toBe(expected);
  });

  it('keeps a full tone CC-CEDICT writes as neutral (值得 zhí·dé)', () => {
    expect(pinyinLine('值得庆幸')).toBe('zhí dé qìng xìng');
  });
});

describe('context rules', () => {
  it.each([
    // 地 de after an adverbial, before its verb; dì as a noun.
    ['更高地举起红旗', '地', 'de'],
    ['浩浩荡荡地通过广场', '地', 'de'],
    ['有计划地进行防治', '地', 'de'],
    ['深翻地运动', '地', 'dì'],
    ['祖国的土地上', '地', 'dì'],
    // 得 de before a complement; dé in words and after 因, before 的.
    ['被打得头破血流', '得', 'de'],
    ['才能站得起来', '得', 'de'],
    ['每户贷得的数目', '得', 'dé'],
    ['不值得为他打仗', '得', 'dé'],
    ['已经取得了胜利', '得', 'dé'],
    // 了 le after a verb even before 解: 扩大 | 了 | 解放区.
    ['扩大了解放区的领土', '了', 'le'],
    ['送她到了远空', '了', 'le'],
    ['我们了解他', '了', 'liǎo'],
    // 为 wéi "is, as"; wèi "for".
    ['发行量为115000份', '为', 'wéi'],
    ['以不干不湿为原则', '为', 'wéi'],
    ['任命朱德为人民解放军总司令', '为', 'wéi'],
    ['图为希尔同志', '为', 'wéi'],
    ['全心全意为人民服务', '为', 'wèi'],
    ['我们为解放台湾而斗争', '为', 'wèi'],
    // 应 yīng "should", yìng "at the request of".
    ['目前即应加以准备', '应', 'yīng'],
    ['应中华全国总工会邀请', '应', 'yìng'],
    ['保证资金的及时供应', '应', 'yìng'],
    // 供 gōng "provide for"; 相 xiàng "minister"; 传 zhuàn "biography".
    ['供各地参考', '供', 'gōng'],
    ['朝鲜保健省副相柳基春', '相', 'xiàng'],
    ['互相帮助', '相', 'xiāng'],
    ['书籍“甘地传”一套', '传', 'zhuàn'],
    // 种 zhǒng "kind" after a numeral, zhòng "plant" as a verb; 干 gàn "do".
    ['再种一园太阳花', '种', 'zhòng'],
    ['有两种简易小高炉', '种', 'zhǒng'],
    ['一个带头干的模范战士', '干', 'gàn'],
    ['容易晒干', '干', 'gān'],
    // 长 zhǎng after a unit the segmenter cut off (保安大队 | 长), cháng in the place 长芦.
    ['保安大队长王冠五', '长', 'zhǎng'],
    ['晋察冀边区长芦盐务管理局', '长', 'cháng'],
    // 将 jiāng stays where a neighbour word would make it jiàng (晚上 | 将, not 上将).
    ['３月１日晚上将离开曼谷', '将', 'jiāng'],
  ])('reads %s with %s as %s', (text, char, expected) => {
    expect(readingOf(text, char)).toBe(expected);
  });
});

describe('pinyin-pro misses the project fixed before (STYLE.md)', () => {
  it.each([
    ['公安局长', 'gōng ān jú zhǎng'],
    ['船长', 'chuán zhǎng'],
    ['排行第一', 'pái háng dì yī'],
    ['企业重组', 'qǐ yè chóng zǔ'],
    ['率先完成', 'shuài xiān wán chéng'],
    ['湖泊', 'hú pō'],
  ])('reads %s as %s', (text, expected) => {
    expect(pinyinLine(text)).toBe(expected);
  });
});

describe('the gold polyphone sample', () => {
  it('reads at least 99 % of its occurrences right, tone for tone', () => {
    const gold = readGold();
    expect(gold.length).toBeGreaterThanOrEqual(300);
    const result = score(gold, pinyinSyllables);
    const misses = result.misses.map((m) => `${m.file}:${m.line} ${m.char} ${m.got} ≠ ${m.reading}`);
    expect(result.right / result.total, misses.join('\n')).toBeGreaterThanOrEqual(0.99);
  });

  it('covers each of the 20 polyphones at least 15 times', () => {
    const counts = score(readGold(), () => []).byChar;
    expect(counts.size).toBe(20);
    for (const [char, { total }] of counts) expect(total, char).toBeGreaterThanOrEqual(15);
  });
});
