import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { useQuery, useMutation } from '../../graphql/hooks';
import { BadgeRulesDocument, CreateBadgeRuleDocument } from '../../graphql/badges.generated';
import type { BadgeFieldsFragment as Badge } from '../../graphql/people.generated';
import type { RuleTrigger } from '../../graphql/types.generated';

const TRIGGERS: RuleTrigger[] = [
  'FIRST_WIN',
  'LIKES_ON_POST',
  'BEST_PRACTICES_RECOMMENDED',
  'TARGET_REACHED',
  'CHALLENGE_PODIUM',
  'TRAINING_COMPLETED',
  'QUIZ_PASSED',
  'SATISFACTION_ABOVE',
];

interface BadgesRulesProps {
  badges: Badge[];
  onNotice: (message: string) => void;
}

/** Head office: the rules that award badges on their own, and a new one (past earners get it quietly). */
export function BadgesRules({ badges, onNotice }: BadgesRulesProps) {
  const runCreateBadgeRule = useMutation(CreateBadgeRuleDocument).run;
  const { state, reload } = useQuery(BadgeRulesDocument, {});
  const [badgeId, setBadgeId] = useState(badges[0]?.id ?? '');
  const [trigger, setTrigger] = useState<RuleTrigger>('LIKES_ON_POST');
  const [threshold, setThreshold] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(badges.map((badge) => [badge.id, badge.name]));

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const value = Number.parseFloat(threshold.replace(',', '.'));
    try {
      const { createBadgeRule } = await runCreateBadgeRule({
        input: { badgeId, trigger, threshold: Number.isFinite(value) ? value : null },
      });
      if (createBadgeRule.__typename === 'SaveBadgeRuleSuccess') {
        onNotice(t('rules.created', { count: createBadgeRule.backfilled }));
        setThreshold('');
        reload();
      } else {
        setError(createBadgeRule.message);
      }
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="award-step" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('rules.title')}</h2>
      {state.status === 'ready' && (
        <ul class="rule-list">
          {state.data.badgeRules.map((rule) => (
            <li key={rule.id}>
              <strong>{names.get(rule.badgeId) ?? rule.badgeId}</strong>
              {' · '}
              {t(`rules.trigger.${rule.trigger}`)}
              {rule.threshold !== null && ` (${t('rules.threshold')} ${rule.threshold})`}
            </li>
          ))}
        </ul>
      )}
      <form class="rule-form" onSubmit={submit} noValidate>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="field">
          <label for="rule-badge">{t('rules.badge')}</label>
          <select id="rule-badge" value={badgeId} onChange={(e) => setBadgeId(e.currentTarget.value)}>
            {badges.map((badge) => (
              <option key={badge.id} value={badge.id}>
                {badge.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rule-trigger">{t('rules.when')}</label>
          <select id="rule-trigger" value={trigger} onChange={(e) => setTrigger(e.currentTarget.value as RuleTrigger)}>
            {TRIGGERS.map((name) => (
              <option key={name} value={name}>
                {t(`rules.trigger.${name}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rule-threshold">{t('rules.threshold')}</label>
          <input id="rule-threshold" inputMode="decimal" value={threshold} onInput={(e) => setThreshold(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button-primary" disabled={busy || !badgeId}>
          {t('rules.create')}
        </button>
      </form>
    </section>
  );
}
