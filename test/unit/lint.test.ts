import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.ts';

// The project's habits, checked by `npm test` as by `npm run lint`: ESLint (with the rule that
// keeps Node out of the browser's code, eslint.config.js), Prettier's one style, and no source file
// over about 250 lines without a reason written at its top.

/** Files git knows (tracked or new, not ignored), relative to the project. */
function projectFiles(): string[] {
  const run = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return run.stdout.split('\n').filter(Boolean);
}

describe('the code’s habits', () => {
  it('passes ESLint without an error or a warning', async () => {
    const eslint = new ESLint({ cwd: REPO_ROOT });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(REPO_ROOT.length + 1)}:${m.line}: ${m.message} (${m.ruleId})`));
    expect(problems).toEqual([]);
  }, 240_000);

  it('is formatted as Prettier formats it (npm run format)', async () => {
    const unformatted: string[] = [];
    for (const file of projectFiles().filter((f) => /\.(ts|mjs|js|astro|css|json)$/.test(f))) {
      const path = `${REPO_ROOT}/${file}`;
      const info = await prettier.getFileInfo(path, { ignorePath: `${REPO_ROOT}/.prettierignore` });
      if (info.ignored || !info.inferredParser) continue;
      const options = await prettier.resolveConfig(path);
      if (!(await prettier.check(readFileSync(path, 'utf8'), { ...options, filepath: path }))) unformatted.push(file);
    }
    expect(unformatted).toEqual([]);
  }, 240_000);

  it('keeps source files under about 250 lines, or says at their top why not', () => {
    const long = projectFiles()
      .filter((f) => /^(src|scripts|bench)\/.*\.(ts|mjs|astro)$/.test(f) && f !== 'src/node/pinyin/words.ts')
      .filter((f) => {
        const text = readFileSync(`${REPO_ROOT}/${f}`, 'utf8');
        return text.split('\n').length > 280 && !/Longer than 250 lines because/.test(text.slice(0, 3000));
      });
    expect(long).toEqual([]);
  });
});
