/**
 * Glossary terms in the documents: the terms a page marks (the curated glossary and the document's
 * named entities, terms), finding them in Chinese text and their renderings in English (match), and
 * where each occurs across the archive, summarised so that parts of a build combine (concordance).
 * Pure and browser-safe; a term's reading is made at build time (src/node/pinyin).
 */
export * from './concordance.ts';
export * from './match.ts';
export * from './terms.ts';
