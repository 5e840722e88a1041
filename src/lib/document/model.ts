/**
 * From a parsed file to what the reader shows: the headline, and rows that pair Chinese
 * paragraphs (numbered p1…pN in the original's order) with their English translation.
 */
import { alignParagraphs } from './align.ts';
import { checkOverride, type OverrideGroup } from './overrides.ts';
import type { DocumentModel, Row, RowKind } from '../../schemas/document.ts';
import { bodyOptions, splitHeadline } from './headline.ts';
import type { ParsedDocument } from './parse.ts';
import { alignSentences, storeSentences } from './sentences.ts';

export type { DocumentModel, EnPart, Row, RowKind, ZhPart } from '../../schemas/document.ts';

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
  const beads = fixed
    ? alignParagraphs(
        zhBody.map((p) => p.text),
        enBody.map((p) => p.text),
        { ...bodyOptions(doc), alone: split.alone, fixed },
      )
    : split.beads;
  const rows: Row[] = beads.map((b) => {
    const kind: RowKind = !b.en.length ? 'no-translation' : !b.zh.length ? 'no-original' : 'pair';
    const zh = b.zh.map((k) => zhBody[k]!);
    const en = b.en.map((k) => enBody[k]!);
    return {
      kind,
      zh,
      en,
      confidence: Math.round(b.confidence * 1000) / 1000,
      low: kind === 'pair' && !b.fixed && b.confidence < LOW_CONFIDENCE,
      fixed: !!b.fixed,
      move: `${b.zh.length}-${b.en.length}`,
      sentences: storeSentences(alignSentences({ zh, en })),
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
