/**
 * Content loader for archive documents (`content/documents/`, or `CONTENT_DIR`). Astro's glob()
 * only reads file types it knows, and ours is the archive's own text format, so this loader reads,
 * validates and reports; plugins and pages assume what it stores is valid.
 * Model: withastro/astro packages/astro/src/content/loaders/glob.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadDocument, listDocumentFiles, placeDocument, readDocumentText, readOverride, scanDates, type LoadedDocument } from '../node/load.ts';
import type { StoredDocument } from '../schemas/document.ts';
import { SourceError } from '../lib/errors.ts';
import { recordRefusals } from '../data/refusals.ts';
import { describeRange, inRange, parseRange, type DateRange } from '../lib/archive/index.ts';
import { documentSchema } from '../schemas/document.ts';

/**
 * Digest of the code that turns a file into rows, so that a changed parser or aligner re-reads
 * every file instead of serving rows cached from the previous build.
 */
function parserDigest(): string {
  const hash = createHash('sha1');
  for (const dir of [resolve('src/lib'), resolve('src/node')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      const abs = resolve(dir, f);
      if (statSync(abs).isFile()) hash.update(f).update(readFileSync(abs));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

/** `FROM=1958-09 TO=1958-12`: build one term's reading (README, "Deploying offline"). */
function buildRange(): DateRange[] {
  try {
    // A part of a build in parts (scripts/build-parts.ts) keeps its year within the archive's range.
    return [parseRange(process.env.FROM, process.env.TO), parseRange(process.env.FROM_ALL, process.env.TO_ALL)];
  } catch (e) {
    throw new AstroError((e as Error).message, 'FROM and TO take a year (1958), a month (1958-09) or a day (1958-09-25); both ends are included.');
  }
}

/**
 * What was thrown reading one file, as a refusal: our SourceError as it is; anything else is a
 * bug of duizhao's, said as one (its stack in the debug log, `astro build --verbose`), so that one
 * file cannot stop the build of an archive of thousands.
 */
function refusal(file: string, e: unknown, logger: LoaderContext['logger']): SourceError {
  if (e instanceof SourceError) return e;
  logger.debug(`${file}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  const what = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
  return new SourceError(
    file,
    1,
    `duizhao could not read this file, by a fault of its own rather than of the file: ${what}`,
    'Report it with the file (the stack is printed by `astro build --verbose`); meanwhile the file is left out of the site.',
  );
}

export function documentsLoader(options: { dir: string }): Loader {
  return {
    name: 'duizhao-documents',
    schema: documentSchema,
    load: async (context: LoaderContext) => {
      const { store, logger, parseData, generateDigest, watcher } = context;
      const dir = resolve(options.dir);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new AstroError(
          `The documents folder ${dir} does not exist.`,
          'Create content/documents/ with the archive files, or point CONTENT_DIR at a folder of them (CONTENT_DIR=../archive npm run build).',
        );
      }
      const parser = parserDigest();
      const ranges = buildRange();
      const within = (date: string) => ranges.every((r) => inRange(date, r));
      const limited = ranges.some((r) => r.from || r.to);
      /** STRICT=1: a refused file stops the build (CI builds the seed and the corpus so). */
      const strict = process.env.STRICT === '1';

      const loadAll = async () => {
        const files = listDocumentFiles(dir);
        // Files outside FROM/TO are left unread: their dates come from a glance at the header.
        const dates = limited ? scanDates(dir, files) : new Map<string, string | null>();
        const errors: SourceError[] = [];
        const seen = new Set<string>();
        const paths = new Map<string, string>();
        const collisions: string[] = [];
        let outside = 0;
        // What the store holds from the last build, by file: an unchanged file is not parsed again.
        const stored = new Map<string, { id: string; digest: string; data: StoredDocument }>();
        for (const entry of store.values())
          stored.set((entry.data as StoredDocument).file, { id: entry.id, digest: String(entry.digest), data: entry.data as StoredDocument });
        for (const file of files) {
          const abs = resolve(dir, file);
          const seenDate = dates.get(file);
          if (seenDate && !within(seenDate)) {
            outside++;
            continue;
          }
          let loaded: LoadedDocument;
          try {
            const kept = stored.get(file);
            if (
              kept &&
              within(kept.data.date) &&
              kept.digest === generateDigest(`${parser}\n${readDocumentText(dir, file)}\n${readOverride(dir, file) ?? ''}`)
            ) {
              // It still gets the URL a full read would give it, or it is read again.
              const place = placeDocument(file, kept.data, paths, false);
              if (place.path === kept.data.path) {
                paths.set(place.path, file);
                if (place.wanted) collisions.push(`${file}: /${place.wanted} was taken by ${paths.get(place.wanted)}, so this one is at /${place.path}`);
                seen.add(kept.id);
                continue;
              }
            }
            loaded = loadDocument(dir, file, paths);
          } catch (e) {
            errors.push(refusal(file, e, logger));
            continue;
          }
          if (!within(loaded.data.date)) {
            paths.delete(loaded.path);
            outside++;
            continue;
          }
          const id = loaded.path.replace(/\/$/, '');
          const digest = generateDigest(`${parser}\n${loaded.source}\n${loaded.override ?? ''}`);
          if (store.get(id)?.digest !== digest) {
            try {
              const data = await parseData({ id, data: { ...loaded.data }, filePath: abs });
              store.set({ id, data, digest, filePath: relative(process.cwd(), abs) });
            } catch (e) {
              paths.delete(loaded.path);
              errors.push(refusal(file, e, logger));
              continue;
            }
            for (const note of loaded.data.notes) logger.debug(`${file}:${note.line}: ${note.message}`);
          }
          if (loaded.wanted) collisions.push(`${file}: /${loaded.wanted} was taken by ${paths.get(loaded.wanted)}, so this one is at /${loaded.path}`);
          seen.add(id);
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        recordRefusals(errors.map((e) => ({ file: e.file, line: e.line, problem: e.message.slice(`${e.file}:${e.line}: `.length), fix: e.hint })));
        if (errors.length) {
          const text = errors.map((e) => e.format()).join('\n\n');
          const where = `${relative(process.cwd(), dir) || '.'}`;
          if (strict && !watcher) {
            // Only our message: an exception would add Astro's own guesses and a stack trace.
            logger.error(
              `STRICT=1: ${errors.length} file(s) in ${where} refused, so the build stops:\n\n${text}\n\nThe format is described in README.md ("Content format").`,
            );
            process.exit(1);
          }
          logger.warn(
            `${errors.length} file(s) in ${where} refused and left out of the site (listed on /status/; STRICT=1 stops the build instead):\n\n${text}`,
          );
        }
        if (collisions.length) {
          logger.warn(
            `${collisions.length} document(s) would share a URL with another (same date, page and slug); each still gets its own, in file-name order:\n  ${collisions.join('\n  ')}\n  To choose the URLs yourself, rename the files (YYYY-MM-DD-pN-slug.txt).`,
          );
        }
        const described = describeRange(ranges[0]!);
        logger.info(`${seen.size} documents from ${relative(process.cwd(), dir) || '.'}${described ? ` (${described}; ${outside} outside left out)` : ''}`);
      };

      await loadAll();
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(dir)) void loadAll();
      });
    },
  };
}
