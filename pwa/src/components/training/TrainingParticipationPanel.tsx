import { useEffect, useState } from 'preact/hooks';
import { t, language } from '../../i18n';
import { LeverState } from '../levers/LeverState';
import { useQuery, useMutation } from '../../graphql/hooks';
import { Avatar } from '../ui/Avatar';
import { TrainingStatusChip } from './TrainingStatusChip';
import { ModuleParticipationDocument, SendTrainingRemindersDocument, TrainingModulesDocument } from '../../graphql/training.generated';
import { byName } from '../../lib/collation';

/** Who in my scope hasn't started a module, with one-tap reminders. */
export function TrainingParticipationPanel({ unitId, onNotice }: { unitId: string | null; onNotice: (message: string) => void }) {
  const modules = useQuery(TrainingModulesDocument, {});
  const [moduleId, setModuleId] = useState<string | null>(null);
  useEffect(() => {
    if (moduleId === null && modules.state.status === 'ready') setModuleId(modules.state.data.trainingModules[0]?.id ?? null);
  }, [modules.state, moduleId]);

  return (
    <LeverState state={modules.state} onRetry={modules.reload}>
      {({ trainingModules }) => (
        <div class="participation">
          <label class="field">
            <span>{t('training.chooseModule')}</span>
            <select value={moduleId ?? ''} onChange={(e) => setModuleId((e.currentTarget as HTMLSelectElement).value)}>
              {trainingModules.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </label>
          {moduleId ? <ParticipationList moduleId={moduleId} unitId={unitId} onNotice={onNotice} /> : null}
        </div>
      )}
    </LeverState>
  );
}

interface ParticipationListProps {
  moduleId: string;
  unitId: string | null;
  onNotice: (message: string) => void;
}

function ParticipationList({ moduleId, unitId, onNotice }: ParticipationListProps) {
  const runSendTrainingReminders = useMutation(SendTrainingRemindersDocument).run;
  const { state, reload } = useQuery(ModuleParticipationDocument, { moduleId, unitId });
  const [sent, setSent] = useState<Set<string>>(new Set());

  async function remind(userIds: string[]) {
    try {
      const { sendTrainingReminders: result } = await runSendTrainingReminders({ moduleId, userIds });
      if (result.__typename === 'SendTrainingRemindersSuccess') {
        setSent(new Set([...sent, ...userIds]));
        onNotice(t('training.remindersSent', { count: result.remindedUserIds.length }));
      } else {
        onNotice(result.message);
      }
    } catch {
      onNotice(t('errors.network'));
    }
  }

  return (
    <LeverState state={state} onRetry={reload}>
      {({ moduleParticipation: report }) => {
        const waiting = report.people.filter((p) => p.status === 'NOT_STARTED' && !p.remindedAt && !sent.has(p.userId));
        return (
          <>
            <p class="lever-muted">
              {t('training.participationCounts', {
                notStarted: report.notStartedCount,
                inProgress: report.inProgressCount,
                completed: report.completedCount,
              })}
            </p>
            {waiting.length > 1 ? (
              <button type="button" class="button button-primary" onClick={() => void remind(waiting.map((p) => p.userId))}>
                {t('training.remindAll', { count: waiting.length })}
              </button>
            ) : null}
            <ul class="people-list">
              {byName(report.people.slice(0, 200), (p) => p.displayName, language).map((person) => (
                <li key={person.userId} class="people-face-row">
                  <Avatar name={person.displayName} photoUrl={person.photoUrl} size="s" />
                  <span class="people-name">
                    {person.displayName}
                    <span class="lever-muted">{person.unitName}</span>
                  </span>
                  {person.status === 'NOT_STARTED' ? (
                    sent.has(person.userId) || person.remindedAt ? (
                      <span class="lever-muted">{t('training.reminded')}</span>
                    ) : (
                      <button type="button" class="button button-small" onClick={() => void remind([person.userId])}>
                        {t('training.remind')}
                      </button>
                    )
                  ) : (
                    <TrainingStatusChip status={person.status} />
                  )}
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </LeverState>
  );
}
