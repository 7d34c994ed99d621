import { useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { CHALLENGES, CREATE_CHALLENGE, type ChallengeFormat, type LeagueRule, type ScoringMode } from '../../graphql/operations';
import { t } from '../../i18n';
import { navigate } from '../../router';
import { useQuery } from '../badges/useQuery';

const FORMATS: ChallengeFormat[] = ['RANKING', 'RACE'];
const MODES: ScoringMode[] = ['PERCENT_OF_TARGET', 'IMPROVEMENT', 'ABSOLUTE'];
const LEAGUES: LeagueRule[] = ['NONE', 'POINT_OF_SALE_SIZE', 'SENIORITY'];

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Three steps for a manager: what and when, how it is scored, what rewards everyone. */
export function ChallengesWizard({ onNotice }: { onNotice: (message: string) => void }) {
  const { state } = useQuery(CHALLENGES, {}, 'challenges');
  const [step, setStep] = useState(1);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [startsAt, setStartsAt] = useState(isoDay(0));
  const [endsAt, setEndsAt] = useState(isoDay(30));
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [format, setFormat] = useState<ChallengeFormat>('RANKING');
  const [mode, setMode] = useState<ScoringMode>('PERCENT_OF_TARGET');
  const [leagueRule, setLeagueRule] = useState<LeagueRule>('NONE');
  const [threshold, setThreshold] = useState('100');
  const [thresholdLabel, setThresholdLabel] = useState('');
  const [prizes, setPrizes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.status !== 'ready') return <p role="status">{t('app.loading')}</p>;
  const metrics = state.data.metrics;
  const chosen = Object.entries(weights).filter(([, weight]) => weight > 0);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const score = Number(threshold);
    try {
      const { createChallenge } = await request(CREATE_CHALLENGE, {
        input: {
          name, description, prizes, format, scoringMode: mode, leagueRule,
          startsAt: new Date(`${startsAt}T00:00:00`).toISOString(), endsAt: new Date(`${endsAt}T23:59:59`).toISOString(),
          metrics: chosen.map(([metricId, weight]) => ({ metricId, weight })),
          thresholds: thresholdLabel.trim() && score > 0 ? [{ score, label: thresholdLabel }] : [],
          raceTarget: format === 'RACE' ? score : null,
        },
      });
      if (createChallenge.__typename === 'ChallengeSuccess') {
        onNotice(t('challenges.created'));
        navigate(`/challenges/${createChallenge.challenge.id}`);
      } else {
        setError(createChallenge.message);
      }
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="challenge-wizard" aria-labelledby="wizard-title">
      <h1 id="wizard-title">{t('challenges.wizardTitle')}</h1>
      <p class="hint">{t('challenges.wizardStep', { step, steps: 3 })}</p>
      {step === 1 && (
        <fieldset>
          <label>{t('challenges.name')}<input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={120} /></label>
          <label>{t('challenges.description')}<textarea value={description} onInput={(e) => setDescription(e.currentTarget.value)} maxLength={2000} /></label>
          <label>{t('challenges.startsAt')}<input type="date" value={startsAt} onInput={(e) => setStartsAt(e.currentTarget.value)} /></label>
          <label>{t('challenges.endsAt')}<input type="date" value={endsAt} onInput={(e) => setEndsAt(e.currentTarget.value)} /></label>
        </fieldset>
      )}
      {step === 2 && (
        <fieldset>
          <legend>{t('challenges.metricsAndWeights')}</legend>
          {metrics.map((metric) => (
            <label key={metric.id} class="wizard-weight">
              {metric.name}
              <input
                type="number" min="0" step="0.5" value={weights[metric.id] ?? 0}
                onInput={(e) => setWeights({ ...weights, [metric.id]: Number(e.currentTarget.value) })}
              />
            </label>
          ))}
          <label>{t('challenges.formatLabel')}
            <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ChallengeFormat)}>
              {FORMATS.map((f) => <option key={f} value={f}>{t(`challenges.format.${f}` as never)}</option>)}
            </select>
          </label>
          <label>{t('challenges.modeLabel')}
            <select value={mode} onChange={(e) => setMode(e.currentTarget.value as ScoringMode)}>
              {MODES.map((m) => <option key={m} value={m}>{t(`challenges.mode.${m}` as never)}</option>)}
            </select>
          </label>
        </fieldset>
      )}
      {step === 3 && (
        <fieldset>
          <label>{t('challenges.leaguesLabel')}
            <select value={leagueRule} onChange={(e) => setLeagueRule(e.currentTarget.value as LeagueRule)}>
              {LEAGUES.map((l) => <option key={l} value={l}>{t(`challenges.leagueRule.${l}` as never)}</option>)}
            </select>
          </label>
          <label>{format === 'RACE' ? t('challenges.raceTarget') : t('challenges.threshold')}
            <input type="number" min="1" value={threshold} onInput={(e) => setThreshold(e.currentTarget.value)} />
          </label>
          <label>{t('challenges.thresholdLabel')}<input value={thresholdLabel} onInput={(e) => setThresholdLabel(e.currentTarget.value)} maxLength={60} /></label>
          <label>{t('challenges.prizesLabel')}<input value={prizes} onInput={(e) => setPrizes(e.currentTarget.value)} maxLength={300} /></label>
        </fieldset>
      )}
      {error && <p role="alert" class="form-error">{error}</p>}
      <p class="wizard-nav">
        {step > 1 && <button type="button" class="button button-secondary" onClick={() => setStep(step - 1)}>{t('challenges.back')}</button>}
        {step < 3 ? (
          <button type="button" class="button" disabled={step === 1 ? name.trim().length < 2 : chosen.length === 0} onClick={() => setStep(step + 1)}>
            {t('challenges.next')}
          </button>
        ) : (
          <button type="button" class="button" disabled={busy} onClick={() => void submit()}>{t('challenges.launch')}</button>
        )}
      </p>
    </section>
  );
}
