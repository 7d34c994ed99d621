/** The fields of a challenge's rules, in three groups: the wizard shows one at a time, the edit form all. */
import { t } from '../../i18n';
import {
  DESCRIPTION_MAX,
  NAME_MAX,
  PRIZES_MAX,
  TOP_N_MAX,
  type ChallengeField,
} from '../../lib/challengeForm';
import { ChallengesCriteriaEditor } from './ChallengesCriteriaEditor';
import { ChallengesFieldError, type RulesFieldsProps } from './ChallengesFieldError';
import type { ChallengeFormat, LeaderboardVisibility as Visibility, LeagueRule, ParticipantKind, Recurrence, ScoringMode } from '../../graphql/types.generated';

const FORMATS: ChallengeFormat[] = ['RANKING', 'RACE'];
const MODES: ScoringMode[] = ['PERCENT_OF_TARGET', 'IMPROVEMENT', 'ABSOLUTE'];
const LEAGUES: LeagueRule[] = ['NONE', 'POINT_OF_SALE_SIZE', 'SENIORITY'];
const KINDS: ParticipantKind[] = ['USER', 'UNIT'];
const RECURRENCES: Recurrence[] = ['NONE', 'WEEKLY', 'MONTHLY'];
const VISIBILITIES: Visibility[] = ['EVERYONE', 'TOP_AND_AROUND'];

function described(field: ChallengeField, errors: RulesFieldsProps['errors']) {
  return errors[field] ? { 'aria-invalid': true, 'aria-describedby': `challenge-${field}-error` } : {};
}

/** What and when: name, description, period, who takes part. */
export function ChallengesRulesWhat({ values, change, errors, data }: RulesFieldsProps) {
  return (
    <fieldset>
      <legend>{t('challenges.section.what')}</legend>
      <label>{t('challenges.name')}
        <input value={values.name} maxLength={NAME_MAX} onInput={(e) => change({ name: e.currentTarget.value })} {...described('name', errors)} />
        <ChallengesFieldError field="name" errors={errors} />
      </label>
      <label>{t('challenges.description')}
        <textarea value={values.description} maxLength={DESCRIPTION_MAX} rows={3}
          onInput={(e) => change({ description: e.currentTarget.value })} {...described('description', errors)} />
        <ChallengesFieldError field="description" errors={errors} />
      </label>
      <div class="challenge-form-pair">
        <label>{t('challenges.startsAt')}
          <input type="date" value={values.startsOn} onInput={(e) => change({ startsOn: e.currentTarget.value })} {...described('startsAt', errors)} />
          <ChallengesFieldError field="startsAt" errors={errors} />
        </label>
        <label>{t('challenges.endsAt')}
          <input type="date" value={values.endsOn} onInput={(e) => change({ endsOn: e.currentTarget.value })} {...described('endsAt', errors)} />
          <ChallengesFieldError field="endsAt" errors={errors} />
        </label>
      </div>
      <label>{t('challenges.scope')}
        <select value={values.scopeUnitId} onChange={(e) => change({ scopeUnitId: e.currentTarget.value })}
          data-testid="challenge-scope" {...described('scopeUnitId', errors)}>
          <option value="">{t('challenges.scopeMine')}</option>
          {data.challengeScopes.map((unit) => (
            <option key={unit.id} value={unit.id}>{unit.name}</option>
          ))}
        </select>
        <ChallengesFieldError field="scopeUnitId" errors={errors} />
      </label>
      <label>{t('challenges.participantKindLabel')}
        <select value={values.participantKind} onChange={(e) => change({ participantKind: e.currentTarget.value as ParticipantKind })}>
          {KINDS.map((kind) => <option key={kind} value={kind}>{t(`challenges.participantKind.${kind}` as never)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}

/** How it is scored: metrics and weights, format, scoring mode, qualitative criteria. */
export function ChallengesRulesScoring({ values, change, errors, data }: RulesFieldsProps) {
  return (
    <fieldset>
      <legend>{t('challenges.section.scoring')}</legend>
      <fieldset class="challenge-form-group" {...described('metrics', errors)}>
        <legend>{t('challenges.metricsAndWeights')}</legend>
        <p class="hint">{t('challenges.metricsHelp')}</p>
        {data.metrics.map((metric) => (
          <label key={metric.id} class="wizard-weight">
            {metric.name}
            <input type="number" inputMode="decimal" min="0" step="0.5" value={values.weights[metric.id] ?? ''}
              data-testid={`weight-${metric.id}`}
              onInput={(e) => change({ weights: { ...values.weights, [metric.id]: e.currentTarget.value } })} />
          </label>
        ))}
        <ChallengesFieldError field="metrics" errors={errors} />
      </fieldset>
      <label>{t('challenges.formatLabel')}
        <select value={values.format} onChange={(e) => change({ format: e.currentTarget.value as ChallengeFormat })} {...described('format', errors)}>
          {FORMATS.map((f) => <option key={f} value={f}>{t(`challenges.format.${f}` as never)}</option>)}
        </select>
        <ChallengesFieldError field="format" errors={errors} />
      </label>
      <label>{t('challenges.modeLabel')}
        <select value={values.scoringMode} onChange={(e) => change({ scoringMode: e.currentTarget.value as ScoringMode })}>
          {MODES.map((m) => <option key={m} value={m}>{t(`challenges.mode.${m}` as never)}</option>)}
        </select>
      </label>
      <ChallengesCriteriaEditor values={values} change={change} errors={errors} data={data} />
    </fieldset>
  );
}

/** What rewards everyone: leagues, thresholds, race target, prizes; then privacy and recurrence. */
export function ChallengesRulesRewards({ values, change, errors }: RulesFieldsProps) {
  const setThreshold = (index: number, patch: Partial<{ score: string; label: string }>) =>
    change({ thresholds: values.thresholds.map((line, i) => (i === index ? { ...line, ...patch } : line)) });
  return (
    <fieldset>
      <legend>{t('challenges.section.rewards')}</legend>
      <label>{t('challenges.leaguesLabel')}
        <select value={values.leagueRule} onChange={(e) => change({ leagueRule: e.currentTarget.value as LeagueRule })}>
          {LEAGUES.map((l) => <option key={l} value={l}>{t(`challenges.leagueRule.${l}` as never)}</option>)}
        </select>
      </label>
      {values.format === 'RACE' && (
        <label>{t('challenges.raceTarget')}
          <input type="number" inputMode="decimal" min="1" value={values.raceTarget}
            onInput={(e) => change({ raceTarget: e.currentTarget.value })} {...described('raceTarget', errors)} />
          <ChallengesFieldError field="raceTarget" errors={errors} />
        </label>
      )}
      <fieldset class="challenge-form-group" {...described('thresholds', errors)}>
        <legend>{t('challenges.thresholdsLabel')}</legend>
        <p class="hint">{t('challenges.thresholdsHelp')}</p>
        {values.thresholds.map((line, index) => (
          <div class="challenge-form-pair" key={index}>
            <label>{t('challenges.threshold')}
              <input type="number" inputMode="decimal" min="1" value={line.score} onInput={(e) => setThreshold(index, { score: e.currentTarget.value })} />
            </label>
            <label>{t('challenges.thresholdLabel')}
              <input value={line.label} maxLength={60} onInput={(e) => setThreshold(index, { label: e.currentTarget.value })} />
            </label>
          </div>
        ))}
        <button type="button" class="link-button" onClick={() => change({ thresholds: [...values.thresholds, { score: '', label: '' }] })}>
          {t('challenges.addThreshold')}
        </button>
        <ChallengesFieldError field="thresholds" errors={errors} />
      </fieldset>
      <label>{t('challenges.prizesLabel')}
        <input value={values.prizes} maxLength={PRIZES_MAX} onInput={(e) => change({ prizes: e.currentTarget.value })} {...described('prizes', errors)} />
        <ChallengesFieldError field="prizes" errors={errors} />
      </label>
      <fieldset class="challenge-form-group">
        <legend>{t('challenges.privacyLabel')}</legend>
        {VISIBILITIES.map((visibility) => (
          <label key={visibility} class="challenge-form-choice">
            <input type="radio" name="challenge-visibility" value={visibility} checked={values.visibility === visibility}
              onChange={() => change({ visibility })} />
            {t(`challenges.visibility.${visibility}` as never)}
          </label>
        ))}
        {values.visibility === 'TOP_AND_AROUND' && (
          <label>{t('challenges.topN')}
            <input type="number" inputMode="numeric" min="1" max={TOP_N_MAX} step="1" value={values.topN}
              data-testid="challenge-top-n" onInput={(e) => change({ topN: e.currentTarget.value })} {...described('topN', errors)} />
            <ChallengesFieldError field="topN" errors={errors} />
          </label>
        )}
      </fieldset>
      <label>{t('challenges.recurrenceLabel')}
        <select value={values.recurrence} onChange={(e) => change({ recurrence: e.currentTarget.value as Recurrence })}>
          {RECURRENCES.map((r) => <option key={r} value={r}>{t(`challenges.recurrence.${r}` as never)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
