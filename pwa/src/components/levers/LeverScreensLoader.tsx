import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { LeverScreensProps } from './LeverScreens';

let loaded: FunctionComponent<LeverScreensProps> | null = null;

/** Fetches the lever screens' chunk the first time one is opened. */
export function LeverScreensLoader(props: LeverScreensProps) {
  const [Screens, setScreens] = useState(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Screens) return;
    import('./LeverScreens')
      .then((module) => {
        loaded = module.LeverScreens;
        setScreens(() => module.LeverScreens);
      })
      .catch(() => setFailed(true));
  }, [Screens]);
  if (failed) return <p class="lever-state" role="alert">{t('errors.network')}</p>;
  if (!Screens) {
    return (
      <div class="lever-state" aria-busy="true">
        <div class="skeleton lever-skeleton" />
      </div>
    );
  }
  return <Screens {...props} />;
}
