/**
 * The little of IndexedDB the app needs, as promises: open a database, read
 * a store, and change a store atomically. Works the same in the page and in
 * the service worker (no `window`).
 *
 * `change` reads every record of a store, hands them to a pure function and
 * writes what it returns, all inside one readwrite transaction: IndexedDB
 * runs readwrite transactions on the same store one after the other, so two
 * tabs and the service worker can never interleave a read and a write.
 */

export type Upgrade = (db: IDBDatabase, oldVersion: number) => void;

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

export function openDatabase(name: string, version: number, upgrade: Upgrade, factory?: IDBFactory): Promise<IDBDatabase> {
  const idb = factory ?? (typeof indexedDB === 'undefined' ? null : indexedDB);
  if (!idb) return Promise.reject(new Error('IndexedDB is not available'));
  return new Promise((resolve, reject) => {
    const request = idb.open(name, version);
    request.onupgradeneeded = (event) => upgrade(request.result, event.oldVersion);
    request.onsuccess = () => {
      const db = request.result;
      // Another context (a new app version) wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
    request.onblocked = () => reject(new Error('IndexedDB upgrade blocked'));
  });
}

export function readAll<T>(db: IDBDatabase, store: string): Promise<T[]> {
  return done(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
}

/** What a change writes: records to put (by their key path) and keys to delete. */
export interface Changes<T, R> {
  put?: T[];
  remove?: IDBValidKey[];
  result: R;
}

/** Reads the whole store, applies `decide`, writes the outcome; resolves once committed. */
export function change<T, R>(db: IDBDatabase, store: string, decide: (records: T[]) => Changes<T, R>): Promise<R> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite');
    const objects = transaction.objectStore(store);
    let outcome: R;
    const read = objects.getAll() as IDBRequest<T[]>;
    read.onsuccess = () => {
      try {
        const changes = decide(read.result);
        outcome = changes.result;
        for (const key of changes.remove ?? []) objects.delete(key);
        for (const record of changes.put ?? []) objects.put(record);
      } catch (error) {
        transaction.abort();
        reject(error);
      }
    };
    transaction.oncomplete = () => resolve(outcome);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}
