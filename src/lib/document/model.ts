/**
 * From a parsed file to what the reader shows: the headline, and rows that pair Chinese
 * paragraphs (numbered p1…pN in the original's order) with their English translation.
 */
import { alignParagraphs } from './align.ts';
import { checkOverride, type OverrideGroup } from './overrides.ts';
import type { SourceNote } from '../errors.ts';
import type { NamedEntity } from './entities.ts';
import { bodyOptions, splitHeadline } from './headline.ts';
import type { ParsedDocument } from './parse.ts';

export interface ZhPart {
  /** Row number: the paragraph's place in the Chinese body (id `p${n}`). */
  n: number;
  text: string;
  line: number;
}
export interface EnPart {
  /** The paragraph's place in the English body (`e${e}` in overrides and reports). */
  e: number;
  text: string;
  line: number;
}
export type RowKind = 'pair' | 'no-translation' | 'no-original';
export interface Row {
  kind: RowKind;
  zh: ZhPart[];
  en: EnPart[];
  /** 0…1, see lib/document/align.ts; 1 for a hand-fixed row. */
  confidence: number;
  /** The aligner is unsure of this pair: shown on the page. */
  low: boolean;
  fixed: boolean;
  /** `1-1`, `1-3`, `2-1`, `1-0`, `0-1`… */
  move: string;
}

export interface DocumentModel {
  date: string;
  page: number;
  title: string;
  author: string;
  columnEn: string;
  /** The Chinese headline as displayed, one deck per line. */
  headlineZh: string[];
  headlineLines: number[];
  /** English body lines that repeat the title or byline, shown with the headline. */
  headlineEn: EnPart[];
  bylinesZh: string[];
  section: string;
  columnZh: string;
  entities: NamedEntity[];
  entityLines: { text: string; line: number }[];
  rows: Row[];
  notes: SourceNote[];
}

/** Below this the pair is marked as uncertain on the page. */
export const LOW_CONFIDENCE = 0.2;

export function buildDocument(doc: ParsedDocument, override?: { groups: OverrideGroup[]; file: string }): DocumentModel {
  const split = splitHeadline(doc);
  const zhBody = split.zhBody.map((p, k) => ({ n: k + 1, text: p.text, line: p.line }));
  const enAll = doc.en.paragraphs.map((p, k) => ({ e: k + 1, text: p.text, line: p.line }));
  const enHead = enAll.slice(0, split.enHead.length);
  const enBody = enAll.slice(split.enHead.length);
  const enFirst = enHead.length + 1;
  let fixed: { zh: number[]; en: number[] }[] | undefined;
  if (override) {
    checkOverride(override.groups, zhBody.length, enFirst, enAll.length, override.file);
    fixed = override.groups.map((g) => ({ zh: g.zh.map((n) => n - 1), en: g.en.map((e) => e - enFirst) }));
  }
  // The headline was chosen by aligning the bodies; an override realigns around its groups.
  const beads = fixed ? alignParagraphs(zhBody.map((p) => p.text), enBody.map((p) => p.text), { ...bodyOptions(doc), alone: split.alone, fixed }) : split.beads;
  const rows: Row[] = beads.map((b) => {
    const kind: RowKind = !b.en.length ? 'no-translation' : !b.zh.length ? 'no-original' : 'pair';
    return {
      kind,
      zh: b.zh.map((k) => zhBody[k]!),
      en: b.en.map((k) => enBody[k]!),
      confidence: Math.round(b.confidence * 1000) / 1000,
      low: kind === 'pair' && !b.fixed && b.confidence < LOW_CONFIDENCE,
      fixed: !!b.fixed,
      move: `${b.zh.length}-${b.en.length}`,
    };
  });
  const headlineZh = split.zhHead.length ? split.zhHead.map((p) => p.text) : doc.zh.headline;
  return {
    date: doc.date,
    page: doc.page,
    title: doc.en.title,
    author: doc.en.author,
    columnEn: doc.en.column,
    headlineZh,
    headlineLines: split.zhHead.length ? split.zhHead.map((p) => p.line) : [doc.zh.headlineLine],
    headlineEn: enHead,
    bylinesZh: doc.zh.bylines.map((b) => b.text),
    section: doc.zh.section,
    columnZh: doc.zh.column,
    entities: doc.en.entities,
    entityLines: doc.en.entityLines,
    rows,
    notes: doc.notes,
  };
}
