/**
 * The stored shape of one document: what the loader produces from a source file (see
 * `lib/document/parse.ts`, `lib/document/model.ts`) and the pages read. Validated when the loader stores it.
 */
import { z } from 'astro/zod';

const zhPart = z.object({
  /** Row number: place in the Chinese body; the row's anchor is `p${n}`. */
  n: z.number().int().positive(),
  /** Paragraph text, without its indentation. */
  text: z.string(),
  /** 1-based line in the source file. */
  line: z.number().int().positive(),
});

const enPart = z.object({
  /** Place in the English body (`e${e}` in `.align` overrides and the alignment report). */
  e: z.number().int().positive(),
  /** Paragraph text, without its indentation. */
  text: z.string(),
  /** 1-based line in the source file. */
  line: z.number().int().positive(),
});

export const rowSchema = z.object({
  /** `pair`, or a paragraph with no counterpart on the other side. */
  kind: z.enum(['pair', 'no-translation', 'no-original']),
  /** Chinese paragraphs of the row (two or more when one English paragraph translates several). */
  zh: z.array(zhPart),
  /** English paragraphs of the row. */
  en: z.array(enPart),
  /** Aligner confidence, 0…1. */
  confidence: z.number().min(0).max(1),
  /** Marked on the page as uncertain. @default false */
  low: z.boolean().default(false),
  /** Fixed by a hand-written `.align` override. @default false */
  fixed: z.boolean().default(false),
  /** Alignment move, `1-1`, `1-3`, `2-1`, `1-0`… */
  move: z.string(),
});

export const entitySchema = z.object({
  /** The name in the Chinese original. */
  zh: z.string(),
  /** Toned pinyin, when the block gives it. */
  pinyin: z.string().optional(),
  /** The English form used in the translation. */
  en: z.string().optional(),
  /** Description after the English name, when the block gives one. */
  note: z.string().optional(),
  /** Group heading in the block (`Organizations`). */
  group: z.string().optional(),
  /** 1-based source line. */
  line: z.number().int().positive(),
});

export const documentSchema = z.object({
  /** Source file name, relative to the content folder. */
  file: z.string(),
  /** URL path below the base, e.g. `1958-09-25/p1/copper-and-aluminum/`. */
  path: z.string(),
  /** Publication date, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Newspaper page (版). */
  page: z.number().int().positive(),
  /** English title. */
  title: z.string().min(1),
  /** English author line; may be empty. */
  author: z.string(),
  /** English `Column:` line; may be empty. */
  columnEn: z.string(),
  /** Chinese headline, one deck per line. */
  headlineZh: z.array(z.string()).min(1),
  /** Source lines of the headline decks. */
  headlineLines: z.array(z.number().int()),
  /** English lines repeating the title or byline, shown with the headline. */
  headlineEn: z.array(enPart),
  /** Author or source lines under the Chinese headline. */
  bylinesZh: z.array(z.string()),
  /** Section in `第N版(section)`. */
  section: z.string(),
  /** Column after `专栏：`. */
  columnZh: z.string(),
  /** The document's own named-entity block. */
  entities: z.array(entitySchema),
  /** Lines of that block that are not `name<tab>English` entries, kept as they are. */
  entityLines: z.array(z.object({ text: z.string(), line: z.number().int() })),
  /** Aligned rows, in reading order. */
  rows: z.array(rowSchema).min(1),
  /** Irregularities that were read and kept (shown by `npm run align:report`). */
  notes: z.array(z.object({ line: z.number().int(), message: z.string() })),
});

export type StoredDocument = z.infer<typeof documentSchema>;
