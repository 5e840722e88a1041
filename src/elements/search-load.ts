/**
 * Loads search files as classic <script> tags. Each file calls `__duizhaoSearch.shard(name, data)`
 * (see lib/search/files.ts), which works over http(s) and from file:// alike; fetch() and module
 * scripts do not work from file:// in Chromium.
 */
import type { Loader } from '../lib/search/engine.ts';

interface Registry {
  shard(name: string, data: unknown): void;
  [hook: string]: unknown;
}

declare global {
  // A global the index files call: `var` is how a global is declared.
  var __duizhaoSearch: Registry | undefined;
}

/**
 * A loader for the files in `dir` (a URL ending in `/`), each requested once. The pages do not
 * know the index's version (a page of a build in parts is made before the index is), so `meta.js`
 * is asked for afresh on each visit, and every other file with the version it names: a rebuilt
 * site never pairs a new meta.js with files an HTTP cache kept from the old index.
 */
export function scriptLoader(dir: string): Loader {
  const arrived = new Map<string, unknown>();
  let version = '';
  const requests = new Map<string, Promise<unknown>>();
  globalThis.__duizhaoSearch = {
    ...globalThis.__duizhaoSearch,
    shard(name, data) {
      arrived.set(name, data);
    },
  };
  return (name) => {
    let request = requests.get(name);
    if (!request) {
      request = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        const v = name === 'meta' ? `t${Date.now().toString(36)}` : version;
        script.src = `${new URL(`${name}.js`, dir).href}${v ? `?v=${encodeURIComponent(v)}` : ''}`;
        script.async = true;
        // A classic script runs before its load event: by then it has registered its data.
        script.onload = () => {
          script.remove();
          if (name === 'meta') version = String((arrived.get(name) as { version?: string } | undefined)?.version ?? '');
          if (arrived.has(name)) resolve(arrived.get(name));
          else reject(new Error(`${script.src} loaded but did not register "${name}"`));
        };
        script.onerror = () => {
          script.remove();
          requests.delete(name);
          reject(new Error(`Could not load ${script.src}`));
        };
        document.head.append(script);
      });
      requests.set(name, request);
    }
    return request;
  };
}
