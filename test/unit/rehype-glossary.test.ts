import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../src/lib/document/model.ts';
import { curatedTerms, type TermInfo } from '../../src/lib/glossary/terms.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { renderTree } from '../../src/lib/render/html.ts';
import { rowsTree } from '../../src/lib/render/rows.ts';
import { chineseMatcher } from '../../src/lib/glossary/match.ts';
import { readYaml } from '../../src/node/yaml-source.ts';
import rehypeGlossary, { type GlossaryOptions } from '../../src/plugins/rehype-glossary.ts';
import { compact, pluginCases, readJson, rowsOf, transform } from '../fixtures/plugins/cases.ts';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { headlineTree } from '../../src/lib/render/headline.ts';
import { readSeed, REPO_ROOT, SEED_FILE } from './support/corpus.ts';

const TERMS = readJson<TermInfo[]>('terms.json');
const hrefOf = (t: TermInfo) => (t.slug ? `/glossary/${t.slug}/` : `#${t.id}`);

/** Runs the plugin on `tree` and returns the HTML and what it reported. */
function mark(tree: Root, options: Partial<GlossaryOptions> = {}) {
  const data = transform(tree, rehypeGlossary, { terms: TERMS, hrefOf, ...options });
  return { html: toHtml(tree), used: data.glossary!.used, footnotes: data.glossary!.footnotes };
}

/** The marks of a tree after the plugin: text, term id, and whether it is an English mark. */
function marksIn(tree: Root): { text: string; term: string; en: boolean; el: Element }[] {
  const out: { text: string; term: string; en: boolean; el: Element }[] = [];
  visit(tree, 'element', (el) => {
    if (el.tagName === 'a' && el.properties.dataTerm !== undefined) {
      const c = el.properties.className as string[];
      out.push({ text: toString(el), term: String(el.properties.dataTerm), en: c.includes('term-en'), el });
    }
  });
  return out;
}

function run(tree: Root, options: Partial<GlossaryOptions> = {}): Root {
  transform(tree, rehypeGlossary, { terms: TERMS, hrefOf, ...options });
  return tree;
}

describe('rehype-glossary fixtures (test/fixtures/plugins/rehype-glossary)', () => {
  const cases = pluginCases('rehype-glossary');

  it('has fixture cases to run', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(`${c.name}: matches output.html`, () => {
      const { html } = mark(c.tree());
      if (process.env.UPDATE_FIXTURES === '1') c.update(html);
      expect(c.expected, `${c.dir}/output.html is missing: run with UPDATE_FIXTURES=1 and read it`).not.toBeNull();
      expect(compact(html)).toBe(c.expected);
    });
  }
});

describe('rehype-glossary', () => {
  const row = (zh: string, en: string, n = 6) => rowsTree(rowsOf([{ zh: [[n, zh]], en: [[n, en]] }]));

  it('marks 土洋并举 in the Chinese paragraph as a link to its glossary page, with its id and reading', () => {
    const [m] = marksIn(run(row('这样土洋并举，首先', 'This approach')));
    expect(m).toMatchObject({ text: '土洋并举', term: 'g-tuyangbingju', en: false });
    expect(m!.el.properties).toMatchObject({ href: '/glossary/tuyangbingju/', className: ['term'], dataReading: 'tǔ yáng bìng jǔ' });
  });

  it('marks the English rendering in the same row, as a term-en link to the same page, without a reading', () => {
    const marks = marksIn(run(row('这样土洋并举', 'This approach of combining indigenous and foreign methods works')));
    const en = marks.filter((m) => m.en);
    expect(en).toHaveLength(1);
    expect(en[0]).toMatchObject({ text: 'combining indigenous and foreign methods', term: 'g-tuyangbingju' });
    expect(en[0]!.el.properties).toMatchObject({ href: '/glossary/tuyangbingju/', className: ['term', 'term-en'] });
    expect(en[0]!.el.properties.dataReading).toBeUndefined();
  });

  it('leaves a rendering unmarked when its term is not in the Chinese of that row', () => {
    const tree = rowsTree(
      rowsOf([
        { zh: [[1, '这样土洋并举。']], en: [[1, 'This works.']] },
        { zh: [[2, '提高产量。']], en: [[2, 'combining indigenous and foreign methods']] },
      ]),
    );
    const marks = marksIn(run(tree));
    expect(marks.map((m) => [m.text, m.en])).toEqual([['土洋并举', false]]);
  });

  it('keeps English marks inside the English cell: the Chinese cell gets no term-en link', () => {
    const marks = marksIn(run(row('土洋并举 combining indigenous and foreign methods', 'combining indigenous and foreign methods')));
    expect(marks.map((m) => [m.text, m.en])).toEqual([
      ['土洋并举', false],
      ['combining indigenous and foreign methods', true],
    ]);
  });

  it('marks nothing outside a .row or .headline, even in a data-n paragraph', () => {
    const tree: Root = { type: 'root', children: [h('div', [h('p', { dataN: 1 }, '这样土洋并举')])] };
    expect(marksIn(run(tree))).toEqual([]);
  });

  it('marks nothing in a row label (no data-n / data-e): 无原文 notes stay text', () => {
    const tree = rowsTree(rowsOf([{ zh: [], en: [[3, 'combining indigenous and foreign methods']] }]));
    expect(marksIn(run(tree))).toEqual([]);
  });

  it('never marks inside an existing link, in either language', () => {
    const tree: Root = {
      type: 'root',
      children: [
        h('div.row', [
          h('div.cell.zh', [h('p', { dataN: 1 }, [h('a', { href: '#x' }, ['这样', h('b', '土洋并举')])])]),
          h('div.cell.en', [h('p', { dataE: 1 }, [h('a', { href: '#y' }, 'combining indigenous and foreign methods')])]),
        ]),
      ],
    };
    const before = renderTree(structuredClone(tree));
    expect(marksIn(run(tree))).toEqual([]);
    expect(renderTree(tree)).toBe(before);
  });

  it('sets no id attribute on marks (ids are prefixed data-term values, never a global id)', () => {
    const tree = run(row('这样土洋并举，多少雷锋', 'combining indigenous and foreign methods, Lei Feng'));
    const marks = marksIn(tree);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) {
      expect(m.el.properties.id, m.text).toBeUndefined();
      expect(m.term, m.text).toMatch(/^(g|n)-[a-z0-9-]+$/);
    }
  });

  it('keeps the ids already in the tree (rows, paragraphs) and adds none', () => {
    const tree = rowsTree(
      rowsOf([
        {
          zh: [
            [6, '这样土洋并举'],
            [7, '土法'],
          ],
          en: [[8, 'indigenous methods']],
        },
      ]),
    );
    const ids = () => {
      const out: string[] = [];
      visit(tree, 'element', (el) => void (el.properties.id !== undefined && out.push(String(el.properties.id))));
      return out;
    };
    const before = ids();
    expect(before).toEqual(expect.arrayContaining(['p6', 'p7']));
    run(tree);
    expect(marksIn(tree)).toHaveLength(3);
    expect(ids()).toEqual(before);
  });

  it('links a named entity to its entry in the name list (#n-3)', () => {
    const [m] = marksIn(run(row('多少雷锋王杰', 'how many Lei Feng')));
    expect(m).toMatchObject({ text: '雷锋', term: 'n-3' });
    expect(m!.el.properties.href).toBe('#n-3');
  });

  it('reports the ids of the terms it marked in `file.data.glossary.used`, and only those', () => {
    const { used } = mark(row('这样土洋并举，多少雷锋', 'combining indigenous and foreign methods'));
    expect([...used].sort()).toEqual(['g-tuyangbingju', 'n-3']);
  });

  it('numbers print footnotes by each term’s first Chinese mark, through headline and rows alike', () => {
    const tree: Root = {
      type: 'root',
      children: [
        ...headlineTree(['多少雷锋'], 'A title', []).children,
        ...rowsTree(rowsOf([{ zh: [[1, '这样土洋并举，又是雷锋，再土洋并举']], en: [[1, 'x']] }])).children,
      ],
    };
    const { footnotes } = mark(tree);
    expect(footnotes).toEqual(['n-3', 'g-tuyangbingju']);
    const refs: (string | undefined)[] = [];
    visit(tree, 'element', (el) => {
      if ((el.properties.className as string[] | undefined)?.includes('fn-ref'))
        refs.push(el.properties.dataFn === undefined ? undefined : String(el.properties.dataFn));
    });
    expect(refs, 'a reference after every Chinese mark; the first of each term numbered').toEqual(['1', '2', undefined, undefined]);
  });

  it('gives the same result on a second run with a fresh tree (no state kept between runs)', () => {
    const processor = unified().use(rehypeGlossary, { terms: TERMS, hrefOf });
    const first = row('这样土洋并举', 'combining indigenous and foreign methods');
    const second = row('提高产量', 'combining indigenous and foreign methods');
    processor.runSync(first);
    processor.runSync(second);
    expect(marksIn(first)).toHaveLength(2);
    expect(marksIn(second)).toEqual([]);
  });

  it('changes no text: the tree reads the same before and after', () => {
    const tree = row('这样土洋并举，首先以土为主，应当组织县、区、乡、社', 'combining indigenous and foreign methods, first focusing on indigenous methods');
    const before = toString(tree as unknown as Element);
    run(tree);
    expect(toString(tree as unknown as Element)).toBe(before);
  });
});

describe('rehype-glossary on the seed with the real glossary', () => {
  const doc = buildDocument(parseDocument(readSeed(), SEED_FILE));
  const dir = resolve(REPO_ROOT, 'content/glossary');
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const data = readYaml(readFileSync(resolve(dir, f), 'utf8'), f).data as { term: string; gloss: string; renderings?: string[] };
      return { term: data.term, slug: f.replace(/\.yaml$/, ''), gloss: data.gloss, reading: '', renderings: data.renderings ?? [] };
    });
  const terms = curatedTerms(entries);
  const tree = rowsTree(doc.rows);
  const before = toString(tree as unknown as Element);
  transform(tree, rehypeGlossary, { terms, hrefOf });
  const rows = tree.children.flatMap((c) => (c.type === 'element' ? c.children : [])) as Element[];

  it('reads the 31 glossary entries', () => {
    expect(entries).toHaveLength(31);
  });

  it('marks as many terms in each Chinese paragraph as the matcher finds', () => {
    const match = chineseMatcher(terms.map((t) => t.key));
    let total = 0;
    for (const r of rows) {
      const expected = r.children
        .flatMap((cell) => (cell.type === 'element' ? cell.children : []))
        .filter((p) => p.type === 'element' && p.properties.dataN !== undefined);
      for (const p of expected as Element[]) {
        const fromText = match(toString(p)).length;
        total += fromText;
        expect(
          marksIn({ type: 'root', children: [p] }).filter((m) => !m.en),
          `p${p.properties.dataN}`,
        ).toHaveLength(fromText);
      }
    }
    expect(total).toBeGreaterThan(30);
  });

  it('marks 土洋并举 in p6 and its rendering in the English of the same row', () => {
    const p6 = rows.find((r) => r.properties.id === 'p6')!;
    const marks = marksIn({ type: 'root', children: [p6] }).filter((m) => m.term === 'g-tuyangbingju');
    expect(marks.map((m) => [m.text, m.en])).toEqual([
      ['土洋并举', false],
      ['combining indigenous and foreign methods', true],
    ]);
  });

  it('gives every English mark a partner: the same term is marked in the Chinese of its row', () => {
    let english = 0;
    for (const r of rows) {
      const marks = marksIn({ type: 'root', children: [r] });
      const zh = new Set(marks.filter((m) => !m.en).map((m) => m.term));
      for (const m of marks.filter((m) => m.en)) {
        english++;
        expect(zh.has(m.term), `${r.properties.id}: "${m.text}" (${m.term}) has no Chinese partner`).toBe(true);
      }
    }
    expect(english).toBeGreaterThan(10);
  });

  it('changes no character of the seed text', () => {
    expect(toString(tree as unknown as Element)).toBe(before);
  });
});
