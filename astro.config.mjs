// @ts-check
import { defineConfig } from 'astro/config';

/**
 * BASE serves the site under a sub-path (`BASE=/reader/ npm run build`); OUT_DIR writes the build
 * elsewhere than dist/ (tests build several sites side by side). CONTENT_DIR is read by
 * src/content.config.ts.
 */
const base = process.env.BASE || '/';

export default defineConfig({
  base,
  outDir: process.env.OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Everything is static: no image service, no fonts or scripts from other origins.
  prefetch: false,
});
