import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { decodePinyin, encodePinyin, isPagePinyin, PinyinDataError } from '../../src/lib/pinyin/data.ts';
import { renderDocument } from '../../src/lib/render/html.ts';
import { attr, DATA } from '../../src/lib/render/markup.ts';
import { BLOCKS, READING } from '../../src/elements/ruby-apply.ts';
import { headlineElement } from '../../src/lib/render/headline.ts';
import { rowsElement } from '../../src/lib/render/rows.ts';
import { unified } from 'unified';
import { pinyinLine, pinyinSyllables } from '../../src/node/pinyin/reading.ts';
import rehypeRuby from '../../src/plugins/rehype-ruby.ts';
import { readSeed, SEED_FILE } from './support/corpus.ts';

describe('the pinyin of a page, packed for its pinyin.js', () => {
  it('gives back the readings it was given, block by block, character by character', () => {
    const blocks = [['tǔ', 'yáng', 'bìng', 'jǔ'], [], ['tǔ', 'yáng'], ['lǜ', 'Lǚ', 'lüè']];
    const data = encodePinyin(blocks);
    expect(decodePinyin(data)).toEqual(blocks);
    expect(isPagePinyin(JSON.parse(JSON.stringify(data)))).toBe(true);
  });

  it('finds the blocks and writes the reading where markup.ts says they are', () => {
    expect(BLOCKS).toBe(`[${attr(DATA.deck)}], [${attr(DATA.n)}]`);
    expect(READING).toBe(attr(DATA.py));
  });

  it('writes the syllables out, one string per block, so gzip sees the words', () => {
    expect(encodePinyin([['tǔ', 'yáng', 'bìng', 'jǔ'], [], ['tǔ', '']])).toEqual({ v: 1, b: ['tǔ yáng bìng jǔ', '', 'tǔ _'] });
  });

  it('keeps a Han character without a reading as an empty one, wherever it falls, and tells it from a block without Han', () => {
    for (const blocks of [[['', 'zì']], [['zì', '']], [['']], [[], ['']], [['zì', '', 'zì', '']]]) expect(decodePinyin(encodePinyin(blocks))).toEqual(blocks);
  });

  it('refuses what is not one syllable, with a message', () => {
    expect(() => encodePinyin([['tǔ yáng']])).toThrow(PinyinDataError);
    expect(() => encodePinyin([['tǔ yáng']])).toThrow(/one per character/);
    expect(() => encodePinyin([['_']])).toThrow(PinyinDataError);
  });

  it('says what is not its data: a stale or broken file is ignored', () => {
    for (const bad of [null, {}, { v: 2, b: [] }, { v: 1, b: 'x' }, { v: 1, b: [1] }, 'x']) expect(isPagePinyin(bad)).toBe(false);
  });
});

describe('rehype-ruby collecting the seed’s readings for its pinyin.js', () => {
  beforeAll(() => void pinyinLine('中'), 60_000);
  const doc = buildDocument(parseDocument(readSeed(), SEED_FILE));

  it('collects exactly the readings it would write as ruby, block by block, and leaves the tree alone', () => {
    const collected = renderDocument(doc, [[rehypeRuby, { syllables: pinyinSyllables, collect: true }]]);
    const plain = renderDocument(doc);
    expect(collected.headline).toBe(plain.headline);
    expect(collected.rows).toBe(plain.rows);

    const tree: Root = { type: 'root', children: [headlineElement(doc.headlineZh, doc.title, doc.headlineEn), rowsElement(doc.rows)] };
    unified().use(rehypeRuby, { syllables: pinyinSyllables }).runSync(tree);
    const written: string[][] = [];
    visit(tree, 'element', (el: Element) => {
      if (el.properties.dataN === undefined && el.properties.dataDeck === undefined) return;
      const here: string[] = [];
      visit(el, 'element', (r: Element) => {
        if (r.tagName === 'rt') here.push(String(r.properties.dataPy));
      });
      written.push(here);
    });
    expect(collected.data.pinyin).toEqual(written);
    // Every Han character of a block has its place: as many readings as characters.
    const blocks = collected.data.pinyin!;
    expect(blocks.flat().length).toBeGreaterThan(1000);
    expect(blocks.flat().every((py) => py !== '')).toBe(true);
    expect(toString(tree as unknown as Element)).toBe(
      toString({ type: 'root', children: [headlineElement(doc.headlineZh, doc.title, doc.headlineEn), rowsElement(doc.rows)] } as unknown as Element),
    );
  }, 60_000);

  it('packs the seed’s 1,500 readings in less than the ruby markup cost the gzipped HTML', () => {
    const blocks = renderDocument(doc, [[rehypeRuby, { syllables: pinyinSyllables, collect: true }]]).data.pinyin!;
    const packed = gzipSync(JSON.stringify(encodePinyin(blocks)), { level: 6 }).length;
    const markup = renderDocument(doc, [[rehypeRuby, { syllables: pinyinSyllables }]]);
    const plain = renderDocument(doc);
    const gz = (s: string) => gzipSync(s, { level: 6 }).length;
    const rubyCost = gz(markup.headline + markup.rows) - gz(plain.headline + plain.rows);
    expect(packed).toBeLessThan(rubyCost * 0.85);
    expect(decodePinyin(encodePinyin(blocks))).toEqual(blocks);
  }, 60_000);
});
