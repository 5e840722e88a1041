// Sum the vitest JSON reports of every suite into one line: `N passed, N failed`.
// Used by scripts/test-all.ts (npm test) and .ci/run. Run alone: `node scripts/test-totals.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every suite `npm test` runs, and the report its vitest invocation writes. */
export const SUITES = [
  { name: 'unit', report: 'test-results/unit.json' },
  { name: 'e2e', report: 'test-results/e2e.json' },
] as const;

/** The part of vitest's JSON report we read. https://vitest.dev/guide/reporters#json-reporter */
interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
  testResults: { name: string; status: string; message?: string; assertionResults: { status: string }[] }[];
}

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  /** One sentence per failure that no test result accounts for. */
  notes: string[];
}

/**
 * Read the reports under `root`. A missing or unreadable report counts as one failure, and so does a
 * test file that failed without a failing test (it did not load) or a run that failed with none
 * (no test files, an error outside tests): otherwise a crash would read as "0 failed".
 */
export function totals(root: string): Totals {
  const sum: Totals = { passed: 0, failed: 0, skipped: 0, notes: [] };
  for (const suite of SUITES) {
    const path = new URL(suite.report, root);
    if (!existsSync(path)) {
      sum.failed += 1;
      sum.notes.push(`${suite.name}: no report at ${suite.report}; the suite crashed before reporting (counted as 1 failure)`);
      continue;
    }
    let report: JsonReport;
    try {
      report = JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
    } catch (error) {
      sum.failed += 1;
      sum.notes.push(`${suite.name}: ${suite.report} is not valid JSON (${String(error)}); counted as 1 failure`);
      continue;
    }
    sum.passed += report.numPassedTests;
    sum.skipped += report.numPendingTests + report.numTodoTests;
    let failed = report.numFailedTests;
    for (const file of report.testResults) {
      if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
        failed += 1;
        sum.notes.push(`${suite.name}: ${file.name} failed outside its tests: ${firstLine(file.message)}`);
      }
    }
    if (!report.success && failed === 0) {
      failed = 1;
      sum.notes.push(`${suite.name}: the run failed without a failing test (no test files, or an error outside tests); counted as 1 failure`);
    }
    sum.failed += failed;
  }
  return sum;
}

function firstLine(text = ''): string {
  return text.trim().split('\n')[0] || '(no message)';
}

export function totalsLine({ passed, failed }: Totals): string {
  return `${passed} passed, ${failed} failed`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sum = totals(new URL('../', import.meta.url).href);
  for (const note of sum.notes) console.log(`note: ${note}`);
  if (sum.skipped > 0) console.log(`(${sum.skipped} skipped or todo, not counted)`);
  console.log(totalsLine(sum));
  process.exitCode = sum.failed > 0 ? 1 : 0;
}
