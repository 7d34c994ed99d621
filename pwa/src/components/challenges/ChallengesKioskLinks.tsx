import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { useMutation, useQuery } from '../../graphql/hooks';
import { CreateKioskLinkDocument, KioskLinksDocument, RevokeKioskLinkDocument } from '../../graphql/challenges.generated';

/** A manager's kiosk links for a showroom screen: create one (its link shown once), revoke one. */
export function ChallengesKioskLinks({ challengeId }: { challengeId: string }) {
  const { state, reload } = useQuery(KioskLinksDocument, { challengeId });
  const create = useMutation(CreateKioskLinkDocument).run;
  const revoke = useMutation(RevokeKioskLinkDocument).run;
  const [label, setLabel] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { createKioskLink } = await create({ challengeId, label });
      if (createKioskLink.__typename === 'CreateKioskLinkSuccess') {
        setCreated(createKioskLink.url);
        setLabel('');
        setMessage(null);
        reload();
      } else if ('message' in createKioskLink) {
        setMessage(createKioskLink.message);
      }
    } catch {
      setMessage(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  const end = async (linkId: string) => {
    setBusy(true);
    try {
      await revoke({ linkId });
      reload();
    } catch {
      setMessage(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  const links = state.status === 'ready' ? state.data.kioskLinks : [];
  return (
    <details class="challenge-kiosk" data-testid="kiosk-links">
      <summary>{t('challenges.kiosk.title')}</summary>
      <p class="hint">{t('challenges.kiosk.help')}</p>
      <form onSubmit={(event) => void submit(event)} class="challenge-kiosk-form">
        <label>
          {t('challenges.kiosk.label')}
          <input value={label} maxLength={80} required minLength={2} onInput={(e) => setLabel(e.currentTarget.value)}
            aria-invalid={message ? 'true' : undefined} aria-describedby={message ? 'kiosk-error' : undefined} />
        </label>
        {message && <p id="kiosk-error" role="alert" class="field-error">{message}</p>}
        <button type="submit" class="button" disabled={busy}>{t('challenges.kiosk.create')}</button>
      </form>
      {created && (
        <p class="challenge-kiosk-created" data-testid="kiosk-url">
          <a href={created} target="_blank" rel="noopener">{created}</a>
        </p>
      )}
      {links.length ? (
        <ul class="challenge-kiosk-list">
          {links.map((link) => (
            <li key={link.id}>
              <span>
                <strong>{link.label}</strong>
                <small class="hint"> · {t('challenges.kiosk.createdOn', { date: date.format(new Date(link.createdAt)) })}</small>
              </span>
              {link.revokedAt ? (
                <span class="hint">{t('challenges.kiosk.revoked')}</span>
              ) : (
                <button type="button" class="button button-secondary" disabled={busy} onClick={() => void end(link.id)}>
                  {t('challenges.kiosk.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{t('challenges.kiosk.none')}</p>
      )}
    </details>
  );
}
