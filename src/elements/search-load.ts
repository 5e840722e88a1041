/**
 * Loads search files as classic <script> tags. Each file calls `__duizhaoSearch.shard(name, data)`
 * (see lib/search-index.ts), which works over http(s) and from file:// alike; fetch() and module
 * scripts do not work from file:// in Chromium.
 */
import type { Loader } from '../lib/search-engine.ts';

interface Registry {
  shard(name: string, data: unknown): void;
  [hook: string]: unknown;
}

declare global {
  // eslint-disable-next-line no-var
  var __duizhaoSearch: Registry | undefined;
}

/** A loader for the files in `dir` (a URL ending in `/`), each requested once. */
export function scriptLoader(dir: string, version: string): Loader {
  const arrived = new Map<string, unknown>();
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
        script.src = `${new URL(`${name}.js`, dir).href}${version ? `?v=${encodeURIComponent(version)}` : ''}`;
        script.async = true;
        // A classic script runs before its load event: by then it has registered its data.
        script.onload = () => {
          script.remove();
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
