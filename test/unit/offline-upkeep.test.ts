import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assetsFirst, ContentMismatch, contentHash, phases, problemOf, RETRY_AFTER, retryDue, unusedBuilds } from '../../src/lib/offline/upkeep.ts';

describe('why a save stopped', () => {
  it('reads a Cache API quota error as a full disk', () => {
    expect(problemOf(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toBe('quota');
  });

  it('reads a file that is not the listed one as a changed server', () => {
    expect(problemOf(new ContentMismatch('./: not the content this build listed'))).toBe('changed');
  });

  it('reads anything else (a failed fetch, an HTTP error) as the network', () => {
    expect(problemOf(new TypeError('Failed to fetch'))).toBe('network');
    expect(problemOf(new Error('a.css: HTTP 503'))).toBe('network');
    expect(problemOf(null)).toBe('network');
  });
});

describe('when to try again', () => {
  const now = 1_000_000;

  it('tries at once when nothing failed, or when the network did (a page opened may mean it is back)', () => {
    expect(retryDue(null, now)).toBe(true);
    expect(retryDue({ problem: 'network', at: now }, now)).toBe(true);
  });

  it('waits after a full disk or a changing server, then tries again', () => {
    for (const problem of ['quota', 'changed'] as const) {
      expect(retryDue({ problem, at: now }, now + 1000)).toBe(false);
      expect(retryDue({ problem, at: now }, now + RETRY_AFTER[problem])).toBe(true);
    }
    expect(RETRY_AFTER.quota).toBeGreaterThanOrEqual(10_000);
  });
});

describe('the order of saving', () => {
  it('saves the files before the first page whole, then the pages and the rest', () => {
    const list: [string, string][] = [
      ['_astro/a.css', '1'],
      ['favicon.svg', '2'],
      ['./', '3'],
      ['glossary/', '4'],
      ['search-index/meta.js', '5'],
      ['1958-09-25/', '6'],
    ];
    expect(phases(list)).toEqual([list.slice(0, 2), list.slice(2)]);
  });

  it('has one phase when the list has no page, and an empty first one when it starts with a page', () => {
    expect(phases([['_astro/a.js', '1']])).toEqual([[['_astro/a.js', '1']], []]);
    expect(phases([['./', '1']])).toEqual([[], [['./', '1']]]);
  });

  it('saves a collection’s scripts and styles before its pages', () => {
    expect(assetsFirst(['1958-09-25/', '1958-09-25/p1/x/', '_astro/a.css', 'a/b.html', '1958/headlines.js'])).toEqual([
      '_astro/a.css',
      '1958/headlines.js',
      '1958-09-25/',
      '1958-09-25/p1/x/',
      'a/b.html',
    ]);
  });
});

describe('which older builds’ caches go', () => {
  const builds = ['duizhao-a-00000001', 'duizhao-b-00000002', 'duizhao-c-00000003'];

  it('keeps the current build and every build an open page was loaded from', () => {
    const loadedFrom = new Map([
      ['page-1', 'duizhao-a-00000001'],
      ['page-2', 'duizhao-b-00000002'],
    ]);
    expect(unusedBuilds(builds, 'duizhao-c-00000003', loadedFrom, new Set(['page-1']))).toEqual(['duizhao-b-00000002']);
  });

  it('deletes every older build once no page loaded from one is open', () => {
    const loadedFrom = new Map([['page-1', 'duizhao-a-00000001']]);
    expect(unusedBuilds(builds, 'duizhao-c-00000003', loadedFrom, new Set())).toEqual(['duizhao-a-00000001', 'duizhao-b-00000002']);
  });
});

describe('the content hash', () => {
  it('is the one the build lists for a file (src/integrations/offline.ts): the first 12 hex digits of its SHA-256', async () => {
    for (const text of ['', 'body { color: red }', '铜和铝的产量'.repeat(1000)]) {
      const bytes = new TextEncoder().encode(text);
      expect(await contentHash(bytes)).toBe(createHash('sha256').update(bytes).digest('hex').slice(0, 12));
    }
  });
});
