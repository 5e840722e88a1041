/**
 * A short content version: a hash over every document and glossary entry, so copies of the site on
 * different machines can be compared at a glance (footer, citations). It changes when any text
 * changes and only then (not with the build time).
 */
import { createHash } from 'node:crypto';

export function contentVersion(parts: { id: string; digest?: string | number | undefined }[]): string {
  const hash = createHash('sha256');
  for (const p of [...parts].sort((a, b) => a.id.localeCompare(b.id))) hash.update(`${p.id}\0${p.digest ?? ''}\n`);
  return hash.digest('hex').slice(0, 10);
}
