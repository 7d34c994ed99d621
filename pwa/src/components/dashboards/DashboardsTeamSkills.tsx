import { language, t } from '../../i18n';
import { indexValue } from '../../lib/levers';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { useQuery } from '../../graphql/hooks';
import { DashboardsRadar } from './DashboardsRadar';
import { TeamSkillsDocument } from '../../graphql/plans.generated';

/** Collective skills of a unit: its radar, its weakest skills with the training to push, and each team's weakest skill. */
export function DashboardsTeamSkills({ unitId }: { unitId: string | null }) {
  const { state } = useQuery(TeamSkillsDocument, { unitId });
  if (state.status !== 'ready') return null;
  const [team, ...below] = state.data.teamSkills;
  if (!team) return null;
  return (
    <section aria-labelledby="team-skills-title" data-testid="team-skills">
      <h2 id="team-skills-title" class="lever-subtitle">
        {t('teamSkills.title')}
      </h2>
      {team.assessed === 0 ? (
        <p class="lever-empty">{t('ourPlan.noSkills')}</p>
      ) : (
        <>
          <p class="lever-muted">{t('teamSkills.assessed', { count: team.assessed })}</p>
          <DashboardsRadar skills={team.radar.map((s) => ({ skillId: s.skillId, skillName: s.name, level: s.level, descriptor: '' }))} />
          <ul class="lever-list">
            {team.weakest.map((weak) => (
              <li key={weak.skill.skillId} class="lever-card">
                <span class="lever-card-title">
                  {weak.skill.name} · {indexValue(weak.skill.level, language)}/4
                </span>
                {weak.modules.length === 0 ? (
                  <span class="lever-muted">{t('teamSkills.noModule')}</span>
                ) : (
                  weak.modules.map((module) => (
                    <a key={module.moduleId} class="button button-small" href={LEVER_PATHS.module(module.moduleId)} onClick={linkClick}>
                      {t('teamSkills.push', { title: module.title })}
                    </a>
                  ))
                )}
              </li>
            ))}
          </ul>
          {below.some((b) => b.assessed > 0) ? (
            <ul class="skill-list">
              {below
                .filter((b) => b.assessed > 0)
                .map((b) => (
                  <li key={b.unitId}>
                    <span class="skill-name">{b.unitName}</span>
                    <span class="lever-muted">
                      {b.weakest[0] ? t('teamSkills.weakestOf', { skill: b.weakest[0].skill.name, level: indexValue(b.weakest[0].skill.level, language) }) : '–'}
                    </span>
                  </li>
                ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}
