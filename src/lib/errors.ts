/**
 * Typed errors for bad source files. `lib/` throws these; the content loader turns them into
 * Astro errors with the same message and hint, so the author sees file, line, problem and fix.
 */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number;
  readonly hint: string;
  constructor(file: string, line: number, message: string, hint: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'SourceError';
    this.file = file;
    this.line = line;
    this.hint = hint;
  }
  /** One block of text: where, what, how to fix. */
  format(): string {
    return `${this.message}\n  Fix: ${this.hint}`;
  }
}

/** Something irregular that was read and kept, worth a look but not an error. */
export type { SourceNote } from '../schemas/document.ts';
