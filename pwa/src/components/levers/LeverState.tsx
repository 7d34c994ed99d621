import type { ComponentChildren } from 'preact';
import { t } from '../../i18n';
import type { QueryState } from '../../graphql/hooks';
import { ShellLastKnown } from '../shell/ShellLastKnown';

interface LeverStateProps<T> {
  state: QueryState<T>;
  onRetry?: () => void;
  children: (data: T) => ComponentChildren;
}

/** Loading, error (offline or not) and ready (last known data with its time offline), the same way on every lever screen. */
export function LeverState<T>({ state, onRetry, children }: LeverStateProps<T>) {
  if (state.status === 'loading') {
    return (
      <div class="lever-state" aria-busy="true">
        <div class="skeleton lever-skeleton" />
        <div class="skeleton lever-skeleton" />
        <p class="visually-hidden" role="status">
          {t('app.loading')}
        </p>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div class="lever-state" role="alert">
        <p>{state.offline ? t('errors.network') : t('levers.loadError')}</p>
        {onRetry ? (
          <button type="button" class="button" onClick={onRetry}>
            {t('levers.retry')}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <>
      <ShellLastKnown savedAt={state.savedAt} />
      {children(state.data)}
    </>
  );
}
