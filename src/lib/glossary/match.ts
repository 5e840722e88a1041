/**
 * Finds glossary terms in Chinese text and their English renderings in the paired English text.
 *
 * Chinese: at every position the longest term wins, matches never overlap or nest (土法冶炼 beats
 * 土法; 土洋并举 is one match, not 土 + 洋). English: a rendering matches case-insensitively on
 * word boundaries, with plural endings (-s, -es, -ies) and hyphens or spaces interchangeable
 * ("semi-mechanization" ~ "semi mechanization").
 */

export interface TermMatch {
  /** UTF-16 offsets into the text. */
  start: number;
  end: number;
  /** The key the match was made for (the term as written, or the rendering's term). */
  key: string;
}

/** Chinese matcher over a fixed set of terms; build once, run on many paragraphs. */
export function chineseMatcher(terms: Iterable<string>): (text: string) => TermMatch[] {
  const byFirst = new Map<string, string[]>();
  for (const t of new Set(terms)) {
    if (!t) continue;
    const first = t[0]!;
    const list = byFirst.get(first) ?? [];
    list.push(t);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return (text: string) => {
    const out: TermMatch[] = [];
    let i = 0;
    while (i < text.length) {
      const hit = byFirst.get(text[i]!)?.find((t) => text.startsWith(t, i));
      if (hit) {
        out.push({ start: i, end: i + hit.length, key: hit });
        i += hit.length;
      } else i++;
    }
    return out;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for one rendering: words joined by space or hyphen, the last word inflected. */
function renderingPattern(rendering: string): string {
  const words = rendering
    .trim()
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  if (!words.length) return '';
  const last = words.pop()!;
  // city → cities, but survey → surveys
  const lastPattern = /[^aeiou]y$/.test(last) ? `(?:${last}|${last.slice(0, -1)}ies)` : `${last}(?:s|es)?`;
  return [...words, lastPattern].join('[\\s\\u2010-\\u2011-]+');
}

/** English matcher: `renderings` maps a key (the term) to its renderings. Longest match wins. */
export function englishMatcher(renderings: Map<string, string[]>): (text: string, keys?: Set<string>) => TermMatch[] {
  const patterns: { key: string; re: RegExp; length: number }[] = [];
  for (const [key, list] of renderings) {
    for (const r of list) {
      const p = renderingPattern(r);
      if (p) patterns.push({ key, re: new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`, 'giu'), length: r.length });
    }
  }
  patterns.sort((a, b) => b.length - a.length);
  return (text: string, keys?: Set<string>) => {
    const found: TermMatch[] = [];
    for (const { key, re } of patterns) {
      if (keys && !keys.has(key)) continue;
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (found.some((f) => start < f.end && end > f.start)) continue;
        found.push({ start, end, key });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}
