/**
 * `npm run package`: zips the portable build (`npm run build:portable`, dist-portable/) with a short
 * README-OFFLINE.txt into dist-package/duizhao-<content version>.zip. Everything sits in one folder
 * inside the zip, so unzipping never scatters files.
 *
 *   node scripts/package.ts [portable dir] [zip file]
 *
 * fflate: small, dependency-free, and writes standard zips that Windows Explorer, macOS Archive
 * Utility and `unzip` open; Node has gzip but no zip.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

export const README_NAME = 'README-OFFLINE.txt';

export function readmeOffline(version: string): string {
  return `duizhao · 对照 — Chinese documents beside their English translations
Portable copy, content version ${version} (shown at the foot of every page: copies with the same
version have the same texts).

OPEN IT ON THIS COMPUTER
  1. Unzip the file first (Windows: right-click, "Extract All"). Pages do not work from inside
     the zip.
  2. Open the folder and double-click index.html. It opens in your web browser (Chrome, Edge,
     Firefox or Safari). No internet is needed: documents, glossary, pinyin, the layout switch and
     search all work from the files. The folder can live on a USB stick.

SHARE IT ON A CLASSROOM NETWORK
  On the teacher's computer, open a terminal in this folder and run one of:
      python3 -m http.server 8000          (Windows: py -m http.server 8000)
      npx serve -l 8000                    (needs Node.js)
  Students open http://<the teacher's IP address>:8000/ in their browsers. Find the address with
  "ipconfig" (Windows) or "ip addr" / System Settings > Network (Linux, macOS). Stop the server
  with Ctrl+C.

  Over plain http from another machine, browsers do not let the site save itself for offline use
  (that needs https or localhost), so students read while connected. Served over https, or opened
  at http://localhost:8000/ on the same machine, the site saves itself after the first visit and
  then opens without a network; the foot of each page says "Available offline".
`;
}

/** The files of `dir`, with README-OFFLINE.txt, inside a folder `name/`; returns the zip's bytes. */
export function zipPortable(dir: string, name: string, version: string): Uint8Array {
  const files: Zippable = {};
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[`${name}/${relative(dir, path).split(sep).join('/')}`] = readFileSync(path);
    }
  };
  walk(dir);
  files[`${name}/${README_NAME}`] = new TextEncoder().encode(readmeOffline(version).replace(/\n/g, '\r\n'));
  // Pages and scripts compress well; a fixed date keeps the zip the same for the same build.
  return zipSync(files, { level: 9, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** The content version the build wrote into the footer (components/Footer.astro). */
export function builtVersion(dir: string): string {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const version = /data-content-version="([^"]+)"/.exec(html)?.[1];
  if (!version) throw new Error(`${join(dir, 'index.html')} has no content version in its footer: is it a duizhao build?`);
  return version;
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? 'dist-portable');
  if (!statSync(join(dir, 'index.html'), { throwIfNoEntry: false })?.isFile()) {
    console.error(`No portable build in ${dir}. Run \`npm run build:portable\` first (npm run package does).`);
    process.exit(1);
  }
  const version = builtVersion(dir);
  const out = resolve(process.argv[3] ?? `dist-package/duizhao-${version}.zip`);
  const zip = zipPortable(dir, `duizhao-${version}`, version);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `wrote ${relative(process.cwd(), out)} (${(zip.length / 1024 / 1024).toFixed(2)} MB): unzip it and open index.html, or see ${README_NAME} inside`,
  );
}
