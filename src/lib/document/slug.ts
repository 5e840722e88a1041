/**
 * Stable document URLs: `/{date}/p{page}/{slug}/`. The slug comes from the file name when it
 * already has the archive's `YYYY-MM-DD-pN-slug` shape (so editing the text never moves a page),
 * otherwise from the first words of the English title.
 */
const ARCHIVE_NAME = /^\d{4}-\d{2}-\d{2}-p\d+-(.+)$/;

export function slugify(text: string, maxWords = 6): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, maxWords)
    .join('-');
}

/** `1958-09-25-p1-copper-and-aluminum.txt` → `copper-and-aluminum`. */
export function documentSlug(fileName: string, title: string): string {
  const base = fileName.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  const m = ARCHIVE_NAME.exec(base);
  return (m ? slugify(m[1]!, 20) : slugify(title)) || 'document';
}

/** The URL path below the site base, without leading slash: `1958-09-25/p1/copper-and-aluminum/`. */
export function documentPath(date: string, page: number, slug: string): string {
  return `${date}/p${page}/${slug}/`;
}
