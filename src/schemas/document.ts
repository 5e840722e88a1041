/**
 * The document model, one definition: what lib/document/model.ts builds from a source file, what
 * the content loader validates and stores (with the file and the URL path), and what pages,
 * plugins and the search index read. The TypeScript types are derived from these schemas.
 *
 * Plain zod (`zod/v4`, the very module `astro/zod` re-exports), so that src/lib can use the types
 * without importing Astro.
 */
import { z } from 'zod/v4';

export const zhPartSchema = z.object({
  /** Row number: place in the Chinese body; the row's anchor is `p${n}`. */
  n: z.number().int().positive(),
  /** Paragraph text, without its indentation. */
  text: z.string(),
  /** 1-based line in the source file. */
  line: z.number().int().positive(),
});

export const enPartSchema = z.object({
  /** Place in the English body (`e${e}` in `.align` overrides and the alignment report). */
  e: z.number().int().positive(),
  /** Paragraph text, without its indentation. */
  text: z.string(),
  /** 1-based line in the source file. */
  line: z.number().int().positive(),
});

/**
 * The sentences of a row, split and aligned once when the document is built
 * (lib/document/sentences.ts), as lengths rather than copies of the text.
 */
export const rowSentencesSchema = z.object({
  /** Per Chinese paragraph of the row, the length (UTF-16 units) of each sentence; sentence k of p5 is `p5.${k + 1}`. */
  zh: z.array(z.array(z.number().int().nonnegative())),
  /** Per English paragraph of the row, each sentence as its length and the ids of the Chinese sentences it translates. */
  en: z.array(z.array(z.tuple([z.number().int().nonnegative(), z.array(z.string())]))),
});

export const rowSchema = z
  .object({
    /** `pair`, or a paragraph with no counterpart on the other side. */
    kind: z.enum(['pair', 'no-translation', 'no-original']),
    /** Chinese paragraphs of the row (two or more when one English paragraph translates several). */
    zh: z.array(zhPartSchema),
    /** English paragraphs of the row. */
    en: z.array(enPartSchema),
    /** Aligner confidence, 0…1; 1 for a hand-fixed row. */
    confidence: z.number().min(0).max(1),
    /** Marked on the page as uncertain. @default false */
    low: z.boolean().default(false),
    /** Fixed by a hand-written `.align` override. @default false */
    fixed: z.boolean().default(false),
    /** Alignment move, `1-1`, `1-3`, `2-1`, `1-0`… */
    move: z.string(),
    sentences: rowSentencesSchema,
  })
  .superRefine((row, ctx) => {
    // The sentences cut the paragraphs exactly: no character lost, none counted twice.
    const cuts = (parts: { text: string }[], lengths: number[][], side: string) => {
      if (lengths.length !== parts.length)
        ctx.addIssue({ code: 'custom', message: `${side} sentences are for ${lengths.length} paragraphs, the row has ${parts.length}` });
      parts.forEach((p, k) => {
        const sum = (lengths[k] ?? []).reduce((a, b) => a + b, 0);
        if (sum !== p.text.length)
          ctx.addIssue({ code: 'custom', message: `${side} paragraph ${k + 1}: sentences of ${sum} characters for a text of ${p.text.length}` });
      });
    };
    cuts(row.zh, row.sentences.zh, 'Chinese');
    cuts(
      row.en,
      row.sentences.en.map((p) => p.map(([length]) => length)),
      'English',
    );
  });

export const entitySchema = z.object({
  /** The name as written in the Chinese original. */
  zh: z.string(),
  /** Toned pinyin, when the block gives it. */
  pinyin: z.string().optional(),
  /** The English form used in the translation, when the block gives one. */
  en: z.string().optional(),
  /** A description after the English name (`Dazhai - a model agricultural brigade…`). */
  note: z.string().optional(),
  /** Group heading the entry sits under in the block (`Organizations`). */
  group: z.string().optional(),
  /** 1-based source line. */
  line: z.number().int().positive(),
});

/** Something irregular that was read and kept, worth a look but not an error. */
export const noteSchema = z.object({ line: z.number().int(), message: z.string() });

/** What lib/document/model.ts builds from a parsed file. */
export const documentModelSchema = z.object({
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
  /** Chinese headline as displayed, one deck per line. */
  headlineZh: z.array(z.string()).min(1),
  /** Source lines of the headline decks. */
  headlineLines: z.array(z.number().int()),
  /** English lines repeating the title, its decks or the byline, shown with the headline. */
  headlineEn: z.array(enPartSchema),
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
  notes: z.array(noteSchema),
});

/** What the content loader stores for each document. */
export const documentSchema = documentModelSchema.extend({
  /** Source file name, relative to the content folder. */
  file: z.string(),
  /** URL path below the base, e.g. `1958-09-25/p1/copper-and-aluminum/`. */
  path: z.string(),
});

export type ZhPart = z.infer<typeof zhPartSchema>;
export type EnPart = z.infer<typeof enPartSchema>;
export type StoredSentences = z.infer<typeof rowSentencesSchema>;
export type Row = z.infer<typeof rowSchema>;
export type RowKind = Row['kind'];
export type NamedEntity = z.infer<typeof entitySchema>;
export type SourceNote = z.infer<typeof noteSchema>;
export type DocumentModel = z.infer<typeof documentModelSchema>;
export type StoredDocument = z.infer<typeof documentSchema>;
