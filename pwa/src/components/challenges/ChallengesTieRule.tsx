import { t } from '../../i18n';

/** The tie rule, one tap away from a shared rank. */
export function ChallengesTieRule() {
  return (
    <details class="board-tie-rule" data-testid="tie-rule">
      <summary>{t('challenges.tieRuleLink')}</summary>
      <p>{t('challenges.tieRule')}</p>
    </details>
  );
}
