import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build.ts';
import { siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// One bad file must not stop an archive of thousands: it is left out, said in the build output and
// listed on /status/; STRICT=1 makes it stop the build, with our message alone (issue 11).
const test = siteTest('refusals');
/** What the loader says of the file with no headline: problem, then the start of its fix. */
const NO_HEADLINE = [
  'expected the Chinese headline ("### 标题"), found "1958-09-25".',
  'After `Original:` write the headline on one line starting with `### `',
] as const;

describe('refused files', () => {
  it('are left out of the build with their file, line, problem and fix in its output', () => {
    const log = readFileSync(join(RESULTS_DIR, 'build-refusals.log'), 'utf8');
    expect(log).toContain('2 file(s) in test/fixtures/refusals refused and left out of the site (listed on /status/; STRICT=1 stops the build instead)');
    expect(log).toContain(`1958-09-26-p1-no-headline.txt:12: ${NO_HEADLINE[0]}\n  Fix: ${NO_HEADLINE[1]}`);
    expect(log).toMatch(/1958-09-27-p1-two-documents\.txt:\d+: .+\n {2}Fix: .+/);
    expect(log).toContain('1 documents from test/fixtures/refusals');
  });

  test('are listed on /status/, and the good document is on the site', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('status/'));
    const items = page.locator('ol.status-list.refused > li');
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).locator('.where').innerText()).toBe('1958-09-26-p1-no-headline.txt:12');
    expect(await items.nth(0).locator('.problem').innerText()).toBe(NO_HEADLINE[0]);
    expect(await items.nth(0).locator('.fix').innerText()).toContain(NO_HEADLINE[1]);
    expect(await items.nth(1).locator('.where').innerText()).toMatch(/^1958-09-27-p1-two-documents\.txt:\d+$/);
    await load(page, site.at('1958-09-25/p1/copper-and-aluminum/'));
    expect(await page.locator('.rows .row').count()).toBe(12);
    expect((await fetch(site.at('1958-09-26/'))).status).toBe(404);
  });

  it('stop the build under STRICT=1, which prints our message and nothing of Astro’s', () => {
    const { BASE_URL: _vite, ...env } = process.env;
    const run = spawnSync('npx', ['astro', 'build', '--force', '--outDir', join(REPO_ROOT, 'dist-e2e/refusals-strict')], {
      cwd: REPO_ROOT,
      env: {
        ...env,
        STRICT: '1',
        CONTENT_DIR: join(REPO_ROOT, 'test/fixtures/refusals'),
        OUT_DIR: join(REPO_ROOT, 'dist-e2e/refusals-strict'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      encoding: 'utf8',
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(1);
    expect(output).toContain('STRICT=1: 2 file(s) in test/fixtures/refusals refused, so the build stops:');
    expect(output).toContain(`1958-09-26-p1-no-headline.txt:12: ${NO_HEADLINE[0]}`);
    for (const noise of ['Stack trace', 'client:only', 'Hint:', 'Browser APIs', 'AstroUserError', '    at ']) expect(output, noise).not.toContain(noise);
  });
});
