// @ts-check
import { defineConfig } from 'astro/config';
import offline from './src/integrations/offline.ts';

/**
 * BASE serves the site under a sub-path (`BASE=/reader/ npm run build`); OUT_DIR writes the build
 * elsewhere than dist/ (tests build several sites side by side). CONTENT_DIR is read by
 * src/content.config.ts. `BASE=./` (or `--base ./`, as `npm run build:portable` does) builds the
 * portable site with relative URLs, for file:// (src/integrations/offline.ts).
 */
const base = process.env.BASE || '/';

// A build started from a test inherits vitest's copy of Vite's env in process.env (BASE_URL=/,
// MODE=test, DEV=1…), and Astro hands process.env to import.meta.env in pages, where BASE_URL
// would win over `base` (every link at / in a /reader/ build). Vite sets these itself.
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']) delete process.env[key];

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR || './dist',
  // Builds in parts run side by side (scripts/build-parts.ts): each keeps its own content cache.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Scripts and styles as files, never inlined into the page (Vite inlines those under 4 KB): each
  // page's Content-Security-Policy (src/integrations/csp.ts) allows the site's files ('self') and
  // only the inline scripts the components mark as the site's own, so that content can add none.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // `?worker&url` (src/elements/on-first-use.ts): what a page loads at the reader's first use is
  // one classic script of its own, bundled as Vite bundles a worker, so it runs from file:// too;
  // in _astro/later/, which the portable build keeps (it bundles and drops the module chunks).
  vite: {
    build: { assetsInlineLimit: 0 },
    worker: { format: 'iife', rolldownOptions: { output: { entryFileNames: '_astro/later/[name].[hash].js' } } },
  },
  devToolbar: { enabled: false },
  // Everything is static: no image service, no fonts or scripts from other origins.
  prefetch: false,
  // The service worker and its precache (every build), the portable build (`--base ./`), and every
  // page's Content-Security-Policy.
  integrations: [offline()],
});
