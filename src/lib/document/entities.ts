/**
 * Reads the `**Named Entities**` block some archive translations carry before `<hr />`:
 * metadata (a per-document glossary), not a paragraph of the translation.
 *
 *   中国	Zhōngguó (China)            hanzi, tab, pinyin (English)
 *   京   Jīng (Nanjing)              …or several spaces
 *   钱大钧 Qián Dàjūn                 pinyin alone
 *   突尼斯    Tunisia                  English alone
 *   Organizations:                    group heading
 *   <br>                              separator
 */
import { foldWidth, isBreakLine } from './text.ts';
import { hasHan } from '../han.ts';

import type { NamedEntity } from '../../schemas/document.ts';

export type { NamedEntity };

const TONE_MARKS = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]/i;
/** Name, then a tab or two or more spaces, then the rest. */
const ENTRY = /^(.+?)(?:\t+|[ \u3000]{2,})(.+)$/u;
/** Name without Latin letters, then one space, then the rest (`新华社 Xīnhuá Shè (…)`). */
const ENTRY_ONE_SPACE = /^([^\sA-Za-z]+?)[ \u3000](.+)$/u;

/** True when a Latin phrase reads as pinyin (tone marks, or only pinyin-shaped syllables). */
function looksLikePinyin(s: string): boolean {
  return TONE_MARKS.test(s);
}

export function parseEntityLine(raw: string, line: number, group?: string): NamedEntity | null {
  const text = raw.replace(/\\t/g, '\t').trim();
  const m = ENTRY.exec(text) ?? ENTRY_ONE_SPACE.exec(text);
  if (!m || !hasHan(m[1]!)) return null;
  const zh = m[1]!.trim();
  const rest = m[2]!.trim();
  const entity: NamedEntity = { zh, line, ...(group ? { group } : {}) };
  const paren = /^(.*?)\s*\((.+)\)$/.exec(rest);
  if (paren && paren[1]) {
    entity.pinyin = paren[1].trim();
    // "Dàzhài (Dazhai - a model agricultural production brigade…)": the name is before " - ".
    const [name = '', ...description] = paren[2]!.split(/\s+-\s+/);
    entity.en = name.trim();
    if (description.length) entity.note = description.join(' - ').trim();
  } else if (looksLikePinyin(rest)) {
    entity.pinyin = rest;
  } else {
    entity.en = rest;
  }
  return entity;
}

/**
 * Parses the lines of a block (without its `**Named Entities**` heading). Lines it cannot read
 * are returned in `unread`, so the caller can show them instead of dropping them.
 */
export function parseEntityBlock(lines: { text: string; line: number }[]): { entities: NamedEntity[]; unread: { text: string; line: number }[] } {
  const entities: NamedEntity[] = [];
  const unread: { text: string; line: number }[] = [];
  let group: string | undefined;
  for (const { text, line } of lines) {
    const t = text.trim();
    if (!t || isBreakLine(t)) continue;
    const heading = /^([A-Za-z][A-Za-z /&-]*):$/.exec(foldWidth(t));
    if (heading) {
      group = heading[1];
      continue;
    }
    const e = parseEntityLine(t, line, group);
    if (e) entities.push(e);
    else unread.push({ text: t, line });
  }
  return { entities, unread };
}
