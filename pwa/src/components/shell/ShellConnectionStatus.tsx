import { t } from '../../i18n';
import { useConnectionState } from './useConnectionState';

/** "En direct" / "Reconnexion…" / "Hors ligne": whether likes and posts arrive live. */
export function ShellConnectionStatus() {
  const state = useConnectionState();
  return (
    <p class={`connection-status is-${state}`} data-testid="connection-status" data-state={state} role="status">
      <span class="connection-dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  );
}
