import { join, resolve } from 'node:path';
import { REPO_ROOT } from './build.ts';

/** The corpus beside the repository, or the folder `CORPUS_DIR` names (as in test/unit/support/corpus.ts). */
const CORPUS = process.env.CORPUS_DIR || '../shared/corpus/rmrb';

/** The sites the e2e tests read, each built once per run by the global setup. */
export const SITES = {
  /** The seed and the corpus are built with STRICT=1: any refused file fails the build (issue 11). */
  seed: { outDir: 'dist-e2e/seed', contentDir: 'content/documents', base: '/', strict: true },
  corpus: { outDir: 'dist-e2e/corpus', contentDir: CORPUS, base: '/', strict: true },
  /** Small hand-made documents: hostile markup, overrides, edge cases (test/fixtures/site). */
  fixtures: { outDir: 'dist-e2e/fixtures', contentDir: 'test/fixtures/site/documents', base: '/' },
  /** The seed served under a sub-path (`BASE=/reader/`): every URL must carry it. */
  reader: { outDir: 'dist-e2e/reader', contentDir: 'content/documents', base: '/reader/' },
  /** The seed as the portable build (`--base ./`): relative URLs, classic scripts, opened from file://. */
  portable: { outDir: 'dist-e2e/portable', contentDir: 'content/documents', base: './' },
  /**
   * Documents and glossary entries written to attack the reader (markup, scripts, file names full of
   * markup), copied with their hostile names into the content folder first (test/fixtures/hostile-site).
   */
  hostile: {
    outDir: 'dist-e2e/hostile',
    contentDir: 'dist-e2e/hostile-src',
    base: '/',
    glossaryDir: 'test/fixtures/hostile-site/glossary',
    copy: { from: 'test/fixtures/hostile-site/documents', renames: 'test/fixtures/hostile-site/renames.json' },
  },
  /** One good document and two malformed ones: refused files are left out and listed on /status/. */
  refusals: { outDir: 'dist-e2e/refusals', contentDir: 'test/fixtures/refusals', base: '/' },
  /**
   * A generated archive of 3,000 documents (scripts/make-archive.ts, copies of the corpus under new
   * dates, in year/month folders, both file-name shapes, a few URL collisions): browsing at size.
   */
  archive: { outDir: 'dist-e2e/archive', contentDir: 'dist-e2e/archive-src', base: '/', generate: { from: CORPUS, count: 3000 } },
} as const satisfies Record<
  string,
  {
    outDir: string;
    contentDir: string;
    base: string;
    strict?: boolean;
    /** The glossary folder (`GLOSSARY_DIR`). @default 'content/glossary' */
    glossaryDir?: string;
    generate?: { from: string; count: number };
    /** Copy `from` into `contentDir`, renaming files as the JSON file `renames` says (`{ "old.txt": "new/name.txt" }`). */
    copy?: { from: string; renames: string };
  }
>;

export type SiteName = keyof typeof SITES;

export interface SiteBuild {
  name: SiteName;
  /** Absolute path of the built site. */
  outDir: string;
  /** Absolute path of the documents it was built from. */
  contentDir: string;
  base: string;
  /** `built` this run, `reused` (E2E_SKIP_BUILD=1), `failed`, or `absent` (no documents folder). */
  status: 'built' | 'reused' | 'failed' | 'absent';
  /** Why it is not usable, in words a reader can act on; empty when it is. */
  problem: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: Record<SiteName, SiteBuild>;
  }
}

export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

export function sitePaths(name: SiteName): { outDir: string; contentDir: string; base: string; strict: boolean; glossaryDir?: string } {
  const site = SITES[name];
  return {
    outDir: resolve(REPO_ROOT, site.outDir),
    contentDir: resolve(REPO_ROOT, site.contentDir),
    base: site.base,
    strict: 'strict' in site && site.strict,
    ...('glossaryDir' in site ? { glossaryDir: resolve(REPO_ROOT, site.glossaryDir) } : {}),
  };
}
