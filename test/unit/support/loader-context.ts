/**
 * Stand-ins for the parts of Astro's loader context that the loaders' unit tests need: a store
 * over a Map, and a logger that records each line as `level: message`.
 */
export interface StoredEntry<T> {
  id: string;
  data: T;
  digest?: string;
}

export function memoryStore<T>() {
  const entries = new Map<string, StoredEntry<T>>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry<T>) => (entries.set(entry.id, entry), true),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    delete: (id: string) => void entries.delete(id),
  };
  return { entries, store };
}

/** `debug: false` leaves debug lines out of `logs`. */
export function recordingLogger({ debug = true } = {}) {
  const logs: string[] = [];
  const logger = {
    info: (m: string) => logs.push(`info: ${m}`),
    warn: (m: string) => logs.push(`warn: ${m}`),
    error: (m: string) => logs.push(`error: ${m}`),
    debug: (m: string) => void (debug && logs.push(`debug: ${m}`)),
  };
  return { logs, logger };
}
