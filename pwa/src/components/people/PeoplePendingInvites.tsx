/** Invitations still pending (or expired): send again, or cancel after a confirmation. */
import { useState } from 'preact/hooks';
import { useMutation, useQuery } from '../../graphql/hooks';
import { type EmailInviteFieldsFragment, PendingInvitesDocument, ResendInviteDocument, RevokeInviteDocument } from '../../graphql/peopleAdmin.generated';
import { language, t } from '../../i18n';

function day(iso: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' }).format(new Date(iso));
}

export function PeoplePendingInvites({ onNotice }: { onNotice: (message: string) => void }) {
  const { state, reload } = useQuery(PendingInvitesDocument, { first: 50 });
  const runResend = useMutation(ResendInviteDocument).run;
  const runRevoke = useMutation(RevokeInviteDocument).run;
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(run: () => Promise<string | null>) {
    setError(null);
    try {
      const refused = await run();
      if (refused) setError(refused);
      else reload();
    } catch {
      setError(t('errors.network'));
    } finally {
      setConfirming(null);
    }
  }

  const resend = (invite: EmailInviteFieldsFragment) =>
    act(async () => {
      const { resendInvite: reply } = await runResend({ inviteId: invite.id });
      if (reply.__typename !== 'InviteSuccess') return reply.message;
      onNotice(t('people.resent', { email: invite.email }));
      return null;
    });
  const revoke = (invite: EmailInviteFieldsFragment) =>
    act(async () => {
      const { revokeInvite: reply } = await runRevoke({ inviteId: invite.id });
      if (reply.__typename !== 'InviteSuccess') return reply.message;
      onNotice(t('people.revoked', { email: invite.email }));
      return null;
    });

  return (
    <section class="admin-block" aria-labelledby="pending-title">
      <h2 id="pending-title" class="lever-subtitle">
        {t('people.pendingTitle')}
      </h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {state.status === 'loading' && <p role="status">{t('app.loading')}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && state.data.pendingInvites.edges.length === 0 && <p class="lever-empty">{t('people.pendingNone')}</p>}
      {state.status === 'ready' && state.data.pendingInvites.edges.length > 0 && (
        <ul class="people-list">
          {state.data.pendingInvites.edges.map(({ node: invite }) => (
            <li key={invite.id} class="admin-invite-row">
              <span class="people-name">
                <strong>{invite.email}</strong>
                <span class="lever-muted">
                  {t(`role.${invite.role}`)} · {invite.unit.name}
                </span>
                <span class={invite.status === 'EXPIRED' ? 'lever-warn' : 'lever-muted'}>
                  {t(`people.inviteStatus.${invite.status}`, { date: day(invite.expiresAt) })}
                </span>
              </span>
              {confirming === invite.id ? (
                <span class="admin-actions" role="alertdialog" aria-label={t('people.revokeConfirm', { email: invite.email })}>
                  <span>{t('people.revokeConfirm', { email: invite.email })}</span>
                  <button type="button" class="button button-small button-danger" onClick={() => void revoke(invite)}>
                    {t('people.revokeYes')}
                  </button>
                  <button type="button" class="button button-small" onClick={() => setConfirming(null)}>
                    {t('people.cancel')}
                  </button>
                </span>
              ) : (
                <span class="admin-actions">
                  <button type="button" class="button button-small" aria-label={t('people.resendNamed', { email: invite.email })} onClick={() => void resend(invite)}>
                    {t('people.resend')}
                  </button>
                  <button type="button" class="button button-small" aria-label={t('people.revokeNamed', { email: invite.email })} onClick={() => setConfirming(invite.id)}>
                    {t('people.revoke')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
