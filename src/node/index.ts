/**
 * Build time only, in Node: what reads files (load: documents and their overrides; serve: the static
 * server the scripts and tests use), hashes (content-version, search-index), runs pinyin-pro
 * (pinyin: readings in context) or esbuild (bundle), and what only the build needs (the glossary's
 * YAML and note sanitiser, a page's terms with their readings, the search probe the tests and the
 * benchmark run in a page). Nothing here reaches the browser; src/lib is what may.
 */
export * from './bundle.ts';
export * from './content-version.ts';
export * from './glossary-note.ts';
export * from './load.ts';
export * from './page-terms.ts';
export * from './pinyin/reading.ts';
export * from './search-index.ts';
export * from './yaml-source.ts';
