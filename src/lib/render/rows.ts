/**
 * Builds the reader's rows as a hast tree (not HTML strings: text is escaped by the serializer,
 * so a `<script>` in a source file shows as text). Plugins (glossary marks, ruby) transform this
 * tree afterwards.
 *
 * The class names and attributes are the markup contract of lib/render/markup.ts.
 *
 *   <div class="row" id="p6" data-kind="pair">
 *     <div class="num"><a class="pn" href="#p6">6</a><a class="pn" href="#p7">7</a></div>
 *     <div class="cell zh" lang="zh-Hans">
 *       <p data-n="6"><span class="s" id="p6.1" data-s="p6.1">…。</span>…</p><p id="p7" data-n="7">…</p>
 *     </div>
 *     <div class="cell en" lang="en"><p data-e="8"><span class="s" data-s="p6.1">… </span>…</p></div>
 *   </div>
 *
 * Sentence spans come from lib/document/sentences.ts; English sentences carry the anchors of the Chinese
 * sentences they translate.
 */
import { h } from 'hastscript';
import type { Element, Root } from 'hast';
import type { Row } from '../document/model.ts';
import { rowSentences } from '../document/sentences.ts';
import { attr, CLASS, DATA, englishRowId, rowId } from './markup.ts';

function label(text: string, title: string): Element {
  return h('p', { className: [CLASS.note], title }, text);
}

export function rowElement(row: Row): Element {
  const first = row.zh[0];
  const id = first ? rowId(first.n) : englishRowId(row.en[0]!.e);
  const nums = row.zh.map((z) => h('a', { className: [CLASS.number], href: `#${rowId(z.n)}`, 'aria-label': `Paragraph ${z.n}` }, String(z.n)));
  const sentences = rowSentences(row);
  const zh = row.zh.length
    ? sentences.zh.map((z, k) =>
        h(
          'p',
          { id: k === 0 ? undefined : rowId(z.n), [attr(DATA.n)]: z.n },
          z.sentences.map((s) => h('span', { className: [CLASS.sentence], id: s.id, [attr(DATA.s)]: s.id, tabIndex: -1 }, s.text)),
        ),
      )
    : [label('无原文 · no original', 'This English paragraph has no counterpart in the Chinese original.')];
  const en = row.en.length
    ? sentences.en.map((e) =>
        h(
          'p',
          { [attr(DATA.e)]: e.e },
          e.sentences.map((s) =>
            s.ids.length
              ? h('span', { className: [CLASS.sentence], [attr(DATA.s)]: s.ids.join(' '), tabIndex: -1 }, s.text)
              : h('span', { className: [CLASS.sentence] }, s.text),
          ),
        ),
      )
    : [label('no translation', 'The translation has no English for this paragraph.')];
  if (row.low) en.push(label('alignment uncertain', `The aligner is not sure these paragraphs belong together (confidence ${row.confidence}).`));
  return h('div', { className: [CLASS.row, ...(row.low ? [CLASS.uncertain] : [])], id, [attr(DATA.kind)]: row.kind, [attr(DATA.move)]: row.move }, [
    h('div', { className: [CLASS.numbers] }, nums),
    h('div', { className: [CLASS.cell, CLASS.zh], lang: 'zh-Hans' }, zh),
    h('div', { className: [CLASS.cell, CLASS.en], lang: 'en' }, en),
  ]);
}

export function rowsElement(rows: Row[]): Element {
  return h('div', { className: [CLASS.rows] }, rows.map(rowElement));
}

/** The rows alone as a tree (tests, fixtures). */
export function rowsTree(rows: Row[]): Root {
  return { type: 'root', children: [rowsElement(rows)] };
}
