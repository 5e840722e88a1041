/**
 * The fixed query list of `npm run bench`, with how to compute each query's true rows from the
 * source documents by plain text search (never from search output):
 *   zh: rows whose Chinese contains `zh`;  en: rows whose English has one of `words` (whole word,
 *   any case);  both: the two at once;  none: garbage, nothing should be found.
 */
export const QUERIES = [
  { q: '铝', kind: 'Chinese', zh: '铝' },
  { q: '土地', kind: 'Chinese', zh: '土地' },
  { q: '社会主义', kind: 'Chinese', zh: '社会主义' },
  { q: '毛主席', kind: 'Chinese', zh: '毛主席' },
  { q: '人民日报', kind: 'Chinese', zh: '人民日报' },
  { q: '帝国主义', kind: 'Chinese', zh: '帝国主义' },
  { q: 'aluminum', kind: 'English', words: ['aluminum', 'aluminums'] },
  { q: 'mining', kind: 'English', words: ['mine', 'mines', 'mined', 'mining'] },
  { q: 'smelting', kind: 'English', words: ['smelt', 'smelts', 'smelted', 'smelting'] },
  { q: 'Soviet', kind: 'English', words: ['soviet', 'soviets'] },
  { q: 'imperialism', kind: 'English', words: ['imperialism', 'imperialisms'] },
  { q: 'shehuizhuyi', kind: 'pinyin', zh: '社会主义' },
  { q: 'mao zhuxi', kind: 'pinyin', zh: '毛主席' },
  { q: 'renminribao', kind: 'pinyin', zh: '人民日报' },
  { q: '铝 aluminum', kind: 'mixed', zh: '铝', words: ['aluminum'] },
  { q: '<img src=x onerror=alert(1)>', kind: 'garbage' },
];

/** True rows (`path#anchor`, `path#` for the headline) and documents of a query. */
export function truthFor(docs, query) {
  const re = query.words ? new RegExp(`\\b(?:${query.words.join('|')})\\b`, 'i') : null;
  const rows = new Set();
  const test = (zh, en) => (query.zh || re) && (!query.zh || zh.includes(query.zh)) && (!re || re.test(en));
  for (const d of docs) {
    if (test(d.headlineZh.join(' '), d.title)) rows.add(`${d.path}#`);
    for (const r of d.rows) {
      const anchor = r.zh[0] ? `p${r.zh[0].n}` : `e${r.en[0].e}`;
      if (test(r.zh.map((z) => z.text).join('\n'), r.en.map((e) => e.text).join('\n'))) rows.add(`${d.path}#${anchor}`);
    }
  }
  return { rows, docs: new Set([...rows].map((r) => r.split('#')[0])) };
}
