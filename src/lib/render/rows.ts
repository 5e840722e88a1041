/**
 * Builds the reader's rows as a hast tree (not HTML strings: text is escaped by the serializer,
 * so a `<script>` in a source file shows as text). Plugins (glossary marks, ruby) transform this
 * tree afterwards.
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

function label(text: string, title: string): Element {
  return h('p', { className: ['note'], title }, text);
}

export function rowElement(row: Row): Element {
  const first = row.zh[0];
  const id = first ? `p${first.n}` : `e${row.en[0]!.e}`;
  const nums = row.zh.map((z) => h('a', { className: ['pn'], href: `#p${z.n}`, 'aria-label': `Paragraph ${z.n}` }, String(z.n)));
  const sentences = rowSentences(row);
  const zh = row.zh.length
    ? sentences.zh.map((z, k) =>
        h('p', { id: k === 0 ? undefined : `p${z.n}`, dataN: z.n }, z.sentences.map((s) => h('span', { className: ['s'], id: s.id, dataS: s.id, tabIndex: -1 }, s.text))),
      )
    : [label('无原文 · no original', 'This English paragraph has no counterpart in the Chinese original.')];
  const en = row.en.length
    ? sentences.en.map((e) =>
        h('p', { dataE: e.e }, e.sentences.map((s) => (s.ids.length ? h('span', { className: ['s'], dataS: s.ids.join(' '), tabIndex: -1 }, s.text) : h('span', { className: ['s'] }, s.text)))),
      )
    : [label('no translation', 'The translation has no English for this paragraph.')];
  if (row.low) en.push(label('alignment uncertain', `The aligner is not sure these paragraphs belong together (confidence ${row.confidence}).`));
  return h(
    'div',
    { className: ['row', ...(row.low ? ['row--uncertain'] : [])], id, dataKind: row.kind, dataMove: row.move },
    [h('div', { className: ['num'] }, nums), h('div', { className: ['cell', 'zh'], lang: 'zh-Hans' }, zh), h('div', { className: ['cell', 'en'], lang: 'en' }, en)],
  );
}

export function rowsTree(rows: Row[]): Root {
  return { type: 'root', children: [h('div', { className: ['rows'] }, rows.map(rowElement))] };
}
