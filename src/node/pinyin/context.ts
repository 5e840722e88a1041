/**
 * Polyphones read in context: the word a character stands in (CC-CEDICT's reading of that word),
 * then rules for the particles and for the constructions a word list cannot see. Build time only.
 *
 * pinyin-pro's segmenter and dictionaries give the first reading of every character; this module
 * changes only the characters of POLYPHONES, and only where CC-CEDICT or a rule knows better:
 *
 *   保安大队 | 长 → dà duì zhǎng        (长 after a unit is its head, though the segmenter cut after 大队)
 *   更 | 高地 | 举起 → gèng gāo de jǔ qǐ   (地 after an adverb of degree and an adjective)
 *
 * The gold sample `test/fixtures/gold/polyphones.tsv` measures it (`npm run bench:pinyin`).
 */
import { POLYPHONES } from './polyphones.ts';
import { cedictWords } from './words.ts';
import { HAN } from '../../lib/han.ts';

let words: Map<string, (string | null)[]> | undefined;

/** CC-CEDICT's readings of the POLYPHONES in a word (null where it leaves one open), parsed once. */
function wordReading(word: string): (string | null)[] | undefined {
  if (!words) {
    words = new Map();
    for (const line of cedictWords.split('\n')) {
      const [w, ...syllables] = line.split(' ');
      if (w)
        words.set(
          w,
          syllables.map((s) => (s === '*' ? null : s)),
        );
    }
  }
  return words.get(word);
}

/** A word of the segmentation: characters [start, end) of the text. */
export interface Span {
  start: number;
  end: number;
}

const CLAUSE_END = /^[，。；：！？,.;:!?“”"（）()《》]$/u;
const TONE_MARKS = /[\u0300\u0301\u0304\u030c]/gu;
const toneless = (s: string) => s.normalize('NFD').replace(TONE_MARKS, '');
const isNeutral = (s: string) => toneless(s) === s.normalize('NFD');

/**
 * Corrects `syllables` (one per code point of `chars`, as pinyin-pro read them) in place, given the
 * segmenter's word for each character (`spans[i]` is the word holding character i).
 */
export function readInContext(chars: string[], syllables: (string | null)[], spans: Span[], isFixed: (word: string) => boolean = () => false): void {
  const text = { chars, syllables, spans };
  for (let i = 0; i < chars.length; i++) {
    if (!POLYPHONES.has(chars[i]) || syllables[i] === null) continue;
    // A project override (overrides.ts) is a checked exception: it has the last word.
    if (spans[i].end - spans[i].start > 1 && isFixed(slice(text, spans[i].start, spans[i].end))) continue;
    const fromWord = dictionaryReading(text, i);
    // CC-CEDICT writes a syllable that is "usually light, sometimes stressed" (值得 zhí·dé) as
    // neutral; pinyin-pro's full tone of the same syllable stays, as 现代汉语词典 prints it.
    if (fromWord && !(isNeutral(fromWord) && toneless(fromWord) === toneless(syllables[i]!))) syllables[i] = fromWord;
    // A construction outweighs a word (更高地举起 is not 高地 "highland"); a lone character's default
    // applies only where no dictionary word holds it.
    const fromRule = CONSTRUCTIONS[chars[i]]?.(text, i) ?? (fromWord ? undefined : LONE[chars[i]]?.(text, i));
    if (fromRule) syllables[i] = fromRule;
  }
}

interface Text {
  chars: string[];
  syllables: (string | null)[];
  spans: Span[];
}

const slice = (t: Text, start: number, end: number) => t.chars.slice(start, end).join('');

/**
 * The reading CC-CEDICT gives character i in the longest dictionary word that holds it: the
 * segmenter's own word, else a shorter word inside it (冻得 is no word, 打得 neither), else, for a
 * character the segmenter left alone, the word it makes with a neighbour left alone too
 * (无 | 着 → 无着 wú zhuó). Words of the same length that disagree (留种 / 种地 in 留种地) decide nothing.
 */
function dictionaryReading(t: Text, i: number): string | null {
  const { start, end } = t.spans[i];
  const alone = end - start === 1;
  let lo = start;
  let hi = end;
  // Joining a neighbouring word would undo the segmenter's choice (晚上 | 将 is not 上将 jiàng,
  // 二两 | 重 not 两重 chóng), so only neighbours it left alone too are joined; 了 joins none
  // (到 | 了 is dào le, not 到了 dào liǎo "in the end").
  if (alone && t.chars[i] !== '了') {
    const single = (j: number) => j >= 0 && j < t.chars.length && HAN.test(t.chars[j]) && t.spans[j].end - t.spans[j].start === 1;
    if (single(i - 1)) lo = i - 1;
    if (single(i + 1)) hi = i + 2;
  }
  for (let length = hi - lo; length >= 2; length--) {
    const found = new Set<string | null>();
    for (let s = Math.max(lo, i - length + 1); s <= i && s + length <= hi; s++) {
      const entry = wordReading(slice(t, s, s + length));
      if (entry) found.add(entry[i - s]);
    }
    // The longest words decide; if they disagree (将军 / 将士) or leave it open, nothing is decided.
    if (found.size > 0) return found.size === 1 ? [...found][0] : null;
  }
  return null;
}

type Rule = (t: Text, i: number) => string | undefined;

/** The word before character i's word, as text (empty at the start or after punctuation). */
function wordBefore(t: Text, i: number): string {
  const j = t.spans[i].start - 1;
  if (j < 0 || !HAN.test(t.chars[j])) return '';
  return slice(t, t.spans[j].start, t.spans[j].end);
}
const isAlone = (t: Text, i: number) => t.spans[i].end - t.spans[i].start === 1;
const next = (t: Text, i: number) => t.chars[i + 1] ?? '';
const prev = (t: Text, i: number) => t.chars[i - 1] ?? '';

/** The clause around character i: from the last clause-ending mark before it to the next one. */
function clause(t: Text, i: number): { start: number; before: string; after: string } {
  let s = i;
  while (s > 0 && !CLAUSE_END.test(t.chars[s - 1])) s--;
  let e = i + 1;
  while (e < t.chars.length && !CLAUSE_END.test(t.chars[e])) e++;
  return { start: s, before: slice(t, s, i), after: slice(t, i + 1, e) };
}

const NUMERAL = /^[0-9０-９二三四五六七八九十百千万两零〇第]$/u;
const MEASURE_OR_NUMBER = /[0-9０-９一二三四五六七八九十百千万两几亩块片顷]$/u;
/** Verbs whose object is 地 "land, field": 深翻地, 整地, 扫地. */
const WORKS_LAND = /[翻种耕犁锄扫整占租]$/u;
/**
 * Pronouns, conjunctions and adverbs before 得: 他得了… and 因得 are dé "get", 方得 dé "may",
 * 就得去 děi "must"; the segmenter's call stands.
 */
const NOT_A_VERB_BEFORE_DE = /^(?:[我你他她它咱谁就还总也都才只必非可不没却便又再因方始乃深均亦])$|们$/u;
/** Offices a person is appointed as: 任命周恩来为…总理, 刘凤林为司令. */
const OFFICE = /(?:长|司令|主席|书记|总理|委员|代表|主任|顾问|秘书|干事|首)$/u;
/** What may stand before 种 as a measure word ("kind"): numerals, demonstratives, 各, 每, 某, 多… */
const BEFORE_KIND = /[0-9０-９一二三四五六七八九十百千万两几这那此该哪各每某多数诸同另本其]$/u;
/** Units whose head is a 长 (大队长, 编辑部长); not 区, since 边区 | 长芦 is the place Chánglú. */
const UNIT = /[队部局厂院校组团社所科处室站班连营委司馆省市县乡村]$/u;
/** Adverbs and verbs after which a lone 干 is the verb gàn "do": 带头干, 苦干, 敢干. */
const BEFORE_DO = /^(?:带头|苦|实|硬|蛮|大|敢|肯|要|能|会|就|都|还|再|去|来|接着|继续|坚持|埋头|一起)$/u;

/** Constructions that decide a reading whatever word the segmenter made. */
const CONSTRUCTIONS: Record<string, Rule> = {
  // 地 is the adverbial particle de between an adverbial and its verb (《现代汉语词典》 地 de):
  // after a word of two or more characters (普遍地推广, 浩浩荡荡地通过), or after an adverb of degree
  // and an adjective, even where the two make a noun (更高地举起: not 高地 "highland").
  地: (t, i) => {
    if (t.spans[i].end !== i + 1 || !HAN.test(next(t, i)) || next(t, i) === '的') return undefined;
    if (/[更很最较极越愈]/u.test(t.chars[i - 2] ?? '') && HAN.test(prev(t, i))) return 'de';
    const before = wordBefore(t, i);
    if (isAlone(t, i) && Array.from(before).length >= 2 && !MEASURE_OR_NUMBER.test(before) && !WORKS_LAND.test(before)) return 'de';
    return undefined;
  },
  // 得 after a verb links it to a complement (打得头破血流, 站得起来): de. The complete dictionary
  // has such pairs as words read dé (打得, 冻得), so a 得 ending a word CC-CEDICT does not list counts
  // as alone; 获得, 取得, 值得 are in CC-CEDICT and keep dé.
  得: (t, i) => {
    const { start, end } = t.spans[i];
    if (end !== i + 1 || !HAN.test(prev(t, i))) return undefined;
    if (start < i && wordReading(slice(t, start, end))) return undefined;
    // 不值 | 得: the verb and 得 make a word of their own (值得, 获得), so 得 is not a particle.
    if (wordReading(prev(t, i) + '得')) return undefined;
    const before = start < i ? slice(t, start, i) : wordBefore(t, i);
    // 贷得的数目: 得 before 的 is dé "obtain", as in 分得土地; a complement is no noun.
    if (NOT_A_VERB_BEFORE_DE.test(before) || next(t, i) === '的') return undefined;
    return 'de';
  },
  // 为 wéi "be, act as, take as" where a lone 为 states what something is: before a number
  // (发行量为115000份, 5月至8月为第二阶段), in 以…为… (以不干不湿为原则), before an office (朱德为…
  // 总司令), and in the caption formula 图为. Elsewhere it is wèi "for" (为人民服务), pinyin-pro's reading.
  为: (t, i) => {
    if (!isAlone(t, i)) return undefined;
    if (NUMERAL.test(next(t, i))) return 'wéi';
    const { start, before, after } = clause(t, i);
    // 以 as a word of its own (not 可以, 以后, 以便), not just before 为 (以为 yǐwéi "think").
    for (let j = start; j < i - 1; j++) if (t.chars[j] === '以' && isAlone(t, j)) return 'wéi';
    if (OFFICE.test(after) && Array.from(after).length <= 16) return 'wéi';
    if (prev(t, i) === '图' && /^(?:|[上下左右本此])$/u.test(before.slice(0, -1))) return 'wéi';
    return undefined;
  },
};

/** Readings of a character that no dictionary word holds. */
const LONE: Record<string, Rule> = {
  // A lone 应 is the modal yīng "should" (即应加以准备), except yìng "at the request of" with the
  // invitation later in the clause (应中华全国总工会邀请, 应人民之请); yìng "answer" is in words (响应).
  应: (t, i) => (isAlone(t, i) ? (/邀|之请|要求/u.test(clause(t, i).after) ? 'yìng' : 'yīng') : undefined),
  // A lone 长 after a unit is its head zhǎng (保安大队 | 长王冠五), as in the words 队长, 厂长.
  长: (t, i) => (isAlone(t, i) && UNIT.test(wordBefore(t, i)) ? 'zhǎng' : undefined),
  // A lone 供 is gōng "provide for" (供各地参考, 以供购买); gòng "offer" lives in words (口供, 供奉).
  供: (t, i) => (isAlone(t, i) ? 'gōng' : undefined),
  // 相 xiàng is a minister in the names of governments (副相, 内阁各相); as "mutually" it leads a verb.
  相: (t, i) => (isAlone(t, i) && (/[副首各外宰丞]/u.test(prev(t, i)) || !HAN.test(next(t, i))) ? 'xiàng' : undefined),
  // 传 closing a title is zhuàn "biography" (“甘地传”).
  传: (t, i) => (isAlone(t, i) && /^[”》」』’]$/u.test(next(t, i)) ? 'zhuàn' : undefined),
  // A lone 种 is the measure word zhǒng after a numeral or demonstrative (两种), else the verb
  // zhòng "plant" (能种两季, 再种一园太阳花).
  种: (t, i) => (isAlone(t, i) ? (BEFORE_KIND.test(wordBefore(t, i)) ? 'zhǒng' : 'zhòng') : undefined),
  // A lone 干 after these adverbs and verbs is gàn "do" (带头干的模范); gān "dry" (晒干) is a word.
  干: (t, i) => (isAlone(t, i) && BEFORE_DO.test(wordBefore(t, i)) ? 'gàn' : undefined),
};
