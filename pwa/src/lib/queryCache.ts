/**
 * The one cache of query results: what a screen last read, by operation and
 * variables, with the time it was read. A screen opened again shows it at
 * once while it is read anew; without a network it is the « last known »
 * copy the screen shows with its time. Results a screen asks to keep are
 * also written to the device (localStorage) for offline starts; everything
 * goes on sign-out.
 */
import type { KeyValueStore } from './offlineCache';

export interface CachedResult<T> {
  data: T;
  /** ISO time the server gave this answer. */
  savedAt: string;
}

const PREFIX = 'elan.query.v1:';
const INDEX = 'elan.query.v1.index';
/** Kept results on the device: the newest win. */
const MAX_KEPT = 30;

/** Keys do not depend on the order the variables were written in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function cacheKey(operationName: string, variables: unknown): string {
  return `${operationName}:${stable(variables ?? {})}`;
}

type Listener = (result: CachedResult<unknown>) => void;

export class QueryCache {
  private readonly memory = new Map<string, CachedResult<unknown>>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly store: () => KeyValueStore | null = () => null) {}

  read<T>(key: string): CachedResult<T> | null {
    const held = this.memory.get(key);
    if (held) return held as CachedResult<T>;
    const kept = this.readKept(key);
    if (kept) this.memory.set(key, kept);
    return kept as CachedResult<T> | null;
  }

  write<T>(key: string, data: T, options: { savedAt?: Date; keep?: boolean } = {}): CachedResult<T> {
    const result: CachedResult<T> = { data, savedAt: (options.savedAt ?? new Date()).toISOString() };
    this.memory.set(key, result);
    if (options.keep) this.keep(key, result);
    for (const listener of [...(this.listeners.get(key) ?? [])]) listener(result);
    return result;
  }

  /** Told each time another screen writes the same query (a mutation's answer, a refetch). */
  watch(key: string, listener: Listener): () => void {
    const set = this.listeners.get(key) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  /** On sign-out (or a lost session) nothing of the previous person stays. */
  clear(): void {
    this.memory.clear();
    const store = this.store();
    try {
      for (const key of this.keptKeys(store)) store?.removeItem(PREFIX + key);
      store?.removeItem(INDEX);
    } catch {
      // nothing kept
    }
  }

  private keptKeys(store: KeyValueStore | null): string[] {
    try {
      const raw = store?.getItem(INDEX);
      const keys: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
    } catch {
      return [];
    }
  }

  private readKept(key: string): CachedResult<unknown> | null {
    try {
      const raw = this.store()?.getItem(PREFIX + key);
      const value: unknown = raw ? JSON.parse(raw) : null;
      if (value && typeof value === 'object' && 'data' in value && 'savedAt' in value && typeof value.savedAt === 'string') {
        return { data: value.data, savedAt: value.savedAt };
      }
    } catch {
      // unreadable: as if nothing was kept
    }
    return null;
  }

  private keep(key: string, result: CachedResult<unknown>): void {
    const store = this.store();
    if (!store) return;
    const keys = [key, ...this.keptKeys(store).filter((kept) => kept !== key)];
    try {
      for (const dropped of keys.slice(MAX_KEPT)) store.removeItem(PREFIX + dropped);
      store.setItem(PREFIX + key, JSON.stringify(result));
      store.setItem(INDEX, JSON.stringify(keys.slice(0, MAX_KEPT)));
    } catch {
      // storage full or forbidden: the screen still works online
    }
  }
}
