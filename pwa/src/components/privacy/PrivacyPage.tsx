/**
 * « Confidentialité » (/settings/privacy): my data (export), what others see of me (boards and
 * TV, the feed), quiet hours and notification choices, and my organisation's defaults.
 * Each setting is saved where it lives (challenges, badges, push); this screen only gathers them.
 */
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '../../graphql/hooks';
import { MyPrivacyDocument, SetBoardsHiddenDocument, SetFeedHiddenDocument } from '../../graphql/privacy.generated';
import { t } from '../../i18n';
import { ROUTE_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { PrivacyDataExports } from './PrivacyDataExports';
import './privacy.css';

export function PrivacyPage({ onNotice }: { onNotice: (message: string) => void }) {
  const privacy = useQuery(MyPrivacyDocument, {});
  const setBoards = useMutation(SetBoardsHiddenDocument).run;
  const setFeed = useMutation(SetFeedHiddenDocument).run;
  const [error, setError] = useState<string | null>(null);
  const state = privacy.state;

  async function change(work: () => Promise<void>) {
    setError(null);
    try {
      await work();
      onNotice(t('profile.preferenceSaved'));
    } catch {
      setError(t('errors.network'));
    }
  }

  return (
    <section class="settings-page" aria-labelledby="privacy-title">
      <header class="page-header">
        <h1 id="privacy-title">{t('privacy.title')}</h1>
      </header>
      <p class="hint">{t('privacy.intro')}</p>
      {error && (
        <p class="status-error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && (
        <div class="empty-state" role="alert">
          <p>{state.message}</p>
          <button type="button" class="button" onClick={() => privacy.reload()}>
            {t('notifications.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <PrivacyDataExports initial={state.data.myDataExports} />
          <section class="settings-card" aria-labelledby="privacy-seen-title">
            <h2 id="privacy-seen-title">{t('privacy.seenTitle')}</h2>
            <label class="switch-row">
              <span>{t('privacy.hideFromBoards')}</span>
              <input
                type="checkbox"
                role="switch"
                checked={state.data.myPrivacy.hiddenFromBoards}
                onChange={(event) => {
                  const hidden = (event.currentTarget as HTMLInputElement).checked;
                  void change(async () => {
                    const { setLeaderboardHidden } = await setBoards({ hidden });
                    privacy.set((shown) => ({ ...shown, myPrivacy: { ...shown.myPrivacy, hiddenFromBoards: setLeaderboardHidden } }));
                  });
                }}
              />
            </label>
            <label class="switch-row">
              <span>{t('privacy.hideFromFeed')}</span>
              <input
                type="checkbox"
                role="switch"
                checked={state.data.myPrivacy.hiddenFromFeed}
                onChange={(event) => {
                  const hidden = (event.currentTarget as HTMLInputElement).checked;
                  void change(async () => {
                    const { setHiddenFromFeed } = await setFeed({ hidden });
                    privacy.set((shown) => ({ ...shown, myPrivacy: { ...shown.myPrivacy, hiddenFromFeed: setHiddenFromFeed.hiddenFromFeed } }));
                  });
                }}
              />
            </label>
            <p class="hint">
              {t(state.data.myPrivacy.boardsAnonymousOutsideTeam ? 'privacy.boardsTeamOnly' : 'privacy.boardsNamed')}
            </p>
          </section>
          <section class="settings-card" aria-labelledby="privacy-notifications-title">
            <h2 id="privacy-notifications-title">{t('privacy.notificationsTitle')}</h2>
            <p>
              {state.data.myPrivacy.quietHoursEnabled
                ? t('privacy.quietHours', { from: state.data.myPrivacy.quietHoursStart, to: state.data.myPrivacy.quietHoursEnd })
                : t('privacy.quietHoursOff')}
            </p>
            <p class="hint">{t('privacy.consentHint')}</p>
            <a class="button button-block" href={ROUTE_PATHS.notificationSettings} onClick={linkClick}>
              {t('privacy.notificationSettings')}
            </a>
          </section>
        </>
      )}
    </section>
  );
}
