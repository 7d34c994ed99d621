import { useEffect, useRef, useState } from 'preact/hooks';
import { type QueryState, useMutation, useQuery } from '../../graphql/hooks';
import { language, t, type MessageKey } from '../../i18n';
import { deviceName } from '../../lib/pushPermission';
import { NotificationsChoicePrompt } from './NotificationsChoicePrompt';
import { NotificationsPermissionPanel } from './NotificationsPermissionPanel';
import type { PushDeviceFieldsFragment as PushDevice } from '../../graphql/push.generated';
import { type PushPreferencesFieldsFragment as PushPreferences, PushSettingsDocument, type PushSettingsQuery, RemovePushDeviceDocument, UpdatePushPreferencesDocument, type UpdatePushPreferencesMutationVariables as UpdatePushPreferencesVariables } from '../../graphql/pushSettings.generated';
import type { NotificationKind } from '../../graphql/types.generated';

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; preferences: PushPreferences; devices: PushDevice[] };

function stateOf(loaded: QueryState<PushSettingsQuery>): State {
  if (loaded.status !== 'ready') return loaded.status === 'error' ? { status: 'error' } : loaded;
  return { status: 'ready', preferences: loaded.data.pushPreferences, devices: loaded.data.pushDevices };
}

function kindLabel(kind: NotificationKind): string {
  return t(`push.kind.${kind}` as MessageKey);
}

/** A time the person is typing stays as typed when another setting's answer re-renders the page;
 * the saved time shows again once an answer brings a new one. */
function TimeField({ saved, disabled, onSave }: { saved: string; disabled: boolean; onSave: (value: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [saved]);
  return (
    <input
      type="time"
      value={draft ?? saved}
      disabled={disabled}
      onInput={(event) => setDraft((event.currentTarget as HTMLInputElement).value)}
      onChange={(event) => onSave((event.currentTarget as HTMLInputElement).value)}
    />
  );
}

/** Settings of push notifications: this device, kinds, quiet hours, registered devices. */
export function NotificationsSettingsPage() {
  const settings = useQuery(PushSettingsDocument, {});
  const state = stateOf(settings.state);
  const load = settings.reload;
  const updatePreferences = useMutation(UpdatePushPreferencesDocument).run;
  const removeDevice = useMutation(RemovePushDeviceDocument).run;
  const [error, setError] = useState<string | null>(null);
  const [accepting, setAccepting] = useState(false);
  const setState = (change: (current: State) => State) =>
    settings.set((shown) => {
      const next = change(stateOf({ status: 'ready', data: shown, savedAt: null }));
      return next.status === 'ready' ? { pushPreferences: next.preferences, pushDevices: next.devices } : shown;
    });

  // Only the answer to the latest save is shown: an earlier one, answered while the person was
  // already changing another field (the end of quiet hours after its start), would put that
  // field back to what it was; the latest answer holds every save sent before it.
  const saves = useRef(0);

  async function save(input: UpdatePushPreferencesVariables['input']) {
    setError(null);
    const sent = ++saves.current;
    try {
      const { updatePushPreferences: result } = await updatePreferences({ input });
      if (sent !== saves.current) return;
      if (result.__typename === 'UpdatePushPreferencesSuccess') {
        setState((current) => (current.status === 'ready' ? { ...current, preferences: result.preferences } : current));
      } else {
        setError(result.message);
      }
    } catch {
      setError(t('errors.network'));
    }
  }

  async function acceptSuggested(preferences: PushPreferences) {
    setAccepting(true);
    const kinds = preferences.kinds.filter((item) => item.enabledByDefault).map((item) => ({ kind: item.kind, enabled: true }));
    await save({ kinds });
    setAccepting(false);
  }

  async function remove(device: PushDevice) {
    setError(null);
    try {
      const { removePushDevice: result } = await removeDevice({ id: device.id });
      if (result.__typename === 'RemovePushDeviceSuccess') {
        setState((current) => (current.status === 'ready' ? { ...current, devices: result.devices } : current));
      } else {
        void load();
      }
    } catch {
      setError(t('errors.network'));
    }
  }

  return (
    <section class="settings-page" aria-labelledby="push-settings-title">
      <header class="page-header">
        <h1 id="push-settings-title">{t('push.settingsTitle')}</h1>
      </header>
      <NotificationsPermissionPanel onDevicesChanged={() => void load()} />
      {error && (
        <p class="status-error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && (
        <div class="empty-state" role="alert">
          <p>{t('notifications.error')}</p>
          <button type="button" class="button" onClick={() => void load()}>
            {t('notifications.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          {state.preferences.choiceNeeded && (
            <NotificationsChoicePrompt busy={accepting} onAcceptSuggested={() => void acceptSuggested(state.preferences)} />
          )}
          <section class="settings-card" aria-labelledby="push-kinds-title">
            <h2 id="push-kinds-title">{t('push.kindsTitle')}</h2>
            <ul class="switch-list">
              {state.preferences.kinds.map((item) => (
                <li key={item.kind}>
                  <label class="switch-row">
                    <span>{kindLabel(item.kind)}</span>
                    <input
                      type="checkbox"
                      role="switch"
                      checked={item.enabled}
                      onChange={(event) =>
                        void save({ kinds: [{ kind: item.kind, enabled: (event.currentTarget as HTMLInputElement).checked }] })
                      }
                    />
                  </label>
                </li>
              ))}
            </ul>
          </section>
          <section class="settings-card" aria-labelledby="quiet-hours-title">
            <h2 id="quiet-hours-title">{t('push.quietTitle')}</h2>
            <label class="switch-row">
              <span>{t('push.quietEnabled')}</span>
              <input
                type="checkbox"
                role="switch"
                checked={state.preferences.quietHoursEnabled}
                onChange={(event) => void save({ quietHoursEnabled: (event.currentTarget as HTMLInputElement).checked })}
              />
            </label>
            <div class="quiet-hours">
              <label>
                <span>{t('push.quietFrom')}</span>
                <TimeField
                  saved={state.preferences.quietHoursStart}
                  disabled={!state.preferences.quietHoursEnabled}
                  onSave={(value) => void save({ quietHoursStart: value })}
                />
              </label>
              <label>
                <span>{t('push.quietTo')}</span>
                <TimeField
                  saved={state.preferences.quietHoursEnd}
                  disabled={!state.preferences.quietHoursEnabled}
                  onSave={(value) => void save({ quietHoursEnd: value })}
                />
              </label>
            </div>
            <p class="hint">{t('push.quietHint', { zone: state.preferences.timeZone })}</p>
          </section>
          <section class="settings-card" aria-labelledby="devices-title">
            <h2 id="devices-title">{t('push.devicesTitle')}</h2>
            {state.devices.length === 0 ? (
              <p class="hint">{t('push.noDevices')}</p>
            ) : (
              <ul class="device-list">
                {state.devices.map((device) => (
                  <li key={device.id} class="device">
                    <span class="device-name">{deviceName(device.userAgent, t)}</span>
                    <span class="device-since">
                      {t('push.deviceSince', { date: new Date(device.createdAt).toLocaleDateString(language) })}
                    </span>
                    <button
                      type="button"
                      class="button"
                      aria-label={t('push.removeDeviceNamed', { name: deviceName(device.userAgent, t) })}
                      onClick={() => void remove(device)}
                    >
                      {t('push.removeDevice')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
