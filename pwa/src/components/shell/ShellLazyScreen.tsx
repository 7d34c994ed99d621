import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';

type Loader = () => Promise<ComponentType>;
const loaded = new Map<Loader, ComponentType>();

/** A screen fetched on first visit (dynamic import), so the first load stays small. */
export function ShellLazyScreen({ load }: { load: Loader }) {
  const [Screen, setScreen] = useState<ComponentType | null>(() => loaded.get(load) ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Screen) return;
    let cancelled = false;
    load()
      .then((component) => {
        loaded.set(load, component);
        if (!cancelled) setScreen(() => component);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [load]);
  if (failed) return <p role="alert">{t('errors.network')}</p>;
  if (!Screen) return <p role="status">{t('app.loading')}</p>;
  return <Screen />;
}
