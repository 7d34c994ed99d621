import { useState } from 'preact/hooks';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { GridEditorDocument } from '../../graphql/authoring.generated';
import { useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { AUTHORING_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverState } from '../levers/LeverState';
import { EvaluationGridForm } from './EvaluationGridForm';

/** The organisation's skills grids, and (head office) a new one: skills, four described levels, its label. */
export function EvaluationGridsPage({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const { state, reload, set } = useQuery(GridEditorDocument, {});
  const [creating, setCreating] = useState(false);
  return (
    <section class="lever-page" aria-labelledby="grids-title">
      <a class="lever-back" href={AUTHORING_PATHS.home} onClick={linkClick}>
        {t('authoring.back')}
      </a>
      <h1 id="grids-title" class="lever-title">
        {t('grids.title')}
      </h1>
      <LeverState state={state} onRetry={reload}>
        {(data) => {
          const labels = data.badges.filter((b) => b.kind === 'LABEL');
          const labelName = (id: string | null) => labels.find((l) => l.id === id)?.name ?? null;
          return (
            <>
              {data.skillsGrids.length === 0 ? <p class="lever-empty">{t('grids.none')}</p> : null}
              <ul class="skill-list">
                {data.skillsGrids.map((grid) => (
                  <li key={grid.id}>
                    <span class="skill-name">{grid.name}</span>
                    <span class="lever-muted">
                      {t(`grids.role.${grid.role}`)} · {t('grids.skillCount', { count: grid.skills.length })}
                      {labelName(grid.labelBadgeId) ? ` · ${t('grids.grants', { label: labelName(grid.labelBadgeId) ?? '' })}` : ''}
                    </span>
                    <span class="lever-muted">{grid.skills.map((s) => s.name).join(' · ')}</span>
                  </li>
                ))}
              </ul>
              {viewer.role !== 'ADMIN' ? (
                <p class="lever-muted">{t('grids.headOfficeOnly')}</p>
              ) : creating ? (
                <EvaluationGridForm
                  labels={labels}
                  onCancel={() => setCreating(false)}
                  onCreated={(grid) => {
                    set({ ...data, skillsGrids: [...data.skillsGrids, grid] });
                    setCreating(false);
                    onNotice(t('grids.created', { name: grid.name }));
                  }}
                />
              ) : (
                <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
                  {t('grids.new')}
                </button>
              )}
            </>
          );
        }}
      </LeverState>
    </section>
  );
}
