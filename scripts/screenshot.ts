/**
 * Screenshots of built pages for a human to look at:
 *   npx astro build && node scripts/screenshot.ts [path…]
 * Writes test-results/screens/<name>-1280.png and -375.png. Serves dist/ (or OUT_DIR) itself.
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { serveStatic } from '../src/node/serve.ts';

const root = process.env.OUT_DIR || 'dist';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const server = await serveStatic({ root });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
mkdirSync('test-results/screens', { recursive: true });
for (const p of paths) {
  for (const width of [1280, 375]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(new URL(p.replace(/^\//, ''), server.url).href);
    const name = p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home';
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: !process.env.VIEWPORT_ONLY });
    await page.close();
  }
}
await browser.close();
await server.close();
