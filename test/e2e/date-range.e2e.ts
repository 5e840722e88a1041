import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build.ts';
import { isCI, siteBuild } from './support/fixtures.ts';
import { builtPages } from './support/offline.ts';

// One term's reading on a USB stick: `FROM=1958-09 TO=1960 npm run build:portable` (issue 10).
const corpus = siteBuild('corpus');
const skip = corpus.status === 'absent' && !isCI;
const OUT = join(REPO_ROOT, 'dist-e2e/range-portable');

describe.skipIf(skip)('a build limited to a date range', () => {
  it('keeps only the documents from FROM to TO, both included, says how many it left out, and stays portable', () => {
    const { BASE_URL: _vite, ...env } = process.env;
    const run = spawnSync('npx', ['astro', 'build', '--force', '--base', './', '--outDir', OUT], {
      cwd: REPO_ROOT,
      env: { ...env, FROM: '1958-09', TO: '1960', CONTENT_DIR: corpus.contentDir, OUT_DIR: OUT, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    const sources = readdirSync(corpus.contentDir).filter((f) => f.endsWith('.md'));
    const inside = sources.filter((f) => f >= '1958-09' && f < '1961');
    expect(inside.length).toBeGreaterThan(0);
    expect(output).toContain(`${inside.length} documents from`);
    expect(output).toContain(`(1958-09 to 1960; ${sources.length - inside.length} outside left out)`);
    const articles = builtPages(OUT).filter((p) => /^\d{4}-\d{2}-\d{2}\/p\d+\//.test(p));
    expect(articles).toHaveLength(inside.length);
    expect(articles.every((p) => p >= '1958-09' && p < '1961')).toBe(true);
    const home = readFileSync(join(OUT, 'index.html'), 'utf8');
    expect([...home.matchAll(/class="year-name">(\d{4})/g)].map((m) => m[1])).toEqual(['1958', '1960']);
    expect(home).toContain('href="1958/index.html"');
  });

  it('refuses a FROM or TO that is not a year, month or day, saying what to write', () => {
    const { BASE_URL: _vite, ...env } = process.env;
    const run = spawnSync('npx', ['astro', 'build', '--outDir', join(REPO_ROOT, 'dist-e2e/range-bad')], {
      cwd: REPO_ROOT,
      env: { ...env, FROM: 'Sept 1958', CONTENT_DIR: corpus.contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('FROM=Sept 1958 is not a year, month or day. Write FROM=1958, FROM=1958-09 or FROM=1958-09-25.');
  });
});
