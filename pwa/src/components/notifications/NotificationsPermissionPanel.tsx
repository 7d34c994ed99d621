import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { PushState } from '../../lib/pushPermission';
import { askPermissionAndSubscribe, currentPushState, unsubscribeThisDevice } from './pushDevice';

interface NotificationsPermissionPanelProps {
  onDevicesChanged: () => void;
}

/**
 * Push on this device: the value is explained first, and the browser's prompt
 * only comes from the "Activer" tap. Every state says what it means and how to fix it.
 */
export function NotificationsPermissionPanel({ onDevicesChanged }: NotificationsPermissionPanelProps) {
  const [state, setState] = useState<PushState | 'failed'>(currentPushState);
  const [busy, setBusy] = useState(false);

  async function enable() {
    setBusy(true);
    try {
      setState(await askPermissionAndSubscribe());
      onDevicesChanged();
    } finally {
      setBusy(false);
    }
  }

  async function disable() {
    setBusy(true);
    try {
      await unsubscribeThisDevice();
      onDevicesChanged();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="settings-card push-permission" data-state={state} aria-labelledby="push-permission-title">
      <h2 id="push-permission-title">{t('push.thisDevice')}</h2>
      {state === 'ask' && (
        <>
          <p class="push-value">{t('push.explainTitle')}</p>
          <ul class="push-benefits">
            <li>{t('push.explainRank')}</li>
            <li>{t('push.explainAwards')}</li>
            <li>{t('push.explainReactions')}</li>
          </ul>
          <p class="hint">{t('push.explainCalm')}</p>
          <button type="button" class="button button-primary button-block" disabled={busy} onClick={() => void enable()}>
            {t('push.enable')}
          </button>
        </>
      )}
      {state === 'allowed' && (
        <>
          <p class="status-ok" role="status">
            {t('push.allowed')}
          </p>
          <button type="button" class="button" disabled={busy} onClick={() => void disable()}>
            {t('push.disableHere')}
          </button>
        </>
      )}
      {state === 'failed' && (
        <>
          <p class="status-error" role="alert">
            {t('push.failed')}
          </p>
          <button type="button" class="button" disabled={busy} onClick={() => void enable()}>
            {t('push.retry')}
          </button>
        </>
      )}
      {state === 'blocked' && (
        <>
          <p class="status-error">{t('push.blocked')}</p>
          <p class="hint">{t('push.blockedFix')}</p>
        </>
      )}
      {state === 'unsupported' && <p class="hint">{t('push.unsupported')}</p>}
      {state === 'iosNeedsHomeScreen' && (
        <>
          <p>{t('push.iosTitle')}</p>
          <ol class="push-steps">
            <li>{t('push.iosStep1')}</li>
            <li>{t('push.iosStep2')}</li>
            <li>{t('push.iosStep3')}</li>
          </ol>
        </>
      )}
    </section>
  );
}
