import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { documentPath, documentSlug } from '../../src/lib/document/slug.ts';
import { makeArchive, MARKER, readSources, writeArchive, type ArchiveFile } from '../../scripts/make-archive.ts';
import { CORPUS_DIR, corpusPresent, describeCorpus, tally } from './support/corpus.ts';

const COUNT = 500;
const ANY_DATE = /\d{4}-\d{2}-\d{2}/g;
const ARCHIVE_NAME = /^(\d{4}-\d{2}-\d{2})-p(\d+)-[^/]+\.(md|txt)$/;
const TITLE_NAME = /^(\d{4}-\d{2}-\d{2})_[^/]+\.txt$/;

describeCorpus('makeArchive over the 200-article corpus', () => {
  // Read at collection time, so only when the corpus is there (describeCorpus reports it missing).
  const sources = corpusPresent ? readSources(CORPUS_DIR) : [];
  const files = sources.length ? makeArchive({ sources, count: COUNT, seed: 1 }) : [];
  const base = (f: ArchiveFile) => f.path.split('/').at(-1)!;
  const dateOf = (f: ArchiveFile) => base(f).slice(0, 10);

  it('makes exactly the number of documents asked for', () => {
    expect(files).toHaveLength(COUNT);
    for (const count of [0, 1, 2, 13, 201]) expect(makeArchive({ sources, count, seed: 3 })).toHaveLength(count);
    expect(new Set(files.map((f) => f.path)).size).toBe(COUNT);
  });

  it('writes files the parser reads, dated as their name and folder say, in both date fields', () => {
    for (const f of files) {
      const doc = parseDocument(f.text, f.path);
      const date = dateOf(f);
      expect(f.path.startsWith(`${date.slice(0, 4)}/${date.slice(5, 7)}/`), f.path).toBe(true);
      expect([doc.date, doc.en.date, doc.zh.date], f.path).toEqual([date, date, date]);
      expect(
        doc.notes.filter((n) => n.message.includes('differs')),
        f.path,
      ).toEqual([]);
      const m = ARCHIVE_NAME.exec(base(f));
      if (m) expect(doc.page, f.path).toBe(Number(m[2]));
    }
  });

  it('mixes the two file-name shapes, about one in five with a Chinese title', () => {
    const titled = files.filter((f) => TITLE_NAME.test(base(f))).length;
    const archive = files.filter((f) => ARCHIVE_NAME.test(base(f))).length;
    expect(titled + archive).toBe(COUNT);
    expect(titled / COUNT).toBeGreaterThan(0.1);
    expect(titled / COUNT).toBeLessThan(0.3);
    expect(files.some((f) => /_[\u4e00-\u9fff]/.test(base(f)))).toBe(true);
  });

  it('puts 1 to 12 documents on a day, on several pages, over at least three years', () => {
    const perDay = tally(files.map(dateOf));
    for (const [day, n] of perDay) {
      expect(n, day).toBeGreaterThanOrEqual(1);
      expect(n, day).toBeLessThanOrEqual(12);
    }
    expect(new Set(files.map((f) => dateOf(f).slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    const pagesPerDay = [...perDay.keys()].map((day) => new Set(files.filter((f) => dateOf(f) === day).map((f) => parseDocument(f.text, f.path).page)).size);
    expect(pagesPerDay.filter((p) => p > 1).length).toBeGreaterThan(perDay.size / 2);
  });

  it('gives the same archive for the same seed and other dates for another seed', () => {
    expect(makeArchive({ sources, count: COUNT, seed: 1 })).toEqual(files);
    expect(makeArchive({ sources, count: COUNT, seed: 2 }).map((f) => f.path)).not.toEqual(files.map((f) => f.path));
  });

  it('keeps every character of its source except the two dates', () => {
    const bySkeleton = new Map(sources.map((s) => [s.text.replace(ANY_DATE, 'D'), s.text]));
    for (const f of files) {
      const source = bySkeleton.get(f.text.replace(ANY_DATE, 'D'));
      expect(source, f.path).toBeDefined();
      const before = source!.match(ANY_DATE)!;
      const changed = f.text.match(ANY_DATE)!.filter((d, k) => d !== before[k]);
      expect(changed.length, f.path).toBeLessThanOrEqual(2);
    }
  });

  it('makes a few documents collide on date, page and slug, so the reader has to number them', () => {
    const paths = files.map((f) => {
      const doc = parseDocument(f.text, f.path);
      return documentPath(doc.date, doc.page, documentSlug(f.path, doc.en.title));
    });
    const twins = [...tally(paths)].filter(([, n]) => n > 1);
    expect(twins.length).toBeGreaterThanOrEqual(1);
    expect(twins.length).toBeLessThanOrEqual(COUNT / 100);
  });
});

describe('writeArchive', () => {
  it('refuses to wipe a folder it did not make, and wipes one it made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'make-archive-test-'));
    try {
      writeFileSync(join(dir, 'keep.txt'), 'not ours');
      expect(() => writeArchive(dir, [])).toThrow(/refusing to wipe/);
      expect(existsSync(join(dir, 'keep.txt'))).toBe(true);
      const out = join(dir, 'archive');
      writeArchive(out, [{ path: '1950/01/old.md', text: 'x' }]);
      writeArchive(out, [{ path: '1951/02/new.md', text: 'y' }]);
      expect(readdirSync(out).sort()).toEqual([MARKER, '1951']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
