import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { curatedTerms, type TermInfo } from '../../src/lib/glossary/terms.ts';
import { headlineTree } from '../../src/lib/render/headline.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { pinyinLine, pinyinSyllables } from '../../src/node/pinyin/reading.ts';
import { renderTree } from '../../src/lib/render/html.ts';
import { rowsTree } from '../../src/lib/render/rows.ts';
import { readYaml } from '../../src/node/yaml-source.ts';
import rehypeGlossary from '../../src/plugins/rehype-glossary.ts';
import rehypeRuby from '../../src/plugins/rehype-ruby.ts';
import { compact, pluginCases, readJson, transform } from '../fixtures/plugins/cases.ts';
import { readSeed, REPO_ROOT, SEED_FILE } from './support/corpus.ts';

const HAN = /\p{Script=Han}/u;
const FAKE = readJson<Record<string, string>>('syllables.json');

/** A stand-in for build/pinyin/reading.ts: one fixed reading per character, so fixtures do not depend on the dictionary. */
function fakeSyllables(text: string): (string | null)[] {
  return Array.from(text).map((ch) => (HAN.test(ch) ? (FAKE[ch] ?? `?${ch}`) : null));
}

const asElement = (tree: Root) => tree as unknown as Element;

/** Each ruby's base character and its reading, in document order. */
function rubies(tree: Root | Element): { ch: string; py: string }[] {
  const out: { ch: string; py: string }[] = [];
  visit(tree, 'element', (el) => {
    if (el.tagName !== 'ruby') return;
    const rts = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'rt');
    expect(rts, 'one rt per ruby').toHaveLength(1);
    out.push({ ch: toString(el), py: String(rts[0]!.properties.dataPy) });
  });
  return out;
}

describe('rehype-ruby fixtures (test/fixtures/plugins/rehype-ruby)', () => {
  const cases = pluginCases('rehype-ruby');

  it('has fixture cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.name}: matches output.html`, () => {
      const html = renderTree(c.tree(), [[rehypeRuby, { syllables: fakeSyllables }]]);
      if (process.env.UPDATE_FIXTURES === '1') c.update(html);
      expect(c.expected, `${c.dir}/output.html is missing: run with UPDATE_FIXTURES=1 and read it`).not.toBeNull();
      expect(compact(html)).toBe(c.expected);
    });
  }
});

describe('rehype-ruby with a fixed reader', () => {
  const run = (tree: Root) => {
    transform(tree, rehypeRuby, { syllables: fakeSyllables });
    return tree;
  };
  const paragraph = (text: string): Root => ({ type: 'root', children: [h('p', { dataN: 1 }, text)] });

  it('puts one ruby with one rt over every Han character, in order', () => {
    const found = rubies(run(paragraph('这样土洋并举')));
    expect(found).toEqual(['这', '样', '土', '洋', '并', '举'].map((ch) => ({ ch, py: FAKE[ch] })));
  });

  it('puts no ruby over digits, Latin letters, full-width or ASCII punctuation, or spaces', () => {
    const tree = run(paragraph('1959年 ABC，铜、铝（x）!'));
    expect(rubies(tree).map((r) => r.ch)).toEqual(['年', '铜', '铝']);
    const p = tree.children[0] as Element;
    const texts = p.children.filter((c) => c.type === 'text').map((c) => (c as { value: string }).value);
    expect(texts).toEqual(['1959', ' ABC，', '、', '（x）!']);
  });

  it('keeps the reading in the data-py attribute, with nothing inside rt: the text of the page stays the same', () => {
    const tree = paragraph('这样土洋并举，1959年');
    const before = toString(asElement(tree));
    run(tree);
    expect(toString(asElement(tree))).toBe(before);
    visit(tree, 'element', (el) => {
      if (el.tagName === 'rt') expect(el.children).toEqual([]);
    });
  });

  it('leaves English paragraphs and untagged elements alone, even with hanzi in them', () => {
    const tree: Root = { type: 'root', children: [h('p', { dataE: 1 }, '土洋并举'), h('p', '土洋并举'), h('span', { dataTitle: '' }, '铜')] };
    expect(rubies(run(tree))).toEqual([]);
  });

  it('uses the term reading inside a glossary mark and the context reading elsewhere', () => {
    const tree: Root = {
      type: 'root',
      children: [h('p', { dataN: 1 }, ['重', h('a', { className: ['term'], dataReading: 'chóng zǔ' }, '重组'), '重'])],
    };
    expect(rubies(run(tree)).map((r) => r.py)).toEqual(['zhòng', 'chóng', 'zǔ', 'zhòng']);
  });

  it('removes the term reading from the mark once its ruby carries it', () => {
    const tree: Root = { type: 'root', children: [h('p', { dataN: 1 }, [h('a', { className: ['term'], dataTerm: 'g-x', dataReading: 'chóng zǔ' }, '重组')])] };
    expect(renderTree(tree, [[rehypeRuby, { syllables: fakeSyllables }]])).not.toContain('data-reading');
  });

  it('falls back to the context reading when the term reading has the wrong number of syllables', () => {
    const tree: Root = { type: 'root', children: [h('p', { dataN: 1 }, [h('a', { dataReading: 'chóng' }, '重组')])] };
    expect(rubies(run(tree)).map((r) => r.py)).toEqual(['zhòng', 'zǔ']);
  });

  it('reads a term with punctuation inside (县、区、乡、社): four readings, none on the commas', () => {
    const tree: Root = { type: 'root', children: [h('p', { dataN: 1 }, [h('a', { dataReading: 'xiàn qū xiāng shè' }, '县、区、乡、社')])] };
    expect(rubies(run(tree))).toEqual([
      { ch: '县', py: 'xiàn' },
      { ch: '区', py: 'qū' },
      { ch: '乡', py: 'xiāng' },
      { ch: '社', py: 'shè' },
    ]);
  });

  it('keeps its place in the paragraph after a character outside the BMP (𠮷 is two UTF-16 units)', () => {
    expect(rubies(run(paragraph('𠮷字，铜')))).toEqual([
      { ch: '𠮷', py: 'jí' },
      { ch: '字', py: 'zì' },
      { ch: '铜', py: 'tóng' },
    ]);
  });

  it('gives each paragraph its own reading: the second paragraph does not continue the first one’s count', () => {
    const calls: string[] = [];
    const tree: Root = { type: 'root', children: [h('p', { dataN: 1 }, '这样'), h('p', { dataN: 2 }, '土洋')] };
    transform(tree, rehypeRuby, { syllables: (t) => (calls.push(t), fakeSyllables(t)) });
    expect(calls).toEqual(['这样', '土洋']);
    expect(rubies(tree).map((r) => r.py)).toEqual(['zhè', 'yàng', 'tǔ', 'yáng']);
  });
});

describe('rehype-ruby with the real reader (pinyin-pro and the project corrections)', () => {
  // The first call loads the 18 MB complete dictionary (3–4 s, more on a busy machine).
  beforeAll(() => void pinyinLine('中'), 60_000);

  const run = (...paragraphs: (string | Element)[][]) => {
    const tree: Root = { type: 'root', children: paragraphs.map((children, k) => h('p', { dataN: k + 1 }, children)) };
    transform(tree, rehypeRuby, { syllables: pinyinSyllables });
    return rubies(tree);
  };
  const readingOf = (found: { ch: string; py: string }[], from: number, length: number) =>
    found
      .slice(from, from + length)
      .map((r) => r.py)
      .join(' ');

  it('reads 重 by context in one paragraph: 重要 zhòng, 重组 chóng', () => {
    const text = '认识了这个任务的重要性，也要进行企业重组。';
    const found = run([text]);
    const chars = found.map((r) => r.ch).join('');
    expect(readingOf(found, chars.indexOf('重要'), 2)).toBe('zhòng yào');
    expect(readingOf(found, chars.indexOf('重组'), 2)).toBe('chóng zǔ');
  });

  it('reads 薄弱 as bó ruò and 繁重 as fán zhòng in the seed’s own sentences', () => {
    const found = run(['有一个薄弱环节'], ['任务虽然十分繁重']);
    const chars = found.map((r) => r.ch).join('');
    expect(readingOf(found, chars.indexOf('薄弱'), 2)).toBe('bó ruò');
    expect(readingOf(found, chars.indexOf('繁重'), 2)).toBe('fán zhòng');
  });
});

describe('rehype-glossary then rehype-ruby on the seed', () => {
  beforeAll(() => void pinyinLine('中'), 60_000);

  const doc = buildDocument(parseDocument(readSeed(), SEED_FILE));
  const dir = resolve(REPO_ROOT, 'content/glossary');
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  let terms: TermInfo[] = [];
  let rows: Root;
  let headline: Root;
  let before: { rows: string; headline: string };

  beforeAll(() => {
    // The loader's reading: the `pinyin` field, or the term read on its own.
    terms = curatedTerms(
      files.map((f) => {
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
    rows = rowsTree(doc.rows);
    headline = headlineTree(doc.headlineZh, doc.title, doc.headlineEn);
    before = { rows: toString(asElement(rows)), headline: toString(asElement(headline)) };
    for (const tree of [rows, headline]) {
      transform(tree, rehypeGlossary, { terms, hrefOf: (t) => `/glossary/${t.slug}/` });
      transform(tree, rehypeRuby, { syllables: pinyinSyllables });
    }
  }, 60_000);

  it('changes no character of the text (hast-util-to-string before equals after)', () => {
    expect(toString(asElement(rows))).toBe(before.rows);
    expect(toString(asElement(headline))).toBe(before.headline);
  });

  it('puts exactly one rt over each Han character of the Chinese, and none in the English', () => {
    let han = 0;
    let rts = 0;
    let englishRts = 0;
    visit(rows, 'element', (el) => {
      if (el.properties.dataN !== undefined) {
        han += Array.from(toString(el)).filter((c) => HAN.test(c)).length;
        visit(el, 'element', (r) => void (r.tagName === 'rt' && rts++));
      }
      if (el.properties.dataE !== undefined) visit(el, 'element', (r) => void (r.tagName === 'rt' && englishRts++));
    });
    expect(han).toBeGreaterThan(1000);
    expect(rts).toBe(han);
    expect(englishRts).toBe(0);
  });

  it('gives every reading as a toned pinyin syllable', () => {
    const found = rubies(rows);
    expect(found.length).toBeGreaterThan(1000);
    const bad = found.filter((r) => !/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+$/.test(r.py));
    expect(bad).toEqual([]);
  });

  it('reads every marked term with the glossary’s reading, so ruby and popover agree, and leaves no data-reading on the marks', () => {
    let checked = 0;
    for (const tree of [rows, headline]) {
      visit(tree, 'element', (el) => {
        if (el.tagName !== 'a' || typeof el.properties.dataTerm !== 'string') return;
        expect(el.properties.dataReading, 'the ruby carries the reading: the mark needs no copy of it').toBeUndefined();
        if ((el.properties.className as string[]).includes('term-en')) return;
        const term = terms.find((t) => t.id === el.properties.dataTerm)!;
        expect(
          rubies(el)
            .map((r) => r.py)
            .join(' '),
          term.key,
        ).toBe(term.reading);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('reads 薄弱环节 in the headline bó ruò huán jié and 重要性 in p12 zhòng yào xìng', () => {
    const deck = rubies(headline);
    const deckChars = deck.map((r) => r.ch).join('');
    expect(deck.slice(deckChars.indexOf('薄弱环节'), deckChars.indexOf('薄弱环节') + 4).map((r) => r.py)).toEqual(['bó', 'ruò', 'huán', 'jié']);
    let p12: Element | undefined;
    visit(rows, 'element', (el) => {
      if (el.properties.dataN === 12) p12 = el;
    });
    const found = rubies(p12!);
    const chars = found.map((r) => r.ch).join('');
    expect(chars.indexOf('重要性')).toBeGreaterThan(0);
    expect(found.slice(chars.indexOf('重要性'), chars.indexOf('重要性') + 3).map((r) => r.py)).toEqual(['zhòng', 'yào', 'xìng']);
  });
});
