/**
 * The document model: an archive file read (parse), its headline and head lines found (headline),
 * its paragraphs aligned across the languages (align, with anchors such as numbers and names, and
 * hand-written `.align` overrides), its sentences aligned in each row (sentences), and the stored
 * shape built from all that (model; the types come from src/schemas/document.ts). Also the
 * named-entity block (entities), document URLs (slug) and the small text helpers they share.
 * Pure and browser-safe; reading files from disk is src/node/load.ts.
 */
export * from './align.ts';
export * from './anchors.ts';
export * from './entities.ts';
export * from './headline.ts';
export * from './model.ts';
export * from './overrides.ts';
export * from './parse.ts';
export * from './sentences.ts';
export * from './slug.ts';
export * from './text.ts';
