/**
 * Full-text search, shared by the build and the browser: the encoders (encode, fold, stem,
 * syllables), the files the build writes and the browser reads (files; chunks cuts and packs
 * posting lists), and the browser's engine over them (engine, with query, plan, lists, match, text,
 * terms and highlight). Browser-safe; the index is built by src/node/search-index.ts.
 */
export * from './chunks.ts';
export * from './encode.ts';
export * from './engine.ts';
export * from './files.ts';
export * from './fold.ts';
export * from './highlight.ts';
export * from './lists.ts';
export * from './match.ts';
export * from './plan.ts';
export * from './query.ts';
export * from './stem.ts';
export * from './syllables.ts';
export * from './terms.ts';
export * from './text.ts';
