import { describe, expect, it } from 'vitest';
import { chicagoCitation, longDate, type CitationInput } from '../../src/lib/passage/citation.ts';
import { buildDocument } from '../../src/lib/document/model.ts';
import { parseDocument } from '../../src/lib/document/parse.ts';
import { passageLabel, parsePassage } from '../../src/lib/passage/url.ts';
import { readSeed, SEED_FILE } from './support/corpus.ts';

const seed = buildDocument(parseDocument(readSeed(), SEED_FILE));
const URL_BASE = 'https://duizhao.example/1958-09-25/p1/copper-and-aluminum/';
const HEADLINE = '中共中央和国务院指示抓住大跃进中薄弱环节 高速度发展铜铝工业 动员全民土法冶炼，一年内把产量提高几倍';

/** The seed's citation data, as the document page hands it to <reader-passages>. */
function seedInput(extra: Partial<CitationInput> = {}): CitationInput {
  return {
    headlineZh: seed.headlineZh,
    title: seed.title,
    author: seed.author,
    authorZh: seed.bylinesZh,
    date: seed.date,
    page: seed.page,
    passage: passageLabel(parsePassage('#p3-p5')),
    url: `${URL_BASE}#p3-p5`,
    accessed: '2026-11-25',
    version: '1a2b3c4d5e',
    ...extra,
  };
}

describe('longDate', () => {
  it('writes 1958-09-25 as September 25, 1958', () => {
    expect(longDate('1958-09-25')).toBe('September 25, 1958');
  });

  it('drops leading zeros from the day and names every month', () => {
    expect(longDate('2026-01-05')).toBe('January 5, 2026');
    expect(Array.from({ length: 12 }, (_, k) => longDate(`1950-${String(k + 1).padStart(2, '0')}-01`).split(' ')[0])).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
  });
});

describe('chicagoCitation', () => {
  it('cites rows 3–5 of the seed with the Chinese headline, its translation, paper, date, page, rows, URL and access date', () => {
    expect(chicagoCitation(seedInput())).toBe(
      `“${HEADLINE}” [The CCP Central Committee and the State Council Issue Instructions to Seize Weak Links in the Great Leap Forward and Develop the Copper and Aluminum Industries at High Speed; Mobilize the People to Refine Using Indigenous Methods, Increasing Output Several Times Within a Year]. ` +
        '《人民日报》 (People’s Daily), September 25, 1958, page 1, ¶3–5. ' +
        `Accessed November 25, 2026. ${URL_BASE}#p3-p5. duizhao content version 1a2b3c4d5e.`,
    );
  });

  it('starts with no author when the seed has none (no stray ". " before the headline)', () => {
    expect(seed.author).toBe('');
    expect(chicagoCitation(seedInput())).toMatch(/^“中共中央/);
  });

  it('puts the English author, then the Chinese byline, first when there are any', () => {
    const text = chicagoCitation(seedInput({ author: 'Zuo Hai', authorZh: ['左海'] }));
    expect(text.startsWith(`Zuo Hai 左海. “${HEADLINE}” [The CCP Central Committee`)).toBe(true);
  });

  it('uses the Chinese byline alone when the English has no author line', () => {
    expect(chicagoCitation(seedInput({ authorZh: ['本报记者'] }))).toMatch(/^本报记者\. “/);
  });

  it('cites a lesson link with its label and full URL', () => {
    const text = chicagoCitation(seedInput({ passage: passageLabel(parsePassage('#p2,p5-p7')), url: `${URL_BASE}#p2,p5-p7` }));
    expect(text).toContain('page 1, ¶2, 5–7. Accessed November 25, 2026. https://duizhao.example/1958-09-25/p1/copper-and-aluminum/#p2,p5-p7.');
  });

  it('cites the whole article without a paragraph label', () => {
    const text = chicagoCitation(seedInput({ passage: '', url: URL_BASE }));
    expect(text).toContain('September 25, 1958, page 1. Accessed November 25, 2026. https://duizhao.example/1958-09-25/p1/copper-and-aluminum/.');
    expect(text).not.toContain('¶');
  });

  it('leaves out the access date in the no-JavaScript fallback but keeps the content version', () => {
    const text = chicagoCitation(seedInput({ accessed: undefined, passage: '', url: '/1958-09-25/p1/copper-and-aluminum/' }));
    expect(text).not.toContain('Accessed');
    expect(text.endsWith('page 1. /1958-09-25/p1/copper-and-aluminum/. duizhao content version 1a2b3c4d5e.')).toBe(true);
  });
});
