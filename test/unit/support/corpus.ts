/**
 * Where the unit tests find their documents: the seed in `content/documents/` and the 200-file
 * archive corpus in `../shared/corpus/rmrb/` (test data only, outside the product; see its README).
 *
 * `CORPUS_DIR` names another folder for the corpus (a git worktree, for example, is not beside
 * `../shared`). The corpus may be absent on a fresh clone. Then the corpus tests are skipped with a loud warning,
 * except under CI (`CI=true`), where a missing corpus is a failure, not a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { listDocumentFiles } from '../../../src/node/load.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const SEED_FILE = '1958-09-25-p1-copper-and-aluminum.txt';
export const SEED_DIR = resolve(REPO_ROOT, 'content/documents');
export const CORPUS_DIR = resolve(REPO_ROOT, process.env.CORPUS_DIR || '../shared/corpus/rmrb');
export const FIXTURES_DIR = resolve(REPO_ROOT, 'test/fixtures');
/** How many documents the corpus README promises. */
export const CORPUS_SIZE = 200;

export const isCI = process.env.CI === 'true';
export const corpusPresent = existsSync(CORPUS_DIR);

if (!corpusPresent) {
  console.warn(
    `\n!!! The test corpus is missing: ${CORPUS_DIR}\n` +
      `!!! ${isCI ? 'CI=true, so the corpus tests FAIL.' : 'The corpus tests are SKIPPED.'} ` +
      'Put the 200 archive files there (see ../shared/corpus/README.md) to run them.\n',
  );
}

export function readSeed(): string {
  return readFileSync(resolve(SEED_DIR, SEED_FILE), 'utf8');
}

/** The corpus file names (document files only), or none when the folder is missing. */
export function corpusFiles(): string[] {
  return corpusPresent ? listDocumentFiles(CORPUS_DIR) : [];
}

export function readCorpus(file: string): string {
  return readFileSync(resolve(CORPUS_DIR, file), 'utf8');
}

export function readFixture(path: string): string {
  return readFileSync(resolve(FIXTURES_DIR, path), 'utf8');
}

/**
 * A `describe` for tests that read the corpus: skipped (after the warning above) when the folder
 * is missing, except under CI, where it still runs and opens with a test that fails.
 */
export function describeCorpus(name: string, body: () => void): void {
  describe.skipIf(!corpusPresent && !isCI)(name, () => {
    it(`finds the ${CORPUS_SIZE} corpus documents in ${CORPUS_DIR}`, () => {
      if (!corpusPresent) throw new Error(`The test corpus is missing: ${CORPUS_DIR} (CI=true: a missing corpus is a failure).`);
      const files = corpusFiles();
      if (files.length !== CORPUS_SIZE) throw new Error(`Expected ${CORPUS_SIZE} documents in ${CORPUS_DIR}, found ${files.length}.`);
    });
    body();
  });
}

/** Decodes the character references hast-util-to-html writes (`&#x3C;`, `&#x26;`, `&lt;`…). */
export function decodeHtml(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };
  return html.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (ref, hex?: string, dec?: string, name?: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return named[name!.toLowerCase()] ?? ref;
  });
}

/** The `<p>` elements of rendered rows for one side: `data-n` (Chinese) or `data-e` (English). */
export function renderedParagraphs(html: string, attr: 'data-n' | 'data-e'): { num: number; text: string }[] {
  const out: { num: number; text: string }[] = [];
  // Paragraphs hold sentence spans (and, with plugins, marks): their text is the text between tags.
  const re = new RegExp(`<p(?: id="[^"]*")? ${attr}="(\\d+)">([\\s\\S]*?)</p>`, 'g');
  for (const m of html.matchAll(re)) out.push({ num: Number(m[1]), text: decodeHtml(m[2]!.replace(/<[^>]*>/g, '')) });
  return out;
}

/** How many times each value occurs. */
export function tally<T>(values: T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
