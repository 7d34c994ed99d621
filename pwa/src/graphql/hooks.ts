/**
 * The app's one way to read and write data from a screen: `useQuery`
 * (through the one cache), `useMutation` and `useSubscription`, with the
 * error convention of lib/requestErrors.ts. `request()` and `subscribe()`
 * in client.ts stay for code that is not a component (outbox, push).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { browserStore } from '../lib/offlineCache';
import { cacheKey, QueryCache } from '../lib/queryCache';
import { isOffline, screenMessage } from '../lib/requestErrors';
import { getConnectionState, onConnectionState, request, subscribe, type ConnectionState } from './client';
import { operationName, type TypedDocument } from './document';

export const queryCache = new QueryCache(browserStore);

export type QueryState<T> =
  | { status: 'loading' }
  /** `message`: what the screen says (network, session, or the server's coded error). */
  | { status: 'error'; offline: boolean; message: string }
  /** `savedAt`: set when the server could not be reached and this is the last known answer, read then. */
  | { status: 'ready'; data: T; savedAt: string | null };

/** The words for a failed request, as the screen shows them. */
export function errorMessage(error: unknown): string {
  const message = screenMessage(error);
  return 'text' in message ? message.text : t(message.key);
}

export interface QueryOptions {
  /** Don't ask yet (e.g. a choice is still missing). */
  skip?: boolean;
  /** Keep the answer on the device, for reading it offline after a restart. */
  keep?: boolean;
  /** With new variables, go on showing the previous answer until the new one comes (searches, filters). */
  keepPrevious?: boolean;
}

export interface QueryResult<TData, TVariables> {
  state: QueryState<TData>;
  /** Read again; what is shown stays until the answer comes. */
  reload: () => void;
  /** Replace the data (a mutation's answer), or change what is shown now; other screens reading it see it too. */
  set: (data: TData | ((shown: TData) => TData)) => void;
  /**
   * The next page: asks with these variables on top of the screen's, and folds
   * the answer into what is shown. A failure is thrown for the screen to say.
   */
  fetchMore: (variables: Partial<TVariables>, merge: (shown: TData, next: TData) => TData) => Promise<void>;
}

export function useQuery<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
  variables: NoInfer<TVariables>,
  options: QueryOptions = {},
): QueryResult<TData, TVariables> {
  const key = cacheKey(operationName(document), variables);
  const { skip = false, keep = false, keepPrevious = false } = options;
  // the state belongs to one key: with new variables, the cache's copy shows until the answer
  const [held, setHeld] = useState<{ key: string; state: QueryState<TData> }>(() => ({ key, state: fromCache<TData>(key) }));
  const state = held.key === key ? held.state : whileAsking(fromCache<TData>(key), keepPrevious ? held.state : null);
  const setState = useCallback((next: QueryState<TData>) => setHeld({ key, state: next }), [key]);
  const [round, setRound] = useState(0);
  const latest = useRef({ key, variables, keep });
  latest.current = { key, variables, keep };

  useEffect(
    () =>
      queryCache.watch(key, (result) => setState({ status: 'ready', data: result.data as TData, savedAt: null })),
    [key, setState],
  );

  useEffect(() => {
    if (skip) return undefined;
    let cancelled = false;
    request(document, latest.current.variables)
      .then((data) => {
        if (!cancelled) queryCache.write(key, data, { keep: latest.current.keep });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const known = queryCache.read<TData>(key);
        if (known && isOffline(error)) setState({ status: 'ready', data: known.data, savedAt: known.savedAt });
        else if (!known) setState({ status: 'error', offline: isOffline(error), message: errorMessage(error) });
        // an error with data on screen keeps the data: the next reload may do better
      });
    return () => {
      cancelled = true;
    };
  }, [document, key, skip, round, setState]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  const set = useCallback((data: TData | ((shown: TData) => TData)) => {
    const { key: asked, keep: kept } = latest.current;
    if (typeof data !== 'function') return void queryCache.write(asked, data, { keep: kept });
    const shown = queryCache.read<TData>(asked);
    if (shown) queryCache.write(asked, (data as (shown: TData) => TData)(shown.data), { keep: kept });
  }, []);
  const fetchMore = useCallback(
    async (more: Partial<TVariables>, merge: (shown: TData, next: TData) => TData) => {
      const asked = latest.current;
      const next = await request(document, { ...asked.variables, ...more });
      const shown = queryCache.read<TData>(asked.key);
      if (shown && latest.current.key === asked.key) queryCache.write(asked.key, merge(shown.data, next), { keep: asked.keep });
    },
    [document],
  );
  return { state, reload, set, fetchMore };
}

function whileAsking<TData>(cached: QueryState<TData>, previous: QueryState<TData> | null): QueryState<TData> {
  return cached.status === 'loading' && previous?.status === 'ready' ? previous : cached;
}

function fromCache<TData>(key: string): QueryState<TData> {
  const cached = queryCache.read<TData>(key);
  return cached ? { status: 'ready', data: cached.data, savedAt: null } : { status: 'loading' };
}

export interface MutationResult<TData, TVariables> {
  /** Sends it: the data (whose result union says success or refusal), or a RequestError thrown. */
  run: (variables: TVariables) => Promise<TData>;
  /** Whether a run is under way. Only a screen that reads it is drawn again when it changes. */
  readonly busy: boolean;
}

export function useMutation<TData, TVariables>(document: TypedDocument<TData, TVariables>): MutationResult<TData, TVariables> {
  const [pending, setPending] = useState(0);
  // a screen that never reads `busy` is not drawn again on each run: a controlled checkbox that
  // sends its change would otherwise be put back to its old value before the answer comes
  const watched = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = useCallback(
    async (variables: TVariables) => {
      const counting = watched.current;
      if (counting) setPending((n) => n + 1);
      try {
        return await request(document, variables);
      } finally {
        if (counting && mounted.current) setPending((n) => n - 1);
      }
    },
    [document],
  );
  return {
    run,
    get busy() {
      watched.current = true;
      return pending > 0;
    },
  };
}

export interface SubscriptionOptions<TData> {
  skip?: boolean;
  /** Each message, for screens that fold events into their own state. */
  onData?: (data: TData) => void;
  /**
   * Keep the latest message on the device: until the live snapshot comes, the
   * screen shows it, as last known data with its time when the socket is down.
   */
  keep?: boolean;
  /** Change it to subscribe again (a gap in versions: the fresh subscription starts with a snapshot). */
  restart?: number;
}

/** Follows a subscription; the state is its latest message (the first is a snapshot for live screens). */
export function useSubscription<TData, TVariables>(
  document: TypedDocument<TData, TVariables>,
  variables: NoInfer<TVariables>,
  options: SubscriptionOptions<TData> = {},
): QueryState<TData> {
  const { skip = false, keep = false, restart = 0 } = options;
  const key = cacheKey(operationName(document), variables);
  const [live, setLive] = useState<{ key: string; data: TData } | null>(null);
  const connection = useConnection();
  const latest = useRef({ variables, onData: options.onData, keep });
  latest.current = { variables, onData: options.onData, keep };
  useEffect(() => {
    if (skip) return undefined;
    setLive(null);
    return subscribe(document, latest.current.variables, {
      next: (data) => {
        if (latest.current.keep) queryCache.write(key, data, { keep: true });
        setLive({ key, data });
        latest.current.onData?.(data);
      },
    });
  }, [document, key, skip, restart]);
  if (live && live.key === key) return { status: 'ready', data: live.data, savedAt: null };
  const known = keep ? queryCache.read<TData>(key) : null;
  if (!known) return { status: 'loading' };
  const down = connection === 'offline' || connection === 'reconnecting';
  return { status: 'ready', data: known.data, savedAt: down ? known.savedAt : null };
}

function useConnection(): ConnectionState {
  const [state, setState] = useState(getConnectionState);
  useEffect(() => onConnectionState(setState), []);
  return state;
}
