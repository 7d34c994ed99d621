/**
 * Devices registered before Élan asked for consent get no push until the person chooses
 * which kinds they want (opt-in, server.privacy.consent): say so, where they look for it.
 * In the settings the prompt turns on the suggested kinds in one tap; on the bell it leads
 * to the settings.
 */
import { t } from '../../i18n';
import { linkClick } from '../../router';

interface ChoicePromptProps {
  /** In the settings: turn on the kinds pushed by default. Without it: a link to the settings. */
  onAcceptSuggested?: () => void;
  busy?: boolean;
}

export function NotificationsChoicePrompt({ onAcceptSuggested, busy = false }: ChoicePromptProps) {
  return (
    <section class="notice choice-prompt" role="status" aria-labelledby="choice-prompt-title">
      <h2 id="choice-prompt-title" class="choice-prompt-title">
        {t('push.choice.title')}
      </h2>
      <p>{t('push.choice.body')}</p>
      {onAcceptSuggested ? (
        <>
          <button type="button" class="button button-primary" disabled={busy} onClick={onAcceptSuggested}>
            {t('push.choice.acceptSuggested')}
          </button>
          <p>{t('push.choice.orOneByOne')}</p>
        </>
      ) : (
        <a class="button button-primary" href="/settings/notifications" onClick={linkClick}>
          {t('push.choice.choose')}
        </a>
      )}
    </section>
  );
}
