import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { makeArchive, readSources, writeArchive } from '../../../scripts/make-archive.ts';
import type { TestProject } from 'vitest/node';
import { buildSite, REPO_ROOT } from './build.ts';
import { RESULTS_DIR, SITES, sitePaths, type SiteBuild, type SiteName } from './sites.ts';

/**
 * Build every e2e site once before any test runs, then hand the outcome to the tests through
 * `provide`/`inject`. A failed build does not throw here: each test that needs the site fails
 * with the reason, so the totals still count every test.
 * https://vitest.dev/config/globalsetup
 */
export default async function setup(project: TestProject): Promise<void> {
  const sites = {} as Record<SiteName, SiteBuild>;
  // `E2E_SITES=seed,fixtures` builds only those sites, to run one test file quickly while working on it.
  const only = process.env.E2E_SITES?.split(',').map((s) => s.trim());
  for (const name of Object.keys(SITES) as SiteName[]) {
    sites[name] = only && !only.includes(name) ? skipped(name) : await prepare(name);
  }
  project.provide('sites', sites);
}

function skipped(name: SiteName): SiteBuild {
  const { outDir, contentDir, base } = sitePaths(name);
  return { name, outDir, contentDir, base, status: 'absent', problem: `The ${name} site was not built: E2E_SITES=${process.env.E2E_SITES} leaves it out.` };
}

async function prepare(name: SiteName): Promise<SiteBuild> {
  const { outDir, contentDir, base, strict, glossaryDir } = sitePaths(name);
  const site = { name, outDir, contentDir, base };
  const shown = (path: string) => relative(REPO_ROOT, path) || '.';
  const spec = SITES[name];
  if ('generate' in spec && process.env.E2E_SKIP_BUILD !== '1') {
    const from = resolve(REPO_ROOT, spec.generate.from);
    if (existsSync(from)) {
      writeArchive(contentDir, makeArchive({ sources: readSources(from), count: spec.generate.count }), `(the ${name} e2e site)`);
      console.log(`[e2e] generated ${spec.generate.count} documents from ${shown(from)} in ${shown(contentDir)}`);
    }
  }

  if ('copy' in spec && process.env.E2E_SKIP_BUILD !== '1') {
    copyRenamed(resolve(REPO_ROOT, spec.copy.from), contentDir, resolve(REPO_ROOT, spec.copy.renames));
    console.log(`[e2e] copied ${shown(resolve(REPO_ROOT, spec.copy.from))} to ${shown(contentDir)}, renaming as ${spec.copy.renames} says`);
  }

  if (!existsSync(contentDir)) {
    const problem =
      `The ${name} documents are missing: nothing at ${contentDir}.` +
      (process.env.CI === 'true' ? ' Under CI=true this is a failure.' : ' Its tests are skipped.');
    console.warn(`\n[e2e] WARNING: ${problem}\n`);
    return { ...site, status: 'absent', problem };
  }

  if (process.env.E2E_SKIP_BUILD === '1') {
    if (existsSync(join(outDir, 'index.html'))) {
      console.log(`[e2e] reusing ${shown(outDir)} (E2E_SKIP_BUILD=1)`);
      return { ...site, status: 'reused', problem: '' };
    }
    const problem = `E2E_SKIP_BUILD=1, but ${outDir} has no index.html. Run the e2e tests once without it.`;
    console.warn(`[e2e] ${problem}`);
    return { ...site, status: 'failed', problem };
  }

  const logFile = join(RESULTS_DIR, `build-${name}.log`);
  console.log(`[e2e] building the ${name} site: ${shown(contentDir)} → ${shown(outDir)} …`);
  const result = await buildSite({ outDir, contentDir, base, logFile, strict, ...(glossaryDir ? { glossaryDir } : {}) });
  if (result.ok) {
    console.log(`[e2e] built the ${name} site in ${result.seconds.toFixed(1)} s`);
    return { ...site, status: 'built', problem: '' };
  }
  const problem = `The ${name} site did not build (CONTENT_DIR=${contentDir}). ` + `Full output: ${shown(logFile)}. Last lines:\n${result.tail}`;
  console.error(`[e2e] ${problem}`);
  return { ...site, status: 'failed', problem };
}

/** A fresh copy of `from` in `to`, with the files `renames` (JSON: old name → new path) renamed. */
function copyRenamed(from: string, to: string, renames: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  for (const [old, name] of Object.entries(JSON.parse(readFileSync(renames, 'utf8')) as Record<string, string>)) {
    mkdirSync(dirname(join(to, name)), { recursive: true });
    renameSync(join(to, old), join(to, name));
  }
}
