import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { refusals } from '../../src/data/refusals.ts';
import { documentsLoader } from '../../src/loaders/documents.ts';
import { documentSchema, type StoredDocument } from '../../src/schemas/document.ts';
import { FIXTURES_DIR, SEED_DIR, SEED_FILE } from './support/corpus.ts';
import { memoryStore, recordingLogger } from './support/loader-context.ts';

// The documents loader with a stand-in for Astro's loader context (a Map for the store, a logger
// that records, parseData validating with the collection's schema, no watcher: a build). One bad
// file, even one that trips a fault of ours, is refused and the others are stored (issue 11).

const dir = mkdtempSync(join(tmpdir(), 'duizhao-loader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(join(SEED_DIR, SEED_FILE), join(dir, SEED_FILE));
mkdirSync(join(dir, 'copies'));
cpSync(join(SEED_DIR, SEED_FILE), join(dir, 'copies', SEED_FILE));
cpSync(join(FIXTURES_DIR, 'malformed/no-headline.txt'), join(dir, '1958-09-26-p1-no-headline.txt'));
writeFileSync(join(dir, '1958-09-27-p1-empty.txt'), '');

interface Run {
  stored: Map<string, StoredDocument>;
  logs: string[];
  exit?: number;
}

/** Runs the loader on `dir`; `fault` makes parseData throw for that file (absolute path), as a bug would. */
async function run(options: { strict?: boolean; fault?: string } = {}): Promise<Run> {
  const { entries, store } = memoryStore<StoredDocument>();
  const { logs, logger } = recordingLogger();
  const parseData = async ({ data, filePath }: { data: unknown; filePath: string }) => {
    if (filePath === options.fault) throw new TypeError("Cannot read properties of undefined (reading 'text')");
    return documentSchema.parse(data);
  };
  let exit: number | undefined;
  vi.stubEnv('STRICT', options.strict ? '1' : '');
  const quit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    exit = code;
    throw new Error('process.exit');
  }) as never);
  try {
    await documentsLoader({ dir })
      .load({ store, logger, parseData, generateDigest: (s: string) => String(s.length) + s.slice(-40), watcher: undefined } as never)
      .catch((e: Error) => {
        if (e.message !== 'process.exit') throw e;
      });
  } finally {
    quit.mockRestore();
  }
  return { stored: new Map([...entries].map(([id, e]) => [id, e.data])), logs, exit };
}

afterEach(() => void vi.unstubAllEnvs());

describe('the documents loader', () => {
  it('stores the good documents, refuses the bad ones with file, line, problem and fix, and lists them for /status/', async () => {
    const { stored, logs, exit } = await run();
    expect(exit).toBeUndefined();
    expect([...stored.keys()]).toEqual(['1958-09-25/p1/copper-and-aluminum', '1958-09-25/p1/copper-and-aluminum-2']);
    const warning = logs.find((l) => l.startsWith('warn: 2 file(s)'))!;
    expect(warning).toContain('refused and left out of the site (listed on /status/; STRICT=1 stops the build instead)');
    expect(warning).toContain('1958-09-26-p1-no-headline.txt:12: expected the Chinese headline ("### 标题"), found "1958-09-25".\n  Fix: After `Original:`');
    expect(warning).toContain('1958-09-27-p1-empty.txt:1: the file is empty.\n  Fix: ');
    expect(refusals().map((r) => `${r.file}:${r.line}`)).toEqual(['1958-09-26-p1-no-headline.txt:12', '1958-09-27-p1-empty.txt:1']);
  });

  it('says which document took a URL another wanted, and where the other one is', async () => {
    const { logs } = await run();
    expect(logs).toContainEqual(
      expect.stringContaining(`copies/${SEED_FILE}: /1958-09-25/p1/copper-and-aluminum/ was taken by ${SEED_FILE}, so this one is at`),
    );
  });

  it('refuses a file that trips a fault of its own as a fault, and goes on with the others', async () => {
    const { stored, logs } = await run({ fault: join(dir, SEED_FILE) });
    expect([...stored.keys()]).toEqual(['1958-09-25/p1/copper-and-aluminum']);
    expect(stored.get('1958-09-25/p1/copper-and-aluminum')!.file).toBe(`copies/${SEED_FILE}`);
    const warning = logs.find((l) => l.startsWith('warn: 3 file(s)'))!;
    expect(warning).toContain(
      `${SEED_FILE}:1: duizhao could not read this file, by a fault of its own rather than of the file: Cannot read properties of undefined (reading 'text')\n  Fix: Report it with the file`,
    );
    expect(logs.some((l) => l.startsWith(`debug: ${SEED_FILE}: TypeError: Cannot read properties`))).toBe(true);
    expect(logs.some((l) => l.includes('would share a URL'))).toBe(false);
  });

  it('under STRICT=1, stops the build with our message alone and nothing thrown for Astro to add to', async () => {
    const { stored, logs, exit } = await run({ strict: true });
    expect(exit).toBe(1);
    expect(stored.size).toBe(2);
    const errors = logs.filter((l) => l.startsWith('error: '));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^error: STRICT=1: 2 file\(s\) in \S+ refused, so the build stops:\n\n1958-09-26-p1-no-headline\.txt:12: /);
    expect(errors[0]).toMatch(/The format is described in README\.md \("Content format"\)\.$/);
  });
});
