/** Loading a screen's query, and following a live subscription, with states the screens show. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request, RequestError, subscribe } from '../../graphql/client';
import type { Operation } from '../../graphql/operations';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; offline: boolean }
  | { status: 'ready'; data: T };

export function useQuery<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
): { state: Loaded<TData>; reload: () => void; set: (data: TData) => void } {
  const [state, setState] = useState<Loaded<TData>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  const latest = useRef(0);

  const load = useCallback(() => {
    const ticket = ++latest.current;
    request(operation, variables)
      .then((data) => {
        if (ticket === latest.current) setState({ status: 'ready', data });
      })
      .catch((error: unknown) => {
        if (ticket !== latest.current) return;
        setState({ status: 'error', offline: error instanceof RequestError && error.kind === 'network' });
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operation, key]);

  useEffect(load, [load]);
  const set = useCallback((data: TData) => setState({ status: 'ready', data }), []);
  return { state, reload: load, set };
}

/** Follows a subscription whose first message is a snapshot; each message replaces the last. */
export function useLive<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  enabled = true,
): Loaded<TData> {
  const [state, setState] = useState<Loaded<TData>>({ status: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!enabled) return undefined;
    setState({ status: 'loading' });
    return subscribe(operation, variables, { next: (data) => setState({ status: 'ready', data }) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operation, key, enabled]);
  return state;
}
