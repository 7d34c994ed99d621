import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { ManagedTrainingModulesDocument, type ManagedModuleFieldsFragment } from '../../graphql/authoring.generated';
import { useQuery } from '../../graphql/hooks';
import type { ModulePublication } from '../../graphql/types.generated';
import { t } from '../../i18n';
import { AUTHORING_PATHS, buildsContent, ROUTE_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverState } from '../levers/LeverState';
import { TrainingPublicationChip } from './TrainingPublicationChip';

const ORDER: readonly ModulePublication[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];

/**
 * « Contenus »: what a manager (for his units) or head office (for everyone)
 * writes: training modules by publication, skills grids (head office) and
 * challenges started from a template or a past one.
 */
export function TrainingAuthoringPage({ viewer }: { viewer: Viewer }) {
  // managers, head office, and a member whose function or agency grant builds modules
  const builds = buildsContent(viewer, 'modules');
  const { state, reload } = useQuery(ManagedTrainingModulesDocument, {}, { skip: !builds });
  if (!builds) return <p class="lever-empty">{t('authoring.managersOnly')}</p>;
  return (
    <section class="lever-page" aria-labelledby="authoring-title">
      <h1 id="authoring-title" class="lever-title">
        {t('authoring.title')}
      </h1>
      <div class="lever-section-head">
        <h2 class="lever-subtitle">{t('authoring.modules')}</h2>
        <a class="button button-primary" href={AUTHORING_PATHS.newModule} onClick={linkClick}>
          {t('authoring.newModule')}
        </a>
      </div>
      <LeverState state={state} onRetry={reload}>
        {({ managedTrainingModules: modules }) =>
          modules.length === 0 ? (
            <p class="lever-empty">{t('authoring.noModule')}</p>
          ) : (
            ORDER.map((publication) => <ModuleGroup key={publication} publication={publication} modules={modules} />)
          )
        }
      </LeverState>
      <h2 class="lever-subtitle">{t('authoring.otherContent')}</h2>
      <ul class="authoring-links">
        {viewer.role === 'ADMIN' ? (
          <li>
            <a href={AUTHORING_PATHS.grids} onClick={linkClick}>
              {t('authoring.grids')}
            </a>
          </li>
        ) : null}
        {buildsContent(viewer, 'challenges') ? (
          <li>
            <a href={ROUTE_PATHS.challengeNew} onClick={linkClick}>
              {t('authoring.challengeFromTemplate')}
            </a>
          </li>
        ) : null}
        <li>
          <a href={ROUTE_PATHS.challenges} onClick={linkClick}>
            {t('authoring.challenges')}
          </a>
        </li>
      </ul>
    </section>
  );
}

function ModuleGroup({ publication, modules }: { publication: ModulePublication; modules: ManagedModuleFieldsFragment[] }) {
  const mine = modules.filter((m) => m.publication === publication);
  if (mine.length === 0) return null;
  return (
    <ul class="people-list" aria-label={t(`authoring.group.${publication}`)}>
      {mine.map((module) => (
        <li key={module.id}>
          <a class="people-name" href={AUTHORING_PATHS.module(module.id)} onClick={linkClick}>
            {module.title}
            <span class="lever-muted">
              {t('authoring.moduleFacts', { sections: module.sectionCount, minutes: module.durationMinutes })}
              {module.quizId ? ` · ${t('authoring.withQuiz')}` : ''}
            </span>
          </a>
          <TrainingPublicationChip publication={module.publication} />
        </li>
      ))}
    </ul>
  );
}
