/**
 * The reader's markup: the hast builders of a document's headline and rows (headline, rows), the
 * contract of class names, data attributes and ids that they, the rehype plugins, the custom
 * elements and the CSS share (markup), print footnote numbering (footnotes), and HTML through the
 * plugins (html). Browser-safe.
 */
export * from './footnotes.ts';
export * from './headline.ts';
export * from './html.ts';
export * from './markup.ts';
export * from './rows.ts';
