/** A challenge's rules, read-only: what everyone can check once it runs. */
import { language, t } from '../../i18n';
import type { ChallengeRulesFieldsFragment as ChallengeRules } from '../../graphql/challenges.generated';

function day(iso: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function ChallengesRulesSummary({ challenge }: { challenge: ChallengeRules }) {
  const race = challenge.format === 'RACE';
  const thresholds = challenge.thresholds.filter((th) => !(race && th.score === challenge.raceTarget));
  const rows: [string, string][] = [
    [t('challenges.periodLabel'), t('challenges.period', { start: day(challenge.startsAt), end: day(challenge.endsAt) })],
    [t('challenges.scope'), challenge.scopeUnit?.name ?? '—'],
    [t('challenges.participantKindLabel'), t(`challenges.participantKind.${challenge.participantKind}` as never)],
    [t('challenges.metricsAndWeights'), challenge.metrics.map((m) => t('challenges.withWeight', { name: m.metric.name, weight: m.weight })).join(' · ')],
    [t('challenges.formatLabel'), race
      ? `${t('challenges.format.RACE')} · ${t('challenges.raceTargetValue', { target: challenge.raceTarget ?? 0 })}`
      : t(`challenges.format.${challenge.format}` as never)],
    [t('challenges.modeLabel'), t(`challenges.mode.${challenge.scoringMode}` as never)],
    [t('challenges.criteriaLabel'), challenge.criteria.length
      ? challenge.criteria.map((c) => t('challenges.withWeight', { name: t(`challenges.criterion.${c.kind}` as never), weight: c.weight })).join(' · ')
      : t('challenges.noneSet')],
    [t('challenges.leaguesLabel'), t(`challenges.leagueRule.${challenge.leagueRule}` as never)],
    [t('challenges.thresholdsLabel'), thresholds.length
      ? thresholds.map((th) => t('challenges.thresholdValue', { label: th.label, score: th.score })).join(' · ')
      : t('challenges.noneSet')],
    [t('challenges.prizesLabel'), challenge.prizes || t('challenges.noneSet')],
    [t('challenges.privacyLabel'), challenge.visibility === 'TOP_AND_AROUND'
      ? t('challenges.visibilityTopN', { count: challenge.topN })
      : t('challenges.visibility.EVERYONE')],
    [t('challenges.recurrenceLabel'), t(`challenges.recurrence.${challenge.recurrence}` as never)],
  ];
  return (
    <dl class="challenge-rules" data-testid="rules-summary">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
