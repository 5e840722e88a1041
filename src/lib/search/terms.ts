/**
 * Glossary entries for a query: the term itself (土洋并举), its pinyin with or without spaces and
 * tones (tuyangbingju, tǔ yáng), or an English rendering (combining indigenous and foreign
 * methods). Exact matches come first, then terms the query starts (土洋 → 土洋并举).
 */
import { wordRuns } from './encode.ts';
import { foldText } from './fold.ts';
import { HAN } from '../han.ts';
import type { GlossaryInfo } from './files.ts';
import { splitPinyin } from './syllables.ts';

const MAX_TERMS = 3;

function words(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function matchGlossary(entries: GlossaryInfo[], text: string): GlossaryInfo[] {
  const folded = foldText(text);
  const exact: GlossaryInfo[] = [];
  const partial: GlossaryInfo[] = [];
  if (HAN.test(folded)) {
    const key = wordRuns(folded).join('');
    for (const e of entries) {
      const term = wordRuns(foldText(e.term)).join('');
      if (term === key) exact.push(e);
      else if (Array.from(key).length >= 2 && term.startsWith(key)) partial.push(e);
    }
  } else {
    const split = splitPinyin(text, true);
    const py = split?.syllables.join(' ') ?? '';
    const en = words(text);
    if (!py && !en) return [];
    for (const e of entries) {
      const renderings = [...e.renderings, e.gloss].map(words);
      if ((split && !split.partial && e.py === py) || renderings.includes(en)) exact.push(e);
      else if ((split && split.syllables.length >= 2 && e.py.startsWith(py)) || (en.length >= 4 && renderings.some((r) => r.startsWith(en)))) partial.push(e);
    }
  }
  return [...exact, ...partial].slice(0, MAX_TERMS);
}
