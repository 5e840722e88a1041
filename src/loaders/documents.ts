/**
 * Content loader for archive documents (`content/documents/`, or `CONTENT_DIR`). Astro's glob()
 * only reads file types it knows, and ours is the archive's own text format, so this loader reads,
 * validates and reports; plugins and pages assume what it stores is valid.
 * Model: withastro/astro packages/astro/src/content/loaders/glob.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadDocument, listDocumentFiles, type LoadedDocument } from '../lib/load.ts';
import { SourceError } from '../lib/errors.ts';
import { documentSchema } from '../schemas/document.ts';

/**
 * Digest of the code that turns a file into rows, so that a changed parser or aligner re-reads
 * every file instead of serving rows cached from the previous build.
 */
function codeVersion(): string {
  const dir = resolve('src/lib');
  const hash = createHash('sha1');
  if (existsSync(dir)) for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(resolve(dir, f)));
  return hash.digest('hex').slice(0, 12);
}

export function documentsLoader(options: { dir: string }): Loader {
  return {
    name: 'duizhao-documents',
    schema: documentSchema,
    load: async (context: LoaderContext) => {
      const { store, logger, parseData, generateDigest, watcher } = context;
      const dir = resolve(options.dir);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new AstroError(`The documents folder ${dir} does not exist.`, 'Create content/documents/ with the archive files, or point CONTENT_DIR at a folder of them (CONTENT_DIR=../archive npm run build).');
      }
      const version = codeVersion();

      const loadAll = async () => {
        const files = listDocumentFiles(dir);
        const errors: SourceError[] = [];
        const seen = new Set<string>();
        const paths = new Map<string, string>();
        for (const file of files) {
          const abs = resolve(dir, file);
          let loaded: LoadedDocument;
          try {
            loaded = loadDocument(dir, file, paths);
          } catch (e) {
            if (e instanceof SourceError) {
              errors.push(e);
              continue;
            }
            throw e;
          }
          const id = loaded.path.replace(/\/$/, '');
          seen.add(id);
          const digest = generateDigest(`${version}\n${loaded.source}\n${loaded.override ?? ''}`);
          if (store.get(id)?.digest === digest) continue;
          const data = await parseData({ id, data: { ...loaded.data }, filePath: abs });
          store.set({ id, data, digest, filePath: relative(process.cwd(), abs) });
          for (const note of loaded.data.notes) logger.debug(`${file}:${note.line}: ${note.message}`);
        }
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
        if (errors.length) {
          const text = errors.map((e) => e.format()).join('\n\n');
          if (watcher) logger.error(`${errors.length} document(s) could not be read:\n\n${text}`);
          else {
            throw new AstroError(
              `${errors.length} document(s) in ${dir} could not be read:\n\n${text}`,
              `Each message names the file and line and says how to fix it. The format is described in README.md ("Content format"); ${pathToFileURL(resolve('README.md'))}.`,
            );
          }
        }
        logger.info(`${seen.size} documents from ${relative(process.cwd(), dir) || '.'}`);
      };

      await loadAll();
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(dir)) void loadAll();
      });
    },
  };
}
