import { describe, expect, it } from 'vitest';
import { parseOverride } from '../../src/lib/document/overrides.ts';
import { splitZhSentences } from '../../src/lib/document/sentences.ts';
import { buildDocument, type DocumentModel } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { renderRows } from '../../src/lib/render/html.ts';
import { decodeHtml, readFixture, readSeed } from './support/corpus.ts';

// A translation is corrected, split, merged, cut and re-aligned; the Chinese stays as it was. Every
// link a teacher sent (#p5, #p5.2) must still land on the same Chinese text. See
// test/fixtures/id-stability/README.md for what was edited.
const ORIGINAL = 'id-stability/original.txt';
const EDITED = 'id-stability/edited.txt';
const OVERRIDE = 'id-stability/edited.txt.align';

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

/** Reads the HTML the rows renderer writes (well-formed, quoted attributes) into a small tree. */
function parseHtml(html: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const m of html.matchAll(/<(\/?)([a-z][a-z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>|([^<]+)/gi)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.children.push(decodeHtml(m[4]));
      continue;
    }
    const tag = m[2]!.toLowerCase();
    if (m[1]) {
      if (top.tag !== tag) throw new Error(`</${tag}> closes <${top.tag}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) attrs[a[1]!] = decodeHtml(a[2] ?? '');
    const node: Node = { tag, attrs, children: [] };
    top.children.push(node);
    if (!VOID.has(tag)) stack.push(node);
  }
  return root;
}

const textOf = (node: Node): string => node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const c of node.children) if (typeof c !== 'string') yield* walk(c);
}

/**
 * What each id on the page points at, in Chinese: for a row or paragraph id `pN`, the text of
 * Chinese paragraph N (the element itself or the first Chinese paragraph inside it); for a sentence
 * anchor `pN.k`, the sentence's text. Ids that are not `pN`/`pN.k` (`e7` for an English-only row)
 * belong to the translation and may change.
 */
function anchors(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of walk(parseHtml(html))) {
    const id = node.attrs.id;
    if (!id || !/^p\d+(?:\.\d+)?$/.test(id)) continue;
    if (out.has(id)) throw new Error(`the id ${id} occurs twice`);
    if (id.includes('.')) {
      out.set(id, textOf(node));
      continue;
    }
    const paragraph = [...walk(node)].find((n) => n.attrs['data-n'] !== undefined);
    out.set(
      id,
      paragraph && `p${paragraph.attrs['data-n']}` === id
        ? textOf(paragraph)
        : `(points at ${paragraph ? `p${paragraph.attrs['data-n']}` : 'no Chinese paragraph'})`,
    );
  }
  return out;
}

function build(file: string, override?: string): DocumentModel {
  const doc = parseDocument(readFixture(file), file);
  return buildDocument(doc, override ? { groups: parseOverride(readFixture(override), override), file: override } : undefined);
}

/** `[Chinese rows, English paragraphs]` per row: how the document was aligned. */
const shape = (doc: DocumentModel) => doc.rows.map((r) => [r.zh.map((z) => `p${z.n}`).join(' '), r.en.map((e) => `e${e.e}`).join(' ')]);

/** The English text each sentence anchor is paired with, to show that the alignment did change. */
function englishFor(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const node of walk(parseHtml(html))) {
    const ids = node.attrs['data-s'];
    if (node.tag !== 'span' || !ids || node.attrs.id) continue;
    for (const id of ids.split(' ')) out.set(id, `${out.get(id) ?? ''}${textOf(node)}`.trim());
  }
  return out;
}

/** Ids of the original that are missing from, or point at other Chinese text in, the edited page. */
function moved(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before]
    .filter(([id, text]) => after.get(id) !== text)
    .map(([id, text]) => `${id}: was ${JSON.stringify(text.slice(0, 20))}, now ${JSON.stringify(after.get(id)?.slice(0, 20) ?? null)}`);
}

const original = build(ORIGINAL);
const originalHtml = renderRows(original.rows);
const before = anchors(originalHtml);

describe('the fixture', () => {
  it('is the seed, unchanged', () => {
    expect(readFixture(ORIGINAL)).toBe(readSeed());
  });

  it('gives the original twelve row ids and a sentence anchor for every Chinese sentence', () => {
    const ids = [...before.keys()];
    expect(ids.filter((id) => !id.includes('.'))).toEqual(Array.from({ length: 12 }, (_, k) => `p${k + 1}`));
    const sentences = original.rows.flatMap((r) => r.zh.flatMap((z) => splitZhSentences(z.text).map((_, k) => `p${z.n}.${k + 1}`)));
    expect(sentences.length).toBeGreaterThan(30);
    expect(ids.filter((id) => id.includes('.'))).toEqual(sentences);
    expect(before.get('p5.2')).toBe('我们认为完全有条件完成这个任务。');
    expect(before.get('p5')).toMatch(/^有没有可能在一年的时间中/);
  });

  it('edits only the translation: the Chinese of both files is the same', () => {
    const a = parseDocument(readFixture(ORIGINAL), ORIGINAL);
    const b = parseDocument(readFixture(EDITED), EDITED);
    const chinese = (d: typeof a) => [d.zh.headline, d.zh.bylines.map((p) => p.text), d.zh.paragraphs.map((p) => p.text)];
    expect(chinese(b)).toEqual(chinese(a));
    expect(b.en.paragraphs.map((p) => p.text)).not.toEqual(a.en.paragraphs.map((p) => p.text));
    expect(b.en.paragraphs.length).toBe(a.en.paragraphs.length - 1); // +1 split, −1 merge, −1 deletion
  });
});

describe('ids after the translation is edited and re-aligned', () => {
  const edited = build(EDITED);
  const html = renderRows(edited.rows);

  it('re-aligns the rows differently (the edit is not a no-op)', () => {
    expect(shape(edited)).not.toEqual(shape(original));
    expect(englishFor(html)).not.toEqual(englishFor(originalHtml));
  });

  it('keeps every row id p1…p12 on the same Chinese paragraph', () => {
    const after = anchors(html);
    expect(moved(new Map([...before].filter(([id]) => !id.includes('.'))), after)).toEqual([]);
  });

  it('keeps every sentence anchor pN.k on the same Chinese sentence', () => {
    const after = anchors(html);
    expect(moved(new Map([...before].filter(([id]) => id.includes('.'))), after)).toEqual([]);
  });

  it('adds no Chinese anchor the original did not have', () => {
    expect([...anchors(html).keys()].sort()).toEqual([...before.keys()].sort());
  });
});

describe('ids after a hand-written .align override', () => {
  const groups = parseOverride(readFixture(OVERRIDE), OVERRIDE);
  const fixed = build(EDITED, OVERRIDE);
  const html = renderRows(fixed.rows);

  it('applies the override: p5 gets e7–e8, p9 and p10 share e12, p11 has no English', () => {
    expect(groups.map((g) => [g.zh, g.en])).toEqual([
      [[5], [7, 8]],
      [[9, 10], [12]],
      [[11], []],
    ]);
    expect(shape(fixed)).toEqual(
      expect.arrayContaining([
        ['p5', 'e7 e8'],
        ['p9 p10', 'e12'],
        ['p11', ''],
      ]),
    );
  });

  it('keeps every row id and sentence anchor of the original on the same Chinese text', () => {
    expect(moved(before, anchors(html))).toEqual([]);
    expect([...anchors(html).keys()].sort()).toEqual([...before.keys()].sort());
  });

  it('pairs the merged English with sentences of both p9 and p10', () => {
    const english = englishFor(html);
    expect(english.get('p9.1')).toMatch(/require a large amount of equipment/);
    expect(english.get('p10.1')).toMatch(/cooperation of electricity, transportation, coal/);
  });
});

describe('the check itself', () => {
  it('notices when the Chinese does change (a sentence inserted in p5)', () => {
    const source = readFixture(ORIGINAL).replace('我们认为完全有条件完成这个任务。', '这是新加的一句。我们认为完全有条件完成这个任务。');
    const changed = buildDocument(parseDocument(source, 'changed.txt'));
    const problems = moved(before, anchors(renderRows(changed.rows)));
    expect(problems[0]).toMatch(/^p5: /);
    expect(problems.some((p) => p.startsWith('p5.2: was "我们认为'))).toBe(true);
  });
});
