import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { describe, expect } from 'vitest';
import { REPO_ROOT } from './support/build.ts';
import { siteBuild, siteTest } from './support/fixtures.ts';
import { load } from './support/page.ts';
import { builtFiles, footerVersion } from './support/offline.ts';
import { openFirstDocument } from './support/archive.ts';

// `npm run package` = build:portable + scripts/package.ts; here the script zips the e2e portable build.
const test = siteTest('portable');

describe('npm run package', () => {
  test('zips the portable build in one folder with README-OFFLINE.txt, and the unzipped copy opens from file://', async ({ openPage }) => {
    const build = siteBuild('portable');
    if (build.status === 'failed' || build.status === 'absent') throw new Error(build.problem);
    const work = mkdtempSync(join(tmpdir(), 'duizhao-package-'));
    try {
      const zipFile = join(work, 'copy.zip');
      const run = spawnSync(process.execPath, ['scripts/package.ts', build.outDir, zipFile], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);

      const version = footerVersion(readFileSync(join(build.outDir, 'index.html'), 'utf8'));
      const entries = unzipSync(readFileSync(zipFile));
      const names = Object.keys(entries).sort();
      const folder = `duizhao-${version}/`;
      expect(names.every((n) => n.startsWith(folder))).toBe(true);
      expect(names).toEqual([...builtFiles(build.outDir), 'README-OFFLINE.txt'].map((f) => folder + f).sort());

      const readme = new TextDecoder().decode(entries[`${folder}README-OFFLINE.txt`]);
      expect(readme).toContain(`content version ${version}`);
      expect(readme).toContain('index.html');
      expect(readme).toContain('python3 -m http.server');
      expect(readme).toContain('npx serve');

      for (const [name, bytes] of Object.entries(entries)) {
        mkdirSync(dirname(join(work, name)), { recursive: true });
        writeFileSync(join(work, name), bytes);
      }
      const page = await openPage();
      await load(page, pathToFileURL(join(work, folder, 'index.html')).href);
      await openFirstDocument(page);
      await page.waitForURL(/copper-and-aluminum\/index\.html$/);
      expect(await page.locator('.rows .row').count()).toBeGreaterThan(10);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
