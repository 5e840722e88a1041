import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocumentFiles, loadDocument } from '../../src/lib/load.ts';
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
