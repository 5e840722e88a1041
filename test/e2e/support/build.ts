import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: builds run here, relative paths below resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface BuildOptions {
  /** Where the built site goes (`OUT_DIR` for astro.config.mjs, and `--outDir`). */
  outDir: string;
  /** The documents folder (`CONTENT_DIR`). @default 'content/documents' */
  contentDir?: string;
  /** The base path the site is served under (`BASE`). @default '/' */
  base?: string;
  /** The full build output goes here. */
  logFile: string;
  /** The glossary folder (`GLOSSARY_DIR`). @default 'content/glossary' */
  glossaryDir?: string;
  /** STRICT=1: a refused file fails the build. @default false */
  strict?: boolean;
  /** Kill the build after this long. @default 600_000 */
  timeoutMs?: number;
}

export interface BuildResult {
  ok: boolean;
  seconds: number;
  /** The last lines of the build output, to explain a failure without opening the log. */
  tail: string;
}

/**
 * Build the site once with `npx astro build`. `--force` drops Astro's content-layer cache,
 * which the seed and corpus builds would otherwise share, so neither sees the other's documents.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(REPO_ROOT, options.outDir);
  const contentDir = resolve(REPO_ROOT, options.contentDir ?? 'content/documents');
  const base = options.base ?? '/';
  const args = ['astro', 'build', '--force', '--outDir', outDir, ...(base === '/' ? [] : ['--base', base])];

  await mkdir(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    lines.push(...chunk.toString().split('\n'));
    lines.splice(0, Math.max(0, lines.length - 40));
  };

  const started = performance.now();
  const code = await new Promise<number>((done) => {
    // Vitest sets Vite's BASE_URL=/ in its own environment; passed on, it would override BASE.
    const { BASE_URL: _viteBase, ...parentEnv } = process.env;
    const child = spawn('npx', args, {
      cwd: REPO_ROOT,
      env: {
        ...parentEnv,
        CONTENT_DIR: contentDir,
        OUT_DIR: outDir,
        BASE: base,
        STRICT: options.strict ? '1' : '',
        GLOSSARY_DIR: options.glossaryDir ? resolve(REPO_ROOT, options.glossaryDir) : '',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      keep(Buffer.from(`\n[e2e] build killed after ${options.timeoutMs ?? 600_000} ms\n`));
      child.kill('SIGTERM');
    }, options.timeoutMs ?? 600_000);
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => keep(Buffer.from(`\n[e2e] could not start npx: ${error.message}\n`)));
    child.on('close', (status) => {
      clearTimeout(timer);
      done(status ?? 1);
    });
  });
  await new Promise((done) => log.end(done));

  const ok = code === 0 && existsSync(join(outDir, 'index.html'));
  if (code === 0 && !ok) lines.push(`[e2e] astro build succeeded but wrote no ${join(outDir, 'index.html')}`);
  return { ok, seconds: (performance.now() - started) / 1000, tail: lines.join('\n').trim() };
}
