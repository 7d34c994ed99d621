import { useEffect } from 'preact/hooks';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { RecommendedModulesDocument, type RecommendedModulesQuery } from '../../graphql/recommendations.generated';

type ModuleRecommendation = RecommendedModulesQuery['recommendedModules'][number];

const REASONS = {
  QUIZ_FAILED: 'training.recommend.quizFailed',
  SKILL_GAP: 'training.recommend.skillGap',
  DUE_SOON: 'training.recommend.dueSoon',
} as const;

/** On the home screen: the module to (re)do now when results slip; nothing when all is well or offline. */
export function TrainingRecommendations({ onSettled }: { onSettled?: () => void } = {}) {
  const { state } = useQuery(RecommendedModulesDocument, {});
  const settled = state.status !== 'loading';
  // the feed waits for this answer before showing its posts, so they don't move down under a thumb
  useEffect(() => {
    if (settled) onSettled?.();
  }, [settled]);
  const found: ModuleRecommendation[] = state.status === 'ready' ? state.data.recommendedModules : [];
  const first = found[0];
  if (!first) return null;
  return (
    <aside class="recommendation" aria-labelledby="recommendation-title" data-testid="training-recommendation">
      <h2 id="recommendation-title" class="recommendation-title">
        {t('training.recommend.title')}
      </h2>
      <a class="recommendation-link" href={LEVER_PATHS.module(first.module.id)} onClick={linkClick}>
        <strong>{first.module.title}</strong>
        <span class="lever-muted">{t(REASONS[first.reason], { skill: first.detail })}</span>
      </a>
    </aside>
  );
}
