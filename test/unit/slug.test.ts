import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/node/load.ts';
import { sortDocuments } from '../../src/lib/archive/order.ts';
import { documentPath, documentSlug, slugify } from '../../src/lib/document/slug.ts';
import { CORPUS_DIR, corpusFiles, describeCorpus, SEED_DIR, SEED_FILE } from './support/corpus.ts';

describe('documentSlug from archive file names', () => {
  it('takes the part after YYYY-MM-DD-pN- of the seed file name', () => {
    expect(documentSlug('1958-09-25-p1-copper-and-aluminum.txt', 'Anything at all')).toBe('copper-and-aluminum');
  });

  it('ignores the folder and the extension', () => {
    expect(documentSlug('content/documents/1958-09-25-p1-copper-and-aluminum.txt', '')).toBe('copper-and-aluminum');
    expect(documentSlug('1966-01-05-p6-he-xinlang.md', '')).toBe('he-xinlang');
  });

  it('keeps the whole archive slug, digits included, however many words it has', () => {
    expect(documentSlug('1989-03-01-p1-world-trade-grew-by-8-5-in-1988-west-germany-u.md', 'World Trade Grew')).toBe(
      'world-trade-grew-by-8-5-in-1988-west-germany-u',
    );
  });

  it('lower-cases a file name written in capitals', () => {
    expect(documentSlug('1958-09-25-p1-Copper-And-Aluminum.TXT', '')).toBe('copper-and-aluminum');
  });
});

describe('documentSlug from titles', () => {
  it('uses the first six words of the title when the file name is not in the archive shape', () => {
    expect(documentSlug('notes.txt', 'The CCP Central Committee and the State Council Issue Instructions')).toBe('the-ccp-central-committee-and-the');
  });

  it('drops accents: Lākǒxī, Café Zürich', () => {
    expect(documentSlug('a.txt', 'Lākǒxī Sends Telegram')).toBe('lakoxi-sends-telegram');
    expect(documentSlug('a.txt', 'Café Zürich')).toBe('cafe-zurich');
  });

  it("drops apostrophes, straight and curly, inside words: People’s, Hai's", () => {
    expect(documentSlug('a.txt', "Zuo Hai's Poem")).toBe('zuo-hais-poem');
    expect(documentSlug('a.txt', 'People’s Delegation Departs for Home')).toBe('peoples-delegation-departs-for-home');
  });

  it('turns punctuation and full-width letters into plain separators and letters', () => {
    expect(documentSlug('a.txt', 'World Trade Grew by 8.5% in 1988; West Germany')).toBe('world-trade-grew-by-8-5');
    expect(slugify('Ｆｕｌｌ　Ｗｉｄｔｈ')).toBe('full-width');
  });

  it('falls back to "document" when neither the name nor the title gives a Latin word', () => {
    expect(documentSlug('铜.txt', '铜铝工业')).toBe('document');
    expect(documentSlug('1958-09-25-p1-.txt', '')).toBe('document');
  });
});

describe('documentPath', () => {
  it('is date/pPage/slug/ with no leading slash', () => {
    expect(documentPath('1958-09-25', 1, 'copper-and-aluminum')).toBe('1958-09-25/p1/copper-and-aluminum/');
    expect(documentPath('1958-09-01', 12, 'x')).toBe('1958-09-01/p12/x/');
  });

  it('gives the seed its path through loadDocument', () => {
    expect(loadDocument(SEED_DIR, SEED_FILE).path).toBe('1958-09-25/p1/copper-and-aluminum/');
  });

  it('gives a second document with the same date, page and slug the suffix -2, then -3', () => {
    const taken = new Map<string, string>();
    expect(loadDocument(SEED_DIR, SEED_FILE, taken).path).toBe('1958-09-25/p1/copper-and-aluminum/');
    expect(loadDocument(SEED_DIR, SEED_FILE, taken).path).toBe('1958-09-25/p1/copper-and-aluminum-2/');
    expect(loadDocument(SEED_DIR, SEED_FILE, taken).path).toBe('1958-09-25/p1/copper-and-aluminum-3/');
    expect([...taken.keys()]).toHaveLength(3);
  });
});

describeCorpus('paths of the corpus documents', () => {
  it('gives all 200 documents distinct paths made of their date, page and file-name slug', () => {
    const files = corpusFiles();
    expect(files.length).toBeGreaterThan(0);
    const taken = new Map<string, string>();
    for (const file of files) {
      const { path } = loadDocument(CORPUS_DIR, file, taken);
      const [, date, page, slug] = /^(\d{4}-\d{2}-\d{2})-p(\d+)-(.+)\.md$/.exec(file)!;
      expect(path).toBe(`${date}/p${Number(page)}/${slug}/`);
    }
    expect(taken.size).toBe(files.length);
  });
});

describe('sortDocuments', () => {
  const doc = (date: string, page: number, path: string) => ({ date, page, path });

  it('orders by date, then page as a number (p2 before p10), then path', () => {
    const docs = [doc('1958-09-25', 10, 'b'), doc('1958-09-25', 2, 'z'), doc('1946-05-15', 3, 'a'), doc('1958-09-25', 2, 'a'), doc('1958-09-01', 8, 'a')];
    expect(sortDocuments(docs).map((d) => `${d.date} p${d.page} ${d.path}`)).toEqual([
      '1946-05-15 p3 a',
      '1958-09-01 p8 a',
      '1958-09-25 p2 a',
      '1958-09-25 p2 z',
      '1958-09-25 p10 b',
    ]);
  });

  it('returns a new array and leaves its input as it was', () => {
    const docs = [doc('1958-09-25', 1, 'b'), doc('1946-05-15', 1, 'a')];
    const sorted = sortDocuments(docs);
    expect(sorted).not.toBe(docs);
    expect(docs.map((d) => d.path)).toEqual(['b', 'a']);
  });

  it('keeps the extra fields of each document', () => {
    const sorted = sortDocuments([{ ...doc('1958-09-25', 1, 'x'), title: 'Copper' }]);
    expect(sorted[0]!.title).toBe('Copper');
  });
});
