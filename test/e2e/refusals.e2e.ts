import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/build.ts';
import { siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';
import { RESULTS_DIR } from './support/sites.ts';

// One bad file must not stop an archive of thousands: it is left out, said in the build output and
// listed on /status/; STRICT=1 makes it stop the build, with our message alone (issue 11). The
// fixtures are listed in test/fixtures/refusals/README.md.
const test = siteTest('refusals');
/** What the loader says of each refused file: where, what is wrong, the start of its fix. */
const REFUSED = [
  [
    '1958-09-26-p1-no-headline.txt:12',
    'expected the Chinese headline ("### 标题"), found "1958-09-25".',
    'After `Original:` write the headline on one line starting with `### `',
  ],
  [
    '1958-09-27-p1-two-documents.txt:20',
    'a second `<hr />` line: a document has one English part and one Chinese part.',
    'Split the file into one file per document',
  ],
  [
    '1958-09-29-p1-gbk.txt:12',
    'the file is not UTF-8 text (GBK or GB 2312, as older Chinese files often are?).',
    'Convert it to UTF-8, for example `iconv -f GBK -t UTF-8 "1958-09-29-p1-gbk.txt" > converted.txt`.',
  ],
  ['1958-09-30-p1-empty.txt:1', 'the file is empty.', 'Write the English translation, a line `<hr />`'],
] as const;

describe('refused files', () => {
  it('are left out of the build with their file, line, problem and fix in its output', () => {
    const log = readFileSync(join(RESULTS_DIR, 'build-refusals.log'), 'utf8');
    expect(log).toContain('4 file(s) in test/fixtures/refusals refused and left out of the site (listed on /status/; STRICT=1 stops the build instead)');
    for (const [where, problem, fix] of REFUSED) expect(log).toContain(`${where}: ${problem}\n  Fix: ${fix}`);
    expect(log).toContain('3 documents from test/fixtures/refusals');
  });

  it('that would share a URL are both read, the second at -2, and the build output says so', () => {
    const log = readFileSync(join(RESULTS_DIR, 'build-refusals.log'), 'utf8');
    expect(log).toContain('1 document(s) would share a URL with another (same date, page and slug); each still gets its own, in file-name order:');
    expect(log).toContain(
      'copies/1958-09-25-p1-copper-and-aluminum.txt: /1958-09-25/p1/copper-and-aluminum/ was taken by 1958-09-25-p1-copper-and-aluminum.txt, so this one is at /1958-09-25/p1/copper-and-aluminum-2/',
    );
  });

  test('are listed on /status/ with their messages, and the good documents are on the site', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('status/'));
    const items = page.locator('ol.status-list.refused > li');
    expect(await items.count()).toBe(REFUSED.length);
    for (const [k, [where, problem, fix]] of REFUSED.entries()) {
      expect(await items.nth(k).locator('.where').innerText()).toBe(where);
      expect(await items.nth(k).locator('.problem').innerText()).toBe(problem);
      expect(await items.nth(k).locator('.fix').innerText()).toContain(fix);
    }
    for (const path of ['1958-09-25/p1/copper-and-aluminum/', '1958-09-25/p1/copper-and-aluminum-2/']) {
      await load(page, site.at(path));
      expect(await page.locator('.rows .row').count()).toBe(12);
    }
    for (const day of ['1958-09-26/', '1958-09-29/', '1958-09-30/']) expect((await fetch(site.at(day))).status, day).toBe(404);
  });

  test('/status/ lists a document whose alignment is uncertain, with a link to the uncertain row', async ({ site, openPage }) => {
    const page = await openPage();
    await load(page, site.at('status/'));
    const items = page.locator('ol.status-list.uncertain > li');
    expect(await items.count()).toBe(1);
    expect(await items.first().innerText()).toContain('土法炼铜遍地开花 · 1958-09-28');
    const row = items.first().locator('a', { hasText: 'p1' });
    expect(await row.getAttribute('href')).toBe('/1958-09-28/p1/uncertain/#p1');
    await row.click();
    await page.waitForURL(/#p1$/);
    expect(await page.locator('#p1.row--uncertain').innerText()).toContain('alignment uncertain');
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
    expect(output).toContain('STRICT=1: 4 file(s) in test/fixtures/refusals refused, so the build stops:');
    for (const [where, problem, fix] of REFUSED) expect(output).toContain(`${where}: ${problem}\n  Fix: ${fix}`);
    for (const noise of ['Stack trace', 'client:only', 'Hint:', 'Browser APIs', 'AstroUserError', '    at ']) expect(output, noise).not.toContain(noise);
  });
});
