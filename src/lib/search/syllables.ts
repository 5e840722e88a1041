/**
 * Toneless pinyin as typed into the search box, split into syllables: `tuyangbingju`,
 * `tu yang bing ju`, `Tǔyáng` and `tu3yang2` all become `tu yang …`; `xi'an` is two syllables and
 * `xian` one. Runs in the browser: no dictionary, only the table of syllables below.
 *
 * The table is every toneless syllable pinyin-pro gives for the CJK Unified Ideographs and its
 * complete dictionary (ü written v, as build/pinyin/reading.ts `toneless()` does), so every syllable in the
 * index can be typed.
 */

const TABLE =
  'a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ' +
  'cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu ' +
  'cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ' +
  'ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan ' +
  'guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian ' +
  'jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan ' +
  'kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun ' +
  'luo lv lve m ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne ' +
  'nei nen neng ng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai pan pang pao pei pen ' +
  'peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang ' +
  'rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei ' +
  'shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao ' +
  'te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang ' +
  'xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan ' +
  'zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui ' +
  'zhun zhuo zi zong zou zu zuan zui zun zuo';

export const SYLLABLES: ReadonlySet<string> = new Set(TABLE.split(' '));
const PREFIXES: ReadonlySet<string> = new Set([...SYLLABLES].flatMap((s) => [...s].map((_, k) => s.slice(0, k + 1))));
const LONGEST = 6;

/** Lower case, tone marks and tone numbers off, ü (or `u:`) as v: `Lǚ3` → `lv`. Keeps `'` and spaces. */
export function foldPinyin(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/u\u0308|u:/gi, 'v')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([a-z])[1-5]/g, '$1')
    .replace(/[’‘`]/g, "'");
}

export interface PinyinSplit {
  syllables: string[];
  /** The last syllable is only the start of one (`tuyangb` → `b`): match it as a prefix. */
  partial: boolean;
}

/**
 * Splits letters into syllables, longest first with backtracking so that the whole input is used
 * (`xian` → xian; `tuyangbingju` → tu yang bing ju; `fangan` → fang an). When no complete split
 * exists and `allowPartial` is set, the last piece may be the start of a syllable.
 */
function splitLetters(letters: string, allowPartial: boolean): PinyinSplit | null {
  const memo = new Map<number, string[] | null>();
  const whole = (at: number): string[] | null => {
    if (at === letters.length) return [];
    if (memo.has(at)) return memo.get(at)!;
    let found: string[] | null = null;
    for (let len = Math.min(LONGEST, letters.length - at); len > 0 && !found; len--) {
      const s = letters.slice(at, at + len);
      if (!SYLLABLES.has(s)) continue;
      const rest = whole(at + len);
      if (rest) found = [s, ...rest];
    }
    memo.set(at, found);
    return found;
  };
  const complete = whole(0);
  if (complete) return { syllables: complete, partial: false };
  if (!allowPartial) return null;
  // The longest complete start followed by the start of a syllable.
  for (let cut = letters.length - 1; cut >= 0; cut--) {
    const tail = letters.slice(cut);
    if (!PREFIXES.has(tail)) continue;
    const head = cut === 0 ? [] : completeOnly(letters.slice(0, cut));
    if (head) return { syllables: [...head, tail], partial: true };
  }
  return null;
}

function completeOnly(letters: string): string[] | null {
  return splitLetters(letters, false)?.syllables ?? null;
}

/**
 * Splits a run of typed pinyin into syllables. Spaces and apostrophes mark syllable boundaries;
 * anything but letters a–z (after folding) makes it not pinyin (null). `allowPartial`: the text
 * is still being typed, so its last syllable may be incomplete.
 */
export function splitPinyin(text: string, allowPartial = false): PinyinSplit | null {
  const pieces = foldPinyin(text)
    .split(/[\s']+/)
    .filter(Boolean);
  if (!pieces.length || pieces.some((p) => !/^[a-z]+$/.test(p))) return null;
  const syllables: string[] = [];
  let partial = false;
  for (let k = 0; k < pieces.length; k++) {
    const split = splitLetters(pieces[k]!, allowPartial && k === pieces.length - 1);
    if (!split) return null;
    syllables.push(...split.syllables);
    partial = split.partial;
  }
  return { syllables, partial };
}
