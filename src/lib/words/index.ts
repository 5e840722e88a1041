/** Words: the lookup's data (data.ts), pinyin tones, starred and known words, exports. */
export * from './data.ts';
export * from './export.ts';
export * from './starred.ts';
export * from './tones.ts';
