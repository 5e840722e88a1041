import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { unified, type PluggableList } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { curatedTerms } from '../../src/lib/glossary/terms.ts';
import { renderDocument } from '../../src/lib/render/html.ts';
import { rowsTree } from '../../src/lib/render/rows.ts';
import { TAG } from '../../src/lib/render/markup.ts';
import { pinyinLine, pinyinSyllables } from '../../src/node/pinyin/reading.ts';
import { segment } from '../../src/node/words/segment.ts';
import { readYaml } from '../../src/node/yaml-source.ts';
import rehypeGlossary from '../../src/plugins/rehype-glossary.ts';
import rehypeRuby from '../../src/plugins/rehype-ruby.ts';
import rehypeWords, { type WordSeen } from '../../src/plugins/rehype-words.ts';
import { readSeed, REPO_ROOT, SEED_FILE } from './support/corpus.ts';

const HAN = /\p{Script=Han}/u;
/** Readings that do not need the dictionary: one fixed syllable per character. */
const fakeSyllables = (text: string) => Array.from(text).map((ch) => (HAN.test(ch) ? `py${ch}` : null));

/** The text of every word element, in order. */
function words(tree: Root | Element): string[] {
  const out: string[] = [];
  visit(tree, 'element', (el) => {
    if (el.tagName === TAG.word) out.push(toString(el));
  });
  return out;
}

function run(tree: Root, plugins: PluggableList): { tree: Root; seen: WordSeen[] } {
  const file = new VFile();
  const done = unified().use(plugins).runSync(tree, file) as Root;
  return { tree: done, seen: file.data.words ?? [] };
}

describe('segment (jieba)', () => {
  it('keeps 土洋并举, 冶炼 and 开采 whole in the seed’s sentence', () => {
    const cut = segment('在一切有矿源的地方进行土法开采和冶炼');
    expect(cut).toContain('开采');
    expect(cut).toContain('冶炼');
    expect(segment('这样土洋并举')).toContain('土洋并举');
    expect(segment('实现人民公社化')).toContain('人民公社化');
  });

  it('gives the text back exactly, character for character', () => {
    const text = '中共中央和国务院指示抓住大跃进中薄弱环节';
    expect(segment(text).join('')).toBe(text);
  });
});

describe('rehype-words', () => {
  const paragraph = () =>
    ({
      type: 'root',
      children: [
        h('div', { className: ['row'] }, [h('p', { dataN: 5 }, [h('span', { className: ['s'], id: 'p5.1', dataS: 'p5.1' }, '1959年，土法开采和冶炼。')])]),
      ],
    }) as Root;

  it('wraps each word of a run of Chinese characters, and leaves digits and punctuation as text', () => {
    const { tree } = run(paragraph(), [[rehypeWords, { segment, syllables: fakeSyllables }]]);
    expect(words(tree)).toEqual(['年', '土法', '开采', '和', '冶炼']);
    expect(toString(tree as unknown as Element)).toBe('1959年，土法开采和冶炼。');
  });

  it('reports each word once, with its sentence and its pinyin there', () => {
    const { seen } = run(paragraph(), [[rehypeWords, { segment, syllables: fakeSyllables }]]);
    expect(seen.find((w) => w.word === '开采')).toEqual({ word: '开采', pinyin: 'py开 py采', sentence: 'p5.1' });
    expect(seen).toHaveLength(5);
  });

  it('leaves a glossary mark one word, unwrapped, and reports it with the term’s reading', () => {
    const terms = curatedTerms([{ term: '土法', slug: 'tufa', gloss: 'indigenous methods', reading: 'tǔ fǎ', renderings: [] }]);
    const { tree, seen } = run(paragraph(), [
      [rehypeGlossary, { terms, hrefOf: () => '#' }],
      [rehypeWords, { segment, syllables: fakeSyllables }],
    ]);
    expect(words(tree)).toEqual(['年', '开采', '和', '冶炼']);
    expect(seen.find((w) => w.word === '土法')).toEqual({ word: '土法', pinyin: 'tǔ fǎ', sentence: 'p5.1' });
  });

  it('leaves English paragraphs alone', () => {
    const tree = { type: 'root', children: [h('p', { dataE: 1 }, 'Copper 铜')] } as Root;
    expect(words(run(tree, [[rehypeWords, { segment, syllables: fakeSyllables }]]).tree)).toEqual([]);
  });
});

describe('glossary, words and ruby on the seed', () => {
  const doc = buildDocument(parseDocument(readSeed(), SEED_FILE));
  const dir = resolve(REPO_ROOT, 'content/glossary');
  let html = '';
  let seen: WordSeen[] = [];
  let tree: Root;

  beforeAll(() => {
    const terms = curatedTerms(
      readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => {
          const data = readYaml(readFileSync(resolve(dir, f), 'utf8'), f).data as { term: string; gloss: string; renderings?: string[]; pinyin?: string };
          return {
            term: data.term,
            slug: f.replace(/\.yaml$/, ''),
            gloss: data.gloss,
            reading: data.pinyin ?? pinyinLine(data.term),
            renderings: data.renderings ?? [],
          };
        }),
    );
    const plugins: PluggableList = [
      [rehypeGlossary, { terms, hrefOf: () => '#' }],
      [rehypeWords, { segment, syllables: pinyinSyllables }],
      [rehypeRuby, { syllables: pinyinSyllables }],
    ];
    const rendered = renderDocument(doc, plugins);
    html = rendered.rows;
    seen = rendered.data.words ?? [];
    tree = run(rowsTree(doc.rows), plugins).tree;
  }, 60_000);

  it('marks 开采 and 冶炼 as words, each once in 土法开采和冶炼', () => {
    const all = words(tree);
    expect(all).toContain('开采');
    expect(all).toContain('冶炼');
  });

  it('keeps 土洋并举 one glossary mark, never cut into words', () => {
    expect(html).toContain('data-term="g-tuyangbingju"');
    expect(words(tree).some((w) => '土洋并举'.includes(w) && w.length > 1 && w !== '土洋并举')).toBe(false);
  });

  it('changes no character of the text', () => {
    const plain = toString(rowsTree(doc.rows) as unknown as Element);
    expect(toString(tree as unknown as Element)).toBe(plain);
  });

  it('reports 开采 with the pinyin its ruby shows, and its sentence', () => {
    const w = seen.find((s) => s.word === '开采')!;
    expect(w.pinyin).toBe('kāi cǎi');
    expect(w.sentence).toMatch(/^p\d+\.\d+$/);
  });

  it('puts ruby inside the words, one word element around both characters', () => {
    expect(html).toMatch(/<zh-w><ruby>开<rt data-py="kāi"><\/rt><\/ruby><ruby>采<rt data-py="cǎi"><\/rt><\/ruby><\/zh-w>/);
  });
});
