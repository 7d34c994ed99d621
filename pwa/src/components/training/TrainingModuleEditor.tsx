import { useState } from 'preact/hooks';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import {
  ArchiveTrainingModuleDocument,
  CreateTrainingModuleDocument,
  ModuleEditorDocument,
  PublishTrainingModuleDocument,
  UpdateTrainingModuleDocument,
  type ModuleEditorQuery,
} from '../../graphql/authoring.generated';
import { errorMessage, useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../lib/formErrors';
import { addSection, emptyModuleForm, fromModuleSource, toModuleInput, type ModuleFormValues } from '../../lib/moduleForm';
import { AUTHORING_PATHS, buildsContent } from '../../lib/routes';
import { linkClick, navigate } from '../../router';
import { LeverState } from '../levers/LeverState';
import { TrainingAudiencePicker } from './TrainingAudiencePicker';
import { TrainingModuleActions } from './TrainingModuleActions';
import { TrainingPublicationChip } from './TrainingPublicationChip';
import { TrainingQuizEditor } from './TrainingQuizEditor';
import { TrainingSectionEditor } from './TrainingSectionEditor';

const FIELDS = ['title', 'summary', 'durationMinutes', 'sections', 'assignments'] as const;
type Field = (typeof FIELDS)[number];

interface EditorProps {
  viewer: Viewer;
  /** null: a new module. */
  id: string | null;
  onNotice: (message: string) => void;
}

/** Writes a module (a draft until published), then its quiz; previews, publishes, archives it. */
export function TrainingModuleEditor({ viewer, id, onNotice }: EditorProps) {
  const { state, reload } = useQuery(ModuleEditorDocument, { id: id ?? '0', skip: id === null });
  if (!buildsContent(viewer, 'modules')) return <p class="lever-empty">{t('authoring.managersOnly')}</p>;
  return (
    <section class="lever-page">
      <a class="lever-back" href={AUTHORING_PATHS.home} onClick={linkClick}>
        {t('authoring.back')}
      </a>
      <LeverState state={state} onRetry={reload}>
        {(data) =>
          id !== null && !data.trainingModuleSource ? (
            <p class="lever-empty">{t('training.notFound')}</p>
          ) : (
            <ModuleForm id={id} data={data} onSaved={reload} onNotice={onNotice} />
          )
        }
      </LeverState>
    </section>
  );
}

interface ModuleFormProps {
  id: string | null;
  data: ModuleEditorQuery;
  onSaved: () => void;
  onNotice: (message: string) => void;
}

function ModuleForm({ id, data, onSaved, onNotice }: ModuleFormProps) {
  const source = data.trainingModuleSource ?? null;
  const [values, setValues] = useState<ModuleFormValues>(() => (source ? fromModuleSource(source) : emptyModuleForm()));
  const [dirty, setDirty] = useState(source === null);
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);
  const create = useMutation(CreateTrainingModuleDocument).run;
  const update = useMutation(UpdateTrainingModuleDocument).run;
  const publish = useMutation(PublishTrainingModuleDocument).run;
  const archive = useMutation(ArchiveTrainingModuleDocument).run;
  const change = (next: Partial<ModuleFormValues>) => {
    setValues({ ...values, ...next });
    setDirty(true);
  };

  /** Saves what is on screen; the module's id, or null when refused (the form says why). */
  async function save(): Promise<string | null> {
    if (!dirty && id !== null) return id;
    setErrors(noFormErrors());
    const input = toModuleInput(values);
    const answer = id === null ? (await create({ input })).createTrainingModule : (await update({ input: { ...input, id } })).updateTrainingModule;
    if (answer.__typename === 'CreateTrainingModuleSuccess' || answer.__typename === 'UpdateTrainingModuleSuccess') {
      setDirty(false);
      if (id === null) navigate(AUTHORING_PATHS.module(answer.module.id), { replace: true });
      else onSaved();
      onNotice(t('authoring.saved'));
      return answer.module.id;
    }
    setErrors(formErrorsFrom(answer, FIELDS));
    return null;
  }

  async function act(step: () => Promise<void>) {
    setBusy(true);
    try {
      await step();
    } catch (error) {
      setErrors({ ...noFormErrors(), form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const onPublish = () =>
    act(async () => {
      const saved = await save();
      if (!saved) return;
      const { publishTrainingModule: answer } = await publish({ moduleId: saved });
      if (answer.__typename !== 'TrainingModulePublicationSuccess') return setErrors(formErrorsFrom(answer, FIELDS));
      onNotice(t('authoring.publishedNotice'));
      onSaved();
    });
  const onArchive = () =>
    act(async () => {
      const { archiveTrainingModule: answer } = await archive({ moduleId: id ?? '' });
      if (answer.__typename !== 'TrainingModulePublicationSuccess') return setErrors(formErrorsFrom(answer, FIELDS));
      onNotice(t('authoring.archivedNotice'));
      onSaved();
    });
  const onPreview = () =>
    act(async () => {
      const saved = await save();
      if (saved) navigate(AUTHORING_PATHS.preview(saved));
    });

  return (
    <>
      <form
        class="authoring-form"
        noValidate
        aria-labelledby="module-editor-title"
        onSubmit={(event) => {
          event.preventDefault();
          void act(async () => void (await save()));
        }}
      >
        <div class="lever-section-head">
          <h1 id="module-editor-title" class="lever-title">
            {id === null ? t('authoring.newModule') : t('authoring.editModule')}
          </h1>
          {source ? <TrainingPublicationChip publication={source.publication} /> : null}
        </div>
        {errors.form ? (
          <p class="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div class="field">
          <label for="module-title">{t('authoring.moduleTitle')}</label>
          <input id="module-title" value={values.title} maxLength={120} aria-invalid={Boolean(errors.fields.title)} onInput={(e) => change({ title: e.currentTarget.value })} />
          {errors.fields.title ? <p class="field-error">{errors.fields.title}</p> : null}
        </div>
        <div class="field">
          <label for="module-summary">{t('authoring.summary')}</label>
          <textarea id="module-summary" rows={2} maxLength={500} value={values.summary} onInput={(e) => change({ summary: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="module-duration">{t('authoring.duration')}</label>
          <input id="module-duration" type="number" inputMode="numeric" min={1} max={600} value={values.durationMinutes} aria-invalid={Boolean(errors.fields.durationMinutes)} onInput={(e) => change({ durationMinutes: e.currentTarget.value })} />
          {errors.fields.durationMinutes ? <p class="field-error">{errors.fields.durationMinutes}</p> : null}
        </div>
        <h2 class="lever-subtitle">{t('authoring.sections')}</h2>
        {errors.fields.sections ? <p class="field-error" role="alert">{errors.fields.sections}</p> : null}
        {values.sections.map((section, index) => (
          <TrainingSectionEditor
            key={section.key}
            section={section}
            index={index}
            sections={values.sections}
            onChange={(sections) => change({ sections })}
            onNotice={onNotice}
          />
        ))}
        <button type="button" class="button" onClick={() => change({ sections: addSection(values.sections) })}>
          {t('authoring.addSection')}
        </button>
        <TrainingAudiencePicker units={data.trainingAudienceUnits} values={values} error={errors.fields.assignments ?? null} onChange={change} />
        <TrainingModuleActions
          publication={source?.publication ?? null}
          dirty={dirty}
          busy={busy}
          onPreview={onPreview}
          onPublish={onPublish}
          onArchive={onArchive}
        />
      </form>
      {id !== null && source ? (
        <TrainingQuizEditor moduleId={id} quizId={source.quizId} moduleTitle={source.title} onCreated={onSaved} onNotice={onNotice} />
      ) : null}
    </>
  );
}
