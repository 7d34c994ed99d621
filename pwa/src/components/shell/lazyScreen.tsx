import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';

/** A screen whose code is fetched the first time it shows (its own chunk), or ahead with `preload()`. */
export interface LazyScreen<P> {
  (props: P): VNode | null;
  preload: () => Promise<void>;
}

/**
 * The one way a screen is loaded: `load` is a dynamic import (so the bundler
 * puts the screen in its own chunk), `render` draws it from the module once
 * there. Until then the screen's place says it is loading; if its chunk
 * cannot come (offline before it was ever fetched), it says so.
 */
export function lazyScreen<M, P>(load: () => Promise<M>, render: (module: M, props: P) => VNode | null): LazyScreen<P> {
  let loaded: M | null = null;
  let loading: Promise<M> | null = null;
  const fetchModule = (): Promise<M> => {
    loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null; // the next visit tries again
        throw error;
      },
    );
    return loading;
  };

  function Screen(props: P): VNode | null {
    const [, setReady] = useState(loaded !== null);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      // the chunk may have come (preloaded) between drawing the placeholder and now
      if (loaded) return void setReady(true);
      let cancelled = false;
      fetchModule().then(
        () => !cancelled && setReady(true),
        () => !cancelled && setFailed(true),
      );
      return () => {
        cancelled = true;
      };
    }, []);
    if (loaded) return render(loaded, props);
    if (failed) return <p role="alert">{t('errors.network')}</p>;
    return (
      <p class="feed-state-inline" role="status" aria-busy="true">
        {t('app.loading')}
      </p>
    );
  }
  Screen.preload = () => fetchModule().then(() => undefined);
  return Screen;
}
