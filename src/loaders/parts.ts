/**
 * The documents collection of a build in parts' merge step (PART=merge). The merge makes only the
 * pages that span the archive, from what its parts summarised (src/data/summary.ts): it stores no
 * document and reads no source file. This loader checks that there are parts to merge.
 */
import { resolve } from 'node:path';
import { AstroError } from 'astro/errors';
import type { Loader } from 'astro/loaders';
import { partFolders } from '../data/parts.ts';
import { documentSchema } from '../schemas/document.ts';

export function partsLoader(options: { dir: string }): Loader {
  return {
    name: 'duizhao-parts',
    schema: documentSchema,
    load: async ({ store, logger }) => {
      const dir = resolve(options.dir);
      const folders = partFolders(dir);
      if (!folders.length) {
        throw new AstroError(
          `No built parts in ${dir}.`,
          'Build the parts first: `npm run build:parts` (all of them), or `npm run build:part -- 1958` for each year, then `npm run build:merge`.',
        );
      }
      store.clear();
      logger.info(`merging ${folders.length} parts from ${dir}`);
    },
  };
}
