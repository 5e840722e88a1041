/**
 * One glossary entry, written by hand in `content/glossary/<slug>.yaml`. The file name (without
 * `.yaml`) is the entry's id and URL: `/glossary/<slug>/`.
 */
import { z } from 'zod/v4';
import { HAN } from '../lib/han.ts';

export const glossaryEntrySchema = z.object({
  /** The term in hanzi, exactly as the documents write it (`土洋并举`, `县、区、乡、社`). */
  term: z.string().trim().min(1).regex(HAN, 'must contain Chinese characters'),
  /** A short English gloss, shown in popovers and the glossary list. */
  gloss: z.string().trim().min(1),
  /**
   * The English phrases the translations use for the term; matched case-insensitively, with
   * plural endings and hyphen/space variants, in the English paired with the term's paragraph.
   * @default []
   */
  renderings: z.array(z.string().trim().min(1)).default([]),
  /** A note in Markdown: historical context and why the term matters in these texts. */
  note: z.string().trim().min(1),
  /** Other terms (their hanzi) worth reading next. @default [] */
  related: z.array(z.string().trim().min(1)).default([]),
  /** A published reference a teacher can check (never invented). */
  source: z.string().trim().min(1).optional(),
  /** Toned pinyin with spaces (`tǔ yáng bìng jǔ`), only when the generated reading is wrong. */
  pinyin: z
    .string()
    .trim()
    .regex(/^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê' ]+$/, 'must be pinyin letters with tone marks, syllables separated by spaces')
    .optional(),
});

export type GlossaryEntryInput = z.infer<typeof glossaryEntrySchema>;

/** What the loader stores: the entry plus what the build derives from it. */
export const storedGlossarySchema = glossaryEntrySchema.extend({
  /** File slug and URL segment. */
  slug: z.string(),
  /** Toned pinyin as the site shows it (the `pinyin` field, or generated in context). */
  reading: z.string(),
  /** Toneless pinyin for sorting and search (`tu yang bing ju`). */
  toneless: z.string(),
  /** The note rendered to HTML. */
  noteHtml: z.string(),
  /** Source file, for messages. */
  file: z.string(),
});

export type StoredGlossaryEntry = z.infer<typeof storedGlossarySchema>;
