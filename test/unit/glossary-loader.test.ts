import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SourceError } from '../../src/lib/errors.ts';
import { readYaml } from '../../src/node/yaml-source.ts';
import { glossaryLoader } from '../../src/loaders/glossary.ts';
import { glossaryEntrySchema, type StoredGlossaryEntry } from '../../src/schemas/glossary.ts';
import { REPO_ROOT } from './support/corpus.ts';
import { memoryStore, recordingLogger } from './support/loader-context.ts';

const FIXTURES = resolve(REPO_ROOT, 'test/fixtures/glossary');

interface Loaded {
  entries: Map<string, StoredGlossaryEntry>;
  logs: string[];
  /** The error the loader stopped the build with, if any. */
  error?: Error & { hint?: string };
}

/**
 * Runs the glossary loader on a fixture folder with a stand-in for Astro's loader context
 * (a Map for the store, a logger that records, no watcher: a build, not `astro dev`).
 */
async function load(folder: string): Promise<Loaded> {
  const { entries, store } = memoryStore<StoredGlossaryEntry>();
  const { logs, logger } = recordingLogger({ debug: false });
  const context = {
    store,
    logger,
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (s: string) => String(s.length),
    renderMarkdown: async (s: string) => ({ html: `<p>${s.trim()}</p>` }),
    watcher: undefined,
  };
  let error: Loaded['error'];
  try {
    await glossaryLoader({ dir: join(FIXTURES, folder) }).load(context as never);
  } catch (e) {
    error = e as Loaded['error'];
  }
  return { entries: new Map([...entries].map(([id, e]) => [id, e.data])), logs, error };
}

/** The message of the error a bad folder stops the build with. */
async function failure(folder: string): Promise<string> {
  const { error } = await load(folder);
  expect(error, `${folder} should stop the build`).toBeDefined();
  return error!.message;
}

describe('glossary loader on valid entries', () => {
  let good: Loaded;
  // Generating readings loads pinyin-pro's complete dictionary (3–4 s).
  beforeAll(async () => void (good = await load('good')), 60_000);

  it('stores every entry under its file name', () => {
    expect(good.error).toBeUndefined();
    expect([...good.entries.keys()].sort()).toEqual(['tuyangbingju', 'zhang']);
  });

  it('generates the toned reading and the toneless sort key from the term', () => {
    expect(good.entries.get('tuyangbingju')).toMatchObject({
      term: '土洋并举',
      slug: 'tuyangbingju',
      reading: 'tǔ yáng bìng jǔ',
      toneless: 'tu yang bing ju',
      file: 'tuyangbingju.yaml',
    });
  });

  it('uses the pinyin field, when given, as the reading', () => {
    expect(good.entries.get('zhang')!.reading).toBe('zhǎng');
  });

  it('sorts an entry with a pinyin override by that pinyin (长 zhǎng sorts as zhang, not chang)', () => {
    expect(good.entries.get('zhang')!.toneless).toBe('zhang');
  });

  it('renders the note as Markdown and fills the defaults', () => {
    const entry = good.entries.get('zhang')!;
    expect(entry.noteHtml).toMatch(/^<p>/);
    expect(entry.renderings).toEqual([]);
    expect(entry.related).toEqual([]);
  });

  it('warns, without failing, about a related term that has no entry', () => {
    expect(good.logs).toContain('warn: tuyangbingju.yaml: related term 土法 has no glossary entry.');
  });
});

describe('glossary loader on malformed entries: the message names file, line, field and fix', () => {
  it('a missing gloss', async () => {
    expect(await failure('bad-missing-field')).toMatchInlineSnapshot(`
			"1 glossary entry is malformed:

			tufa.yaml:1: field "gloss" is missing.
			  Fix: Give a short English gloss: \`gloss: combining indigenous and foreign methods\`."
		`);
  });

  it('renderings written as one string instead of a list: the line of the field', async () => {
    expect(await failure('bad-type')).toMatchInlineSnapshot(`
			"1 glossary entry is malformed:

			tuyangbingju.yaml:3: field "renderings" is wrong: Invalid input: expected array, received string.
			  Fix: List the English phrases the translation uses, one per line under \`renderings:\`, each starting with \`- \`."
		`);
  });

  it('pinyin with tone numbers instead of tone marks', async () => {
    expect(await failure('bad-pinyin')).toMatchInlineSnapshot(`
			"1 glossary entry is malformed:

			tufa.yaml:6: field "pinyin" is wrong: must be pinyin letters with tone marks, syllables separated by spaces.
			  Fix: Write toned pinyin with spaces between syllables (\`pinyin: tǔ yáng bìng jǔ\`), or leave the field out to use the generated reading."
		`);
  });

  it('a term written in pinyin instead of hanzi', async () => {
    expect(await failure('bad-term')).toMatchInlineSnapshot(`
			"1 glossary entry is malformed:

			tufa.yaml:1: field "term" is wrong: must contain Chinese characters.
			  Fix: Write the term in hanzi exactly as the documents have it: \`term: 土洋并举\`."
		`);
  });

  it('an empty rendering in the list: the line of that item', async () => {
    expect(await failure('bad-empty-rendering')).toMatchInlineSnapshot(`
			"1 glossary entry is malformed:

			tufa.yaml:5: field "renderings.1" is wrong: Too small: expected string to have >=1 characters.
			  Fix: List the English phrases the translation uses, one per line under \`renderings:\`, each starting with \`- \`."
		`);
  });

  it('a file name that cannot be a URL', async () => {
    expect(await failure('bad-file-name')).toMatchInlineSnapshot(`
			"1 glossary entry is malformed:

			Tu Fa.yaml:1: the file name "Tu Fa.yaml" is not a usable URL slug.
			  Fix: Name the file after the toneless pinyin of the term, lower case, e.g. \`tuyangbingju.yaml\`."
		`);
  });

  it('the same term in two files: names both', async () => {
    const message = await failure('bad-duplicate');
    expect(message).toContain('tufa.yaml:1: the term 土法 already has an entry (tufa-again.yaml).');
    expect(message).toContain('Fix: Keep one file per term; merge the two entries.');
  });

  it('broken YAML: says so, with a fix', async () => {
    const message = await failure('bad-yaml');
    expect(message).toMatch(/^1 glossary entry is malformed:\n\ntufayelian\.yaml:\d+: this is not valid YAML: Missing closing "quote/);
    expect(message).toContain('Fix: Check the indentation and quoting on that line');
  });

  it('broken YAML: names the line where the unclosed quote opens (line 2), not the end of the file', async () => {
    expect(await failure('bad-yaml')).toContain('tufayelian.yaml:2: this is not valid YAML');
  });

  it('reports every bad file at once, and only the bad ones', async () => {
    const { error, entries } = await load('bad-build');
    expect(error!.message).toMatch(/^3 glossary entries are malformed:/);
    expect(error!.message.match(/^\S+\.yaml:\d+: /gm)).toEqual(['tufa.yaml:1: ', 'tufaliantong.yaml:6: ', 'tuyangbingju.yaml:3: ']);
    expect(error!.message).not.toContain('zhang.yaml');
    expect(entries.has('zhang')).toBe(true);
    expect(error!.hint).toContain('README.md');
  });
});

describe('readYaml and the schema, the pieces the loader is made of', () => {
  it('gives the line of a nested value, and of the nearest parent when the path is missing', () => {
    const yaml = readYaml('term: 土法\nrenderings:\n  - a\n  - b\nnote: x\n', 'tufa.yaml');
    expect(yaml.lineOf(['renderings', 1])).toBe(4);
    expect(yaml.lineOf(['note'])).toBe(5);
    expect(yaml.lineOf(['gloss'])).toBe(1);
  });

  it('throws a SourceError naming file and line for a duplicated key', () => {
    let error: unknown;
    try {
      readYaml('term: 土法\ngloss: a\ngloss: b\n', 'tufa.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).file).toBe('tufa.yaml');
    expect((error as SourceError).line).toBe(3);
  });

  it('accepts an entry with only term, gloss and note, and fills renderings and related', () => {
    expect(glossaryEntrySchema.parse({ term: '土法', gloss: 'indigenous methods', note: 'x' })).toEqual({
      term: '土法',
      gloss: 'indigenous methods',
      note: 'x',
      renderings: [],
      related: [],
    });
  });

  it('accepts pinyin with tone marks and ü, and refuses tone numbers', () => {
    expect(glossaryEntrySchema.safeParse({ term: '铝', gloss: 'aluminum', note: 'x', pinyin: 'lǚ' }).success).toBe(true);
    expect(glossaryEntrySchema.safeParse({ term: '铝', gloss: 'aluminum', note: 'x', pinyin: 'lv3' }).success).toBe(false);
  });
});

describe('astro build with a malformed glossary (GLOSSARY_DIR=test/fixtures/glossary/bad-build)', () => {
  let result: { code: number; output: string };

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'duizhao-bad-glossary-'));
    try {
      result = await new Promise((done) => {
        const child = spawn('npx', ['astro', 'build', '--force', '--outDir', outDir], {
          cwd: REPO_ROOT,
          env: { ...process.env, GLOSSARY_DIR: join(FIXTURES, 'bad-build'), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (d: Buffer) => (output += d));
        child.stderr.on('data', (d: Buffer) => (output += d));
        child.on('close', (code) => done({ code: code ?? 1, output }));
      });
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('fails with a non-zero exit code', () => {
    expect(result.code, result.output.slice(-2000)).not.toBe(0);
  });

  it('names each bad file with its line, the field and the fix', () => {
    const out = result.output;
    expect(out).toContain('3 glossary entries are malformed');
    expect(out).toContain('tufa.yaml:1: field "gloss" is missing.');
    expect(out).toContain('Fix: Give a short English gloss');
    expect(out).toContain('tuyangbingju.yaml:3: field "renderings" is wrong');
    expect(out).toContain('Fix: List the English phrases the translation uses');
    expect(out).toContain('tufaliantong.yaml:6: field "pinyin" is wrong');
    expect(out).toContain('Fix: Write toned pinyin with spaces between syllables');
  });

  it('builds no pages', () => {
    expect(result.output).not.toMatch(/page\(s\) built/);
  });
});
