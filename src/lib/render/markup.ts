/**
 * The reader's markup contract: the class names, data attributes and ids that the hast builders
 * (rows.ts, headline.ts) and the rehype plugins write, and that the plugins, the custom elements
 * (src/elements) and the styles read back. One module that all of them import, as Starlight keeps
 * the ids its components and scripts share in `constants.ts`: a name changed here changes
 * everywhere, or the type checker says where it did not.
 *
 *   <div class="headline"><h1><span class="deck" data-deck="1">…</span></h1>
 *     <p class="title-en"><span data-title>…</span></p> <p class="headline-en"><span class="deck" data-e="1">…</span></p></div>
 *   <div class="rows">
 *     <div class="row" id="p6" data-kind="pair" data-move="2-1">
 *       <div class="num"><a class="pn" href="#p6">6</a>…</div>
 *       <div class="cell zh" lang="zh-Hans"><p data-n="6"><span class="s" id="p6.1" data-s="p6.1">…</span></p></div>
 *       <div class="cell en" lang="en"><p data-e="8"><span class="s" data-s="p6.1">…</span></p></div>
 *     </div>
 *   </div>
 *
 * Glossary marks: `<a class="term" data-term="g-tuyangbingju">` in Chinese text,
 * `<a class="term term-en" data-term="…">` in English, each Chinese one followed by
 * `<sup class="fn-ref" data-fn="3">` for print. Pinyin: `<ruby>薄<rt data-py="bó"></rt></ruby>`.
 * Words (plugins/rehype-words.ts): `<zh-w>开采</zh-w>` around each other Chinese word, ruby inside.
 *
 * The page's terms, once each: the print notes (src/pages/[...doc].astro), from which <reader-terms>
 * builds a term's popover when it is first opened (`data-kind="entity"`: a named entity):
 *
 *   <section class="print-notes"><h2>…</h2><ol>
 *     <li data-term="g-lv" data-note><span lang="zh-Hans">绿</span> <span class="py">lǜ</span> — <span class="gloss">…</span></li>
 *     <li data-term="n-3" data-kind="entity">…</li></ol></section>
 */

export const CLASS = {
  headline: 'headline',
  deck: 'deck',
  titleEn: 'title-en',
  headlineEn: 'headline-en',
  rows: 'rows',
  row: 'row',
  /** A row whose alignment the aligner is unsure of. */
  uncertain: 'row--uncertain',
  /** The row numbers' column, and one row number. */
  numbers: 'num',
  number: 'pn',
  cell: 'cell',
  zh: 'zh',
  en: 'en',
  /** A sentence. */
  sentence: 's',
  /** A label such as "no translation". */
  note: 'note',
  term: 'term',
  termEn: 'term-en',
  footnoteRef: 'fn-ref',
  /** The page's list of its terms (print notes), and in an entry the reading and the gloss. */
  termList: 'print-notes',
  termReading: 'py',
  termGloss: 'gloss',
} as const;

/**
 * Data attributes by the name after `data-`: `DATA.n` is the attribute `data-n`, the DOM's
 * `el.dataset.n`, hast's property `dataN` (`prop(DATA.n)`).
 */
export const DATA = {
  /** A Chinese paragraph: its row number. */
  n: 'n',
  /** An English paragraph: its number in the English body. */
  e: 'e',
  /** A Chinese headline deck: its number. */
  deck: 'deck',
  /** The English title. */
  title: 'title',
  /** A sentence: its id (`p5.2`); an English one: the ids of the Chinese sentences it translates. */
  s: 's',
  /** A row: what it pairs (`pair`, …); an entry of the term list: `entity` for a named entity. */
  kind: 'kind',
  move: 'move',
  /** A glossary mark: its term's id (`g-tuyangbingju`, `n-3` for a named entity). */
  term: 'term',
  /**
   * A Chinese glossary mark, at build time only: the term's reading, which its ruby follows;
   * rehype-ruby removes it once the ruby carries it (the page has it once, in the term list).
   */
  reading: 'reading',
  /** A footnote reference: its note's number. */
  fn: 'fn',
  /** A ruby annotation: the syllable. */
  py: 'py',
  /**
   * An entry of the term list whose term has a glossary note: the note's script (TERM_NOTE_FILE) is
   * beside the glossary page that the term's marks link to.
   */
  note: 'note',
} as const;

export type DataName = (typeof DATA)[keyof typeof DATA];

/** The attribute: `data-n`. */
export const attr = (name: DataName): `data-${DataName}` => `data-${name}`;

/** hast's property name for a data attribute: `dataN`. */
export const prop = (name: DataName): string => `data${name[0]!.toUpperCase()}${name.slice(1)}`;

/**
 * Element names. A word is one short element with no attributes (a page has thousands): its text
 * is its dictionary key, its ruby its reading here. An autonomous custom element name, so it is
 * valid HTML without being defined.
 */
export const TAG = {
  word: 'zh-w',
} as const;

/** Selectors the plugins and elements read the markup with. */
export const SELECT = {
  /** Where a glossary term and its English rendering are looked for together. */
  scope: `.${CLASS.row}, .${CLASS.headline}`,
  row: `.${CLASS.row}`,
  zhParagraph: `p[${attr(DATA.n)}]`,
  enParagraph: `p[${attr(DATA.e)}]`,
  zhSentence: `.${CLASS.cell}.${CLASS.zh} .${CLASS.sentence}[${attr(DATA.s)}]`,
  /** A Chinese sentence that is a link target (it has its own id). */
  zhSentenceTarget: `.${CLASS.cell}.${CLASS.zh} .${CLASS.sentence}[id]`,
  sentence: `.${CLASS.sentence}[${attr(DATA.s)}]`,
  rowNumber: `a.${CLASS.number}`,
  numbers: `.${CLASS.numbers}`,
  term: `a.${CLASS.term}[${attr(DATA.term)}]`,
  /** Chinese glossary marks, which get footnotes in print. */
  termZh: `a.${CLASS.term}:not(.${CLASS.termEn})`,
  footnoteRef: `.${CLASS.footnoteRef}`,
  /** An entry of the page's term list, whose term is its `data-term`. */
  termEntry: `.${CLASS.termList} li[${attr(DATA.term)}]`,
  /** A word the reader can look up: a marked word, or a Chinese glossary mark. */
  lookup: `${TAG.word}, a.${CLASS.term}:not(.${CLASS.termEn})`,
} as const;

/** The id of a row with Chinese (`p5`), of one with English only (`e3`), of a sentence (`p5.2`). */
export const rowId = (n: number): string => `p${n}`;
export const englishRowId = (e: number): string => `e${e}`;
export const sentenceId = (n: number, k: number): string => `p${n}.${k}`;

/** A glossary term's popover (built by <reader-terms> from the term list when first opened). */
export const popoverId = (term: string): string => `pop-${term}`;

/**
 * A curated term's note, beside its glossary page (`glossary/lv/note.js`): a classic script (it
 * loads from file:// too) calling `__duizhaoNote(termId, noteHtml)`. One file per term, loaded by a
 * popover when first opened, so a page does not carry the notes of all its terms.
 */
export const TERM_NOTE_FILE = 'note.js';
export const TERM_NOTE_GLOBAL = '__duizhaoNote';

/** A curated term's id (`g-` + its slug), a named entity's (`n-` + its place in the block). */
export const glossaryTermId = (slug: string): string => `g-${slug}`;
export const entityTermId = (k: number): string => `n-${k}`;

/** Classes the custom elements set on the markup for what the reader is doing, which the CSS draws. */
export const STATE = {
  /** A row or sentence of the passage the address names, or of the one printed. */
  inPassage: 'in-passage',
  /** A sentence and its counterparts while one of them is hovered or focused. */
  sentenceLit: 's-lit',
  /** A glossary mark and its partners while one of them is hovered or focused. */
  termLit: 'term-lit',
  /** On `<html>` while a passage, not the page, is printed. */
  printPassage: 'print-passage',
  /** A row long enough that print may break it across pages. */
  printMaySplit: 'print-may-split',
  /** A row's copy-link button (made by <reader-passages>). */
  rowLink: 'row-link',
  /** In study mode, a sentence of the hidden side that the reader revealed (<study-mode>). */
  studyShown: 'study-shown',
  /** In study mode, a row's button that reveals or hides its hidden side (made by <study-mode>). */
  studyRow: 'study-row',
} as const;
