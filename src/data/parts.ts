/** Where the parts of a build in parts keep what they hand the merge (scripts/build-parts.ts). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The `part-data/` folders of the finished parts below `dir`, in order. */
export function partFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'dist', 'part-data', 'summary.json')))
    .map((d) => join(dir, d.name, 'dist', 'part-data'))
    .sort();
}
