/**
 * The benchmarks' site build: `astro build` of CONTENT into OUT, unless BENCH_SKIP_BUILD=1 and OUT
 * already has a site. Returns the seconds it took, NaN when the build was reused; a failed build
 * prints the end of its output and stops the benchmark.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

export function buildSite({ root, content, out, force = false, log }) {
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(out, 'index.html'))) return NaN;
  log(`building ${relative(root, content)} → ${relative(root, out)} …`);
  const t = performance.now();
  const r = spawnSync('npx', ['astro', 'build', ...(force ? ['--force'] : []), '--outDir', out], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) {
    console.error(r.stdout.slice(-4000), r.stderr.slice(-4000));
    process.exit(1);
  }
  return (performance.now() - t) / 1000;
}
