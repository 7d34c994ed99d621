/**
 * Admins: the integration tokens a head office's CRM uses to record results. Creating one
 * shows its secret once (with a copy button); revoking one asks for a confirmation first.
 */
import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { checkTokenName, sortTokens, TOKEN_NAME_MAX, withToken } from '../../lib/integrationTokens';
import { linkClick } from '../../router';
import { useQuery, useMutation } from '../../graphql/hooks';
import { type ChallengeFormDataQuery, CreateIntegrationTokenDocument, IntegrationTokensDocument, type IntegrationTokensQuery, RevokeIntegrationTokenDocument } from '../../graphql/challenges.generated';

type IntegrationToken = IntegrationTokensQuery['integrationTokens'][number];
type ScopeUnit = ChallengeFormDataQuery['challengeScopes'][number];

function when(iso: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    .format(new Date(iso));
}

export function ChallengesTokens() {
  const { state } = useQuery(IntegrationTokensDocument, {});
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') return <p role="alert">{t('errors.network')}</p>;
  return <Tokens initial={state.data.integrationTokens} units={state.data.challengeScopes} />;
}

function Tokens({ initial, units }: { initial: IntegrationToken[]; units: ScopeUnit[] }) {
  const runCreateIntegrationToken = useMutation(CreateIntegrationTokenDocument).run;
  const runRevokeIntegrationToken = useMutation(RevokeIntegrationTokenDocument).run;
  const [tokens, setTokens] = useState(() => sortTokens(initial));
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [errors, setErrors] = useState<{ name?: string; unitId?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const unitId = unit || units[0]?.id || '';
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? t('challenges.tokens.unknownUnit');

  const create = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    setSecret(null);
    setCopied(false);
    const problem = checkTokenName(name);
    setErrors(problem ? { name: t(problem as never) } : {});
    if (problem) return;
    setBusy(true);
    try {
      const { createIntegrationToken: reply } = await runCreateIntegrationToken({ name, unitId: unitId || null });
      if (reply.__typename === 'CreateIntegrationTokenSuccess') {
        setTokens((list) => withToken(list, reply.token));
        setSecret({ name: reply.token.name, value: reply.secret });
        setName('');
      } else if (reply.__typename === 'ValidationError' && (reply.field === 'name' || reply.field === 'unitId')) {
        setErrors({ [reply.field]: reply.message });
      } else {
        setFormError(reply.message);
      }
    } catch {
      setFormError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (id: string) => {
    setFormError(null);
    try {
      const { revokeIntegrationToken: reply } = await runRevokeIntegrationToken({ tokenId: id });
      if (reply.__typename === 'RevokeIntegrationTokenSuccess') setTokens((list) => withToken(list, reply.token));
      else setFormError(reply.message);
    } catch {
      setFormError(t('errors.network'));
    } finally {
      setConfirming(null);
    }
  };

  const copy = async () => {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section class="challenge-manage integration-tokens" aria-labelledby="tokens-title">
      <h1 id="tokens-title">{t('challenges.tokens.title')}</h1>
      <p class="challenge-links"><a href="/challenges/manage" onClick={linkClick} class="link-button">{t('challenges.tokens.back')}</a></p>
      <p class="hint">{t('challenges.tokens.help')}</p>
      <form onSubmit={(e) => void create(e)} noValidate aria-labelledby="token-new-title">
        <h2 id="token-new-title">{t('challenges.tokens.new')}</h2>
        <label>{t('challenges.tokens.name')}
          <input value={name} maxLength={TOKEN_NAME_MAX + 20} onInput={(e) => setName(e.currentTarget.value)}
            aria-describedby={errors.name ? 'token-name-error' : undefined} aria-invalid={errors.name ? true : undefined} />
        </label>
        {errors.name && <span class="field-error" id="token-name-error" role="alert" data-testid="token-error-name">{errors.name}</span>}
        <label>{t('challenges.tokens.scope')}
          <select value={unitId} onChange={(e) => setUnit(e.currentTarget.value)} aria-describedby={errors.unitId ? 'token-unit-error' : undefined}>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        {errors.unitId && <span class="field-error" id="token-unit-error" role="alert">{errors.unitId}</span>}
        <button type="submit" class="button" disabled={busy}>{t('challenges.tokens.create')}</button>
      </form>
      {secret && (
        <div class="token-secret" role="status" data-testid="token-secret">
          <p><strong>{t('challenges.tokens.secretWarning', { name: secret.name })}</strong></p>
          <code data-testid="token-secret-value">{secret.value}</code>
          <p class="challenge-links">
            <button type="button" class="button button-secondary" onClick={() => void copy()}>{t('challenges.tokens.copy')}</button>
            <button type="button" class="link-button" onClick={() => setSecret(null)}>{t('challenges.tokens.secretDone')}</button>
          </p>
          {copied && <p>{t('challenges.tokens.copied')}</p>}
        </div>
      )}
      {formError && <p role="alert" class="form-error">{formError}</p>}
      <h2>{t('challenges.tokens.list')}</h2>
      {tokens.length === 0 && <p>{t('challenges.tokens.none')}</p>}
      <ul class="token-list">
        {tokens.map((token) => (
          <li key={token.id} data-testid="token-row" data-revoked={token.revokedAt ? 'true' : 'false'}>
            <p><strong>{token.name}</strong> · {unitName(token.scopeUnitId)}</p>
            <p class="hint">
              {t('challenges.tokens.created', { when: when(token.createdAt) })}
              {' · '}
              {token.lastUsedAt ? t('challenges.tokens.lastUsed', { when: when(token.lastUsedAt) }) : t('challenges.tokens.neverUsed')}
            </p>
            {token.revokedAt ? (
              <p data-testid="token-state">{t('challenges.tokens.revokedOn', { when: when(token.revokedAt) })}</p>
            ) : confirming === token.id ? (
              <div role="alertdialog" aria-label={t('challenges.tokens.confirmTitle')}>
                <p>{t('challenges.tokens.confirm', { name: token.name })}</p>
                <button type="button" class="button" onClick={() => void revoke(token.id)}>{t('challenges.tokens.confirmRevoke')}</button>
                <button type="button" class="button button-secondary" onClick={() => setConfirming(null)}>{t('challenges.tokens.cancel')}</button>
              </div>
            ) : (
              <>
                <p data-testid="token-state">{t('challenges.tokens.active')}</p>
                <button type="button" class="button button-secondary" onClick={() => setConfirming(token.id)}>{t('challenges.tokens.revoke')}</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
