import { describe, expect, it } from 'vitest';
import {
  buildArchive,
  describeRange,
  filterHeadlines,
  headlineRows,
  inRange,
  longDateEn,
  longDateZh,
  monthGrid,
  neighbours,
  pagesOf,
  parseRange,
  stepForKey,
  stepForSwipe,
  type ArticleRef,
  type KeyLike,
} from '../../src/lib/archive/index.ts';
import { planPrecache } from '../../src/lib/offline/plan.ts';

const ref = (date: string, page: number, slug: string, zh = '标题', title = 'Title'): ArticleRef => ({
  path: `${date}/p${page}/${slug}/`,
  date,
  page,
  headlineZh: [zh],
  title,
});

const docs = [ref('1958-09-25', 2, 'b'), ref('1958-09-25', 1, 'z'), ref('1958-09-25', 1, 'a'), ref('1958-10-01', 1, 'c'), ref('1960-01-02', 4, 'd')];

describe('the archive by date', () => {
  const archive = buildArchive(docs);

  it('counts articles per year, ascending', () => {
    expect(archive.years.map((y) => [y.year, y.count])).toEqual([
      ['1958', 4],
      ['1960', 1],
    ]);
  });

  it('gives every year twelve months, with the days that have articles and their counts', () => {
    const y = archive.year('1958')!;
    expect(y.months).toHaveLength(12);
    expect(y.months[8]).toMatchObject({ month: '1958-09', number: 9, count: 3, days: [{ date: '1958-09-25', day: 25, count: 3 }] });
    expect(y.months[9]!.days).toEqual([{ date: '1958-10-01', day: 1, count: 1 }]);
    expect(y.months[0]!.count).toBe(0);
  });

  it('lists a day in reading order: page, then URL', () => {
    expect(archive.day('1958-09-25').map((d) => d.path)).toEqual(['1958-09-25/p1/a/', '1958-09-25/p1/z/', '1958-09-25/p2/b/']);
    expect(archive.day('1958-09-26')).toEqual([]);
  });

  it('groups a day by page (版), pages ascending', () => {
    expect(pagesOf(archive.day('1958-09-25')).map((p) => [p.page, p.articles.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('steps to the neighbouring days with articles, across months and years', () => {
    expect(archive.dates).toEqual(['1958-09-25', '1958-10-01', '1960-01-02']);
    expect(neighbours(archive.dates, '1958-10-01')).toEqual({ prev: '1958-09-25', next: '1960-01-02' });
    expect(neighbours(archive.dates, '1958-09-25').prev).toBeUndefined();
    expect(neighbours(archive.dates, '1999-01-01')).toEqual({ prev: undefined, next: undefined });
  });
});

describe('month calendars', () => {
  it('start weeks on Monday: September 1958 began on a Monday', () => {
    const weeks = monthGrid(1958, 9);
    expect(weeks[0]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weeks.at(-1)).toEqual([29, 30, null, null, null, null, null]);
  });

  it('pad the first week: 1 February 1960 was a Monday, 1 January 1960 a Friday', () => {
    expect(monthGrid(1960, 1)[0]).toEqual([null, null, null, null, 1, 2, 3]);
    expect(monthGrid(1960, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('name dates in English and Chinese with the weekday', () => {
    expect(longDateEn('1958-09-25')).toBe('25 September 1958');
    expect(longDateZh('1958-09-25')).toBe('1958年9月25日 星期四');
    expect(longDateZh('1966-01-01', false)).toBe('1966年1月1日');
  });
});

describe('the FROM / TO range of a build', () => {
  it('takes a year, a month or a day at either end, both ends included', () => {
    const r = parseRange('1958-09', '1958-12');
    expect(inRange('1958-09-01', r)).toBe(true);
    expect(inRange('1958-12-31', r)).toBe(true);
    expect(inRange('1958-08-31', r)).toBe(false);
    expect(inRange('1959-01-01', r)).toBe(false);
    expect(inRange('1966-01-01', parseRange('1966'))).toBe(true);
    expect(inRange('1965-12-31', parseRange('1966'))).toBe(false);
    expect(inRange('1946-05-15', parseRange('', '1946-05-15'))).toBe(true);
    expect(describeRange(r)).toBe('1958-09 to 1958-12');
  });

  it('refuses what is not a date, and an empty range, saying what to write', () => {
    expect(() => parseRange('Sept 1958')).toThrow('FROM=Sept 1958 is not a year, month or day. Write FROM=1958, FROM=1958-09 or FROM=1958-09-25.');
    expect(() => parseRange('1960', '1958')).toThrow('FROM=1960 comes after TO=1958');
    expect(() => parseRange('1958-09', '1958')).not.toThrow();
  });
});

describe('the year page headline filter', () => {
  const rows = headlineRows([
    ref('1958-09-25', 1, 'a', '发展铜铝工业', 'Develop the Copper and Aluminum Industries'),
    ref('1958-10-01', 2, 'b', '钢铁元帅升帐', 'Steel Takes Command'),
  ]);

  it('finds Chinese words in the headline and English words in the title, ignoring case', () => {
    expect(filterHeadlines(rows, '铜铝').map((r) => r[2])).toEqual(['1958-09-25/p1/a/']);
    expect(filterHeadlines(rows, 'steel').map((r) => r[2])).toEqual(['1958-10-01/p2/b/']);
    expect(filterHeadlines(rows, 'copper 工业').map((r) => r[2])).toEqual(['1958-09-25/p1/a/']);
  });

  it('needs every word, and finds nothing for an empty query', () => {
    expect(filterHeadlines(rows, 'steel 铜')).toEqual([]);
    expect(filterHeadlines(rows, '  ')).toEqual([]);
  });
});

describe('stepping with ← / → and swipes', () => {
  const key = (k: Partial<KeyLike>): KeyLike => ({
    key: 'ArrowRight',
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    defaultPrevented: false,
    targetTag: 'BODY',
    targetOwnsArrows: false,
    ...k,
  });

  it('steps on a plain arrow key', () => {
    expect(stepForKey(key({}))).toBe('next');
    expect(stepForKey(key({ key: 'ArrowLeft' }))).toBe('prev');
    expect(stepForKey(key({ key: 'ArrowDown' }))).toBeNull();
  });

  it('leaves the arrows to fields, to widgets that own them, to other handlers and to modified keys', () => {
    expect(stepForKey(key({ targetTag: 'INPUT' }))).toBeNull();
    expect(stepForKey(key({ targetOwnsArrows: true }))).toBeNull();
    expect(stepForKey(key({ defaultPrevented: true }))).toBeNull();
    expect(stepForKey(key({ altKey: true }))).toBeNull();
    expect(stepForKey(key({ shiftKey: true }))).toBeNull();
  });

  it('turns a quick horizontal swipe into a step, leftward to the next page', () => {
    expect(stepForSwipe(-120, 10, 200)).toBe('next');
    expect(stepForSwipe(120, -10, 200)).toBe('prev');
    expect(stepForSwipe(-40, 0, 200)).toBeNull();
    expect(stepForSwipe(-120, 90, 200)).toBeNull();
    expect(stepForSwipe(-120, 0, 2000)).toBeNull();
  });
});

describe('offline precache of archive pages', () => {
  const files = [
    { path: 'index.html', bytes: 10 },
    { path: '1958/index.html', bytes: 10 },
    { path: '1958/headlines.js', bytes: 10 },
    { path: '1958-09-25/index.html', bytes: 10 },
  ];

  it('saves year pages with the shell, and a year’s headlines last, when the site fits', () => {
    expect(planPrecache(files, 40).urls).toEqual(['./', '1958/', '1958-09-25/', '1958/headlines.js']);
  });

  it('saves only the shell, year pages included, when it does not', () => {
    expect(planPrecache(files, 39).urls).toEqual(['./', '1958/']);
  });
});
