import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.ts';

// Each page loads one stylesheet: its kind's sheet, which starts with the common one (README,
// "Project layout"). Astro gives a page one CSS file per set of pages that import a module, so a
// sheet imported by the layout or by a component of every page would be a second file again, and a
// page that imports no sheet would be drawn unstyled.

const STYLES = join(REPO_ROOT, 'src/styles');
/** What styles/common.css gathers; imported by nothing else. */
const COMMON_PARTS = ['global.css', 'print.css', 'search.css'];
const read = (path: string) => readFileSync(path, 'utf8');
const cssImports = (source: string) => [...source.matchAll(/^import '(?:\.\.\/)+styles\/([\w-]+\.css)';$/gm)].map((m) => m[1]);

function astroFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.astro'))
    .map((e) => join(e.parentPath, e.name));
}

describe('the stylesheets', () => {
  const pages = astroFiles(join(REPO_ROOT, 'src/pages'))
    .filter((f) => read(f).includes('<Base'))
    .map((f) => ({ page: f.slice(REPO_ROOT.length + 1), sheets: cssImports(read(f)) }));

  it('import exactly one stylesheet on every page, and never the common parts on their own', () => {
    const wrong = pages.filter(({ sheets }) => sheets.length !== 1 || COMMON_PARTS.includes(sheets[0]!));
    expect(pages.length).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });

  it('start each page’s sheet with the common one, before any rule', () => {
    const sheets = [...new Set(pages.flatMap((p) => p.sheets))].filter((f) => f !== 'common.css');
    const lacking = sheets.filter((f) => {
      const css = read(join(STYLES, f!)).replace(/\/\*[\s\S]*?\*\//g, '');
      return !css.trimStart().startsWith("@import './common.css';");
    });
    expect(sheets.length).toBeGreaterThan(5);
    expect(lacking).toEqual([]);
  });

  it('import no stylesheet in the layout or the components every page renders', () => {
    const shared = ['src/layouts/Base.astro', 'src/components/SiteSearch.astro', 'src/components/ReadingSettings.astro', 'src/components/Footer.astro'];
    const importing = shared.filter((f) => cssImports(read(join(REPO_ROOT, f))).length > 0 || /<style[\s>]/.test(read(join(REPO_ROOT, f))));
    expect(importing).toEqual([]);
  });
});
