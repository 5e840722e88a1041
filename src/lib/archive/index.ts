/**
 * The archive by date: years, months, days and their pages (版), and the date range a build
 * covers (FROM/TO). Pure and browser-safe.
 */
export * from './calendar.ts';
export * from './range.ts';
export * from './step.ts';
export * from './headlines.ts';
