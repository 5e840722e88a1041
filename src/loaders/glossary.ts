/**
 * Content loader for the hand-written glossary (`content/glossary/*.yaml`). It validates each
 * entry against the schema and stops the build on a bad one with file, line, field and fix
 * (zod's own message names neither line nor fix); it adds the reading (pinyin in context, unless
 * the entry overrides it) and renders the Markdown note.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { SourceError } from '../lib/errors.ts';
import { pinyinLine, toneless } from '../node/pinyin/reading.ts';
import { readYaml } from '../node/yaml-source.ts';
import { sanitizeNoteHtml } from '../node/glossary-note.ts';
import { glossaryEntrySchema, storedGlossarySchema } from '../schemas/glossary.ts';

const FIELD_HINTS: Record<string, string> = {
  term: 'Write the term in hanzi exactly as the documents have it: `term: 土洋并举`.',
  gloss: 'Give a short English gloss: `gloss: combining indigenous and foreign methods`.',
  renderings: 'List the English phrases the translation uses, one per line under `renderings:`, each starting with `- `.',
  note: 'Write the note as a Markdown block: `note: |` and the text indented on the next lines.',
  related: 'List related terms in hanzi: `related: [以土为主, 由土到洋]`.',
  source: 'Give a published reference as one line of text, or leave the field out.',
  pinyin: 'Write toned pinyin with spaces between syllables (`pinyin: tǔ yáng bìng jǔ`), or leave the field out to use the generated reading.',
};

export function glossaryLoader(options: { dir: string }): Loader {
  return {
    name: 'duizhao-glossary',
    schema: storedGlossarySchema,
    load: async ({ store, logger, parseData, generateDigest, renderMarkdown, watcher }) => {
      const dir = resolve(options.dir);
      const loadAll = async () => {
        const files = existsSync(dir)
          ? readdirSync(dir)
              .filter((f) => /\.ya?ml$/i.test(f))
              .sort()
          : [];
        const errors: SourceError[] = [];
        const seen = new Map<string, string>();
        for (const file of files) {
          const slug = file.replace(/\.ya?ml$/i, '');
          const source = readFileSync(resolve(dir, file), 'utf8');
          try {
            if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
              throw new SourceError(
                file,
                1,
                `the file name "${file}" is not a usable URL slug.`,
                'Name the file after the toneless pinyin of the term, lower case, e.g. `tuyangbingju.yaml`.',
              );
            }
            const yaml = readYaml(source, file);
            const parsed = glossaryEntrySchema.safeParse(yaml.data ?? {});
            if (!parsed.success) {
              const issue = parsed.error.issues[0]!;
              const field = String(issue.path[0] ?? 'term');
              const missing = issue.code === 'invalid_type' && (yaml.data as Record<string, unknown> | null)?.[field] === undefined;
              throw new SourceError(
                file,
                yaml.lineOf(issue.path as (string | number)[]),
                `field "${issue.path.join('.') || field}" ${missing ? 'is missing' : `is wrong: ${issue.message}`}.`,
                FIELD_HINTS[field] ?? 'See README.md, "Adding a glossary term".',
              );
            }
            const entry = parsed.data;
            const other = seen.get(entry.term);
            if (other)
              throw new SourceError(
                file,
                yaml.lineOf(['term']),
                `the term ${entry.term} already has an entry (${other}).`,
                'Keep one file per term; merge the two entries.',
              );
            seen.set(entry.term, file);
            const digest = generateDigest(source);
            if (store.get(slug)?.digest === digest) continue;
            const reading = entry.pinyin ?? pinyinLine(entry.term);
            const noteHtml = sanitizeNoteHtml((await renderMarkdown(entry.note)).html);
            const data = await parseData({
              id: slug,
              data: { ...entry, slug, reading, toneless: toneless(reading), noteHtml, file },
            });
            store.set({ id: slug, data, digest, filePath: relative(process.cwd(), resolve(dir, file)) });
          } catch (e) {
            if (e instanceof SourceError) errors.push(e);
            else throw e;
          }
        }
        const slugs = new Set(files.map((f) => f.replace(/\.ya?ml$/i, '')));
        for (const id of store.keys()) if (!slugs.has(id)) store.delete(id);
        for (const { data } of store.values()) {
          for (const r of (data as { related: string[] }).related) {
            if (!seen.has(r)) logger.warn(`${(data as { file: string }).file}: related term ${r} has no glossary entry.`);
          }
        }
        if (errors.length) {
          const text = errors.map((e) => e.format()).join('\n\n');
          if (watcher) logger.error(text);
          else
            throw new AstroError(
              `${errors.length} glossary entr${errors.length === 1 ? 'y is' : 'ies are'} malformed:\n\n${text}`,
              'Each message names the file, line and field. The format is in README.md, "Adding a glossary term".',
            );
        }
        logger.info(`${store.keys().length} glossary entries from ${relative(process.cwd(), dir) || '.'}`);
      };
      await loadAll();
      watcher?.add(dir);
      watcher?.on('all', (_e, changed) => {
        if (changed.startsWith(dir)) void loadAll();
      });
    },
  };
}
