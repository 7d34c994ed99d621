/** Loads one query for a screen, with a retry; the screens of this domain share it. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import type { Operation } from '../../graphql/operations';

export type QueryState<T> = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: T };

export function useQuery<TData, TVariables>(
  operation: Operation<TData, TVariables>,
  variables: TVariables,
  key: string,
): { state: QueryState<TData>; reload: () => void } {
  const [state, setState] = useState<QueryState<TData>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    request(operation, variables)
      .then((data) => !cancelled && setState({ status: 'ready', data }))
      .catch(() => !cancelled && setState({ status: 'error' }));
    return () => {
      cancelled = true;
    };
    // the key stands for the variables
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { state, reload };
}
