import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMode, builds } from '../../src/data/build-mode.ts';
import { scanDates } from '../../src/node/load.ts';

describe('what a build makes', () => {
  it('makes everything but the parts’ data without PART', () => {
    const mode = buildMode({});
    expect(mode).toEqual({ kind: 'full' });
    expect(['documents', 'days', 'years', 'global'].every((w) => builds(w as 'days', mode))).toBe(true);
    expect(builds('part-data', mode)).toBe(false);
  });

  it('makes a year’s days and articles and the data for the merge as a part', () => {
    const mode = buildMode({ PART: '1958' });
    expect(mode).toEqual({ kind: 'part', part: '1958' });
    expect(builds('documents', mode) && builds('days', mode) && builds('part-data', mode)).toBe(true);
    expect(builds('years', mode) || builds('global', mode)).toBe(false);
  });

  it('makes the pages that span the archive, and no day or article, as the merge', () => {
    const mode = buildMode({ PART: 'merge', MERGE_PARTS: '/x/.parts' });
    expect(mode).toEqual({ kind: 'merge', parts: '/x/.parts' });
    expect(builds('years', mode) && builds('global', mode)).toBe(true);
    expect(builds('documents', mode) || builds('days', mode) || builds('part-data', mode)).toBe(false);
  });
});

describe('scanDates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duizhao-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, '1966'), { recursive: true });
  writeFileSync(join(dir, '1958-09-25-p1-a.txt'), 'Title: A\nDate: 1999-01-01\n');
  writeFileSync(join(dir, '1966/1966-01-01_吕健同志来信.txt'), 'Title: B\n');
  writeFileSync(join(dir, 'notes.md'), 'Title: C\nAuthor:\nDate: 1960-08-02\nPage: 4\n');
  writeFileSync(
    join(dir, 'chinese-date-only.txt'),
    'Title: D\nPage: 1\n\n    text\n\n<hr />\n\nOriginal:\n\n### 标题\n\n1954-10-01\n第1版()\n\n    第一段。\n',
  );
  writeFileSync(join(dir, 'no-date.txt'), 'Title: E\n');

  it('reads the date as the parser does: the Date: line, else the date under the Chinese headline, never the file name; null for a file it refuses', () => {
    expect(Object.fromEntries(scanDates(dir))).toEqual({
      '1958-09-25-p1-a.txt': '1999-01-01',
      '1966/1966-01-01_吕健同志来信.txt': null,
      'notes.md': '1960-08-02',
      'chinese-date-only.txt': '1954-10-01',
      'no-date.txt': null,
    });
  });
});
