import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocumentFiles, loadDocument, scanDates } from '../../src/node/load.ts';
import { SEED_DIR, SEED_FILE } from './support/corpus.ts';

// An archive as it is stored: year and month folders, both file-name shapes, a README, hidden files.
describe('reading an archive folder recursively', () => {
  let dir = '';
  const seed = readFileSync(join(SEED_DIR, SEED_FILE), 'utf8');
  const redated = (date: string) => seed.replace(/^Date: .*$/m, `Date: ${date}`).replace(/^1958-09-25$/m, date);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duizhao-archive-'));
    mkdirSync(join(dir, '1958/09'), { recursive: true });
    mkdirSync(join(dir, '1966/01'), { recursive: true });
    mkdirSync(join(dir, '.git'), { recursive: true });
    cpSync(join(SEED_DIR, SEED_FILE), join(dir, '1958/09', SEED_FILE));
    writeFileSync(join(dir, '1966/01/1966-01-01_吕健同志来信.txt'), redated('1966-01-01'));
    writeFileSync(join(dir, '1966/01/1966-01-01_吕健同志来信（续）.md'), redated('1966-01-01'));
    writeFileSync(join(dir, '1966/README.md'), '# notes');
    writeFileSync(join(dir, '.git/ignored.txt'), 'not a document');
    writeFileSync(join(dir, '1966/01/scan.pdf'), 'not a document');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists .txt and .md files in every sub-folder, with their folder, and nothing else', () => {
    expect(listDocumentFiles(dir)).toEqual([
      '1958/09/1958-09-25-p1-copper-and-aluminum.txt',
      '1966/01/1966-01-01_吕健同志来信.txt',
      '1966/01/1966-01-01_吕健同志来信（续）.md',
    ]);
  });

  it('keeps the archive slug of a YYYY-MM-DD-pN-slug file inside folders', () => {
    expect(loadDocument(dir, '1958/09/1958-09-25-p1-copper-and-aluminum.txt').path).toBe('1958-09-25/p1/copper-and-aluminum/');
  });

  it('gives a file with a Chinese title a URL from its date, page and English title', () => {
    const { path, data } = loadDocument(dir, '1966/01/1966-01-01_吕健同志来信.txt');
    expect(path).toBe('1966-01-01/p1/the-ccp-central-committee-and-the/');
    expect(data.file).toBe('1966/01/1966-01-01_吕健同志来信.txt');
  });

  it('gives two documents that would share a URL one each, in file-name order, and says which URL was wanted', () => {
    const taken = new Map<string, string>();
    const files = listDocumentFiles(dir).filter((f) => f.startsWith('1966'));
    const [a, b] = files.map((f) => loadDocument(dir, f, taken));
    expect(a!.path).toBe('1966-01-01/p1/the-ccp-central-committee-and-the/');
    expect(a!.wanted).toBeUndefined();
    expect(b!.path).toBe('1966-01-01/p1/the-ccp-central-committee-and-the-2/');
    expect(b!.wanted).toBe('1966-01-01/p1/the-ccp-central-committee-and-the/');
    expect(taken.get(b!.wanted!)).toBe(files[0]);
    // The same files give the same URLs however often they are read.
    const again = new Map<string, string>();
    expect(files.map((f) => loadDocument(dir, f, again).path)).toEqual([a!.path, b!.path]);
  });
});

describe('reading a file that is not UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-encoding-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const seed = readFileSync(join(SEED_DIR, SEED_FILE), 'utf8');
  // 铜 and 铝 in GBK: what an older Chinese file has where UTF-8 would have e9 93 9c, e9 93 9d.
  const gbk = Buffer.concat([
    Buffer.from('Title: Copper\nDate: 1958-09-25\nPage: 1\n\n    Copper.\n\n<hr />\n\nOriginal:\n\n### '),
    Buffer.from([0xcd, 0xad, 0xc2, 0xc1]),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'gbk.txt'), gbk);
  writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
  writeFileSync(join(dir, 'bom.txt'), `\uFEFF${seed}`);
  writeFileSync(join(dir, 'crlf.txt'), seed.replace(/\n/g, '\r\n'));

  it('refuses GBK text, naming the line and how to convert it, rather than showing U+FFFD', () => {
    const error = (() => {
      try {
        loadDocument(dir, 'gbk.txt');
      } catch (e) {
        return e as Error & { line: number; hint: string };
      }
    })();
    expect(error?.message).toBe('gbk.txt:11: the file is not UTF-8 text (GBK or GB 2312, as older Chinese files often are?).');
    expect(error?.hint).toBe('Convert it to UTF-8, for example `iconv -f GBK -t UTF-8 "gbk.txt" > converted.txt`.');
  });

  it('refuses UTF-16 text, saying how to save it as UTF-8', () => {
    expect(() => loadDocument(dir, 'utf16.txt')).toThrow('utf16.txt:1: the file is UTF-16 text; archive files are UTF-8.');
  });

  it('reads a byte-order mark and CRLF line endings as the plain file', () => {
    const plain = loadDocument(SEED_DIR, SEED_FILE).data;
    for (const f of ['bom.txt', 'crlf.txt']) {
      const { data } = loadDocument(dir, f);
      expect({ ...data, file: SEED_FILE, path: plain.path }).toEqual(plain);
    }
  });
});

describe('reading symbolic links', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(SEED_DIR, SEED_FILE), join(dir, SEED_FILE));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, '1958-09-26-p1-gone.txt'));

  it('lists a link to a document and reads it as the document', () => {
    expect(listDocumentFiles(dir)).toEqual(['1958-09-25-p1-copper-and-aluminum.txt', '1958-09-26-p1-gone.txt']);
    expect(loadDocument(dir, SEED_FILE).data).toEqual(loadDocument(SEED_DIR, SEED_FILE).data);
  });

  it('refuses a link that points nowhere with the reason, rather than skipping it silently', () => {
    expect(() => loadDocument(dir, '1958-09-26-p1-gone.txt')).toThrow('1958-09-26-p1-gone.txt:1: the file cannot be read (ENOENT).');
    expect(scanDates(dir).get('1958-09-26-p1-gone.txt')).toBeNull();
  });
});
