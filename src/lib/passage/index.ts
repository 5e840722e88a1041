/**
 * Passages, as teachers link and cite them: passage URLs (`#p3-p5`, `#p5.2`, `&layout=zh`, url),
 * the reader's view those URLs and the switches set (view), and Chicago citations (citation).
 * Browser-safe.
 */
export * from './citation.ts';
export * from './url.ts';
export * from './view.ts';
