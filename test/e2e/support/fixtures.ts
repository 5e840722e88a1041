import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic } from '../../../src/node/serve.ts';
import type { SiteBuild, SiteName } from './sites.ts';

export interface Site {
  /** The served site's root URL, ending in `/`. */
  url: string;
  build: SiteBuild;
  /** An absolute URL for a path relative to the site's root: `site.at('1958-09-25/p1/x/')`. */
  at: (path: string) => string;
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 800 };

/** True when running under CI, where missing inputs are failures rather than skips. */
export const isCI = process.env.CI === 'true';

/** What the global setup knows about a site's build. */
export function siteBuild(name: SiteName): SiteBuild {
  return inject('sites')[name];
}

/**
 * A `test` with a browser and a served site, one of each per test file, and helpers for pages.
 * If the site failed to build, every test that uses it fails with the build's reason.
 */
export function siteTest(name: SiteName) {
  return test
    .extend(
      'browser',
      { scope: 'file' }, // vitest reads a fixture's dependencies from this pattern: none.
      // eslint-disable-next-line no-empty-pattern
      async ({}, { onCleanup }): Promise<Browser> => {
        const browser = await launchBrowser();
        onCleanup(() => browser.close());
        return browser;
      },
    )
    .extend(
      'site',
      { scope: 'file' }, // eslint-disable-next-line no-empty-pattern
      async ({}, { onCleanup }): Promise<Site> => {
        const build = siteBuild(name);
        if (build.status === 'failed' || build.status === 'absent') throw new Error(build.problem);
        const server = await serveStatic({ root: build.outDir, base: build.base });
        onCleanup(() => server.close());
        return { url: server.url, build, at: (path) => new URL(path.replace(/^\//, ''), server.url).href };
      },
    )
    .extend('openPage', async ({ browser }, { onCleanup }) => {
      /** A fresh page in its own context (own storage), closed after the test. */
      return async (options: BrowserContextOptions = {}): Promise<Page> => {
        const context = await browser.newContext({ viewport: DESKTOP, ...options });
        onCleanup(() => context.close());
        return context.newPage();
      };
    });
}
