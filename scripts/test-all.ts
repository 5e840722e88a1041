// `npm test`: run every suite, even after one fails, so the totals are complete; exit non-zero if
// any suite failed. Each suite writes its own vitest JSON report (see vitest.config.ts).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { SUITES, totals, totalsLine } from './test-totals.ts';

const root = new URL('../', import.meta.url);
let status = 0;
for (const suite of SUITES) {
  // A report left from an earlier run must not stand in for this one.
  rmSync(new URL(suite.report, root), { force: true });
  const run = spawnSync('npm', ['run', `test:${suite.name}`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) status = 1;
}

const sum = totals(root.href);
console.log('');
for (const note of sum.notes) console.log(`note: ${note}`);
if (sum.skipped > 0) console.log(`(${sum.skipped} skipped or todo, not counted)`);
console.log(totalsLine(sum));
process.exit(status !== 0 || sum.failed > 0 ? 1 : 0);
