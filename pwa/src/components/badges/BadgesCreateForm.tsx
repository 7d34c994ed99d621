import { useMutation } from '../../graphql/hooks';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { emptyBadgeForm, imageProblem, toCreateBadgeInput, type BadgeFormValues } from '../../lib/badgeForm';
import { CreateBadgeDocument } from '../../graphql/badges.generated';
import type { BadgeFieldsFragment as Badge } from '../../graphql/people.generated';
import type { BadgeCategory } from '../../graphql/types.generated';

const CATEGORIES = ['SALES', 'TRAINING', 'CUSTOMER_SATISFACTION', 'TEAM_SPIRIT', 'CHALLENGE', 'CERTIFICATION'] as const;
const POLICIES = ['MANAGERS', 'ADMINS', 'RULES'] as const;

interface BadgesCreateFormProps {
  onCreated: (badge: Badge) => void;
  onCancel: () => void;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Head office adds a badge or a label: emoji or an image (checked again by the server). */
export function BadgesCreateForm({ onCreated, onCancel }: BadgesCreateFormProps) {
  const runCreateBadge = useMutation(CreateBadgeDocument).run;
  const [values, setValues] = useState<BadgeFormValues>(emptyBadgeForm);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<BadgeFormValues>) => setValues({ ...values, ...change });

  async function pickImage(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return set({ imageBase64: null });
    const problem = imageProblem(file);
    if (problem) {
      input.value = '';
      setError(t(problem === 'type' ? 'create.imageType' : 'create.imageSize'));
      return;
    }
    setError(null);
    set({ imageBase64: await readAsDataUrl(file) });
  }

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { createBadge } = await runCreateBadge({ input: toCreateBadgeInput(values) });
      if (createBadge.__typename === 'CreateBadgeSuccess') onCreated(createBadge.badge);
      else setError(createBadge.message);
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="award-step create-badge" onSubmit={submit} noValidate aria-labelledby="create-title">
      <h2 id="create-title">{t('create.title')}</h2>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="field">
        <label for="create-name">{t('create.name')}</label>
        <input id="create-name" value={values.name} maxLength={80} onInput={(e) => set({ name: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="create-kind">{t('create.kind')}</label>
        <select id="create-kind" value={values.kind} onChange={(e) => set({ kind: e.currentTarget.value as BadgeFormValues['kind'] })}>
          <option value="BADGE">{t('badges.kind.BADGE')}</option>
          <option value="LABEL">{t('badges.kind.LABEL')}</option>
        </select>
      </div>
      <div class="field">
        <label for="create-emoji">{t('create.emoji')}</label>
        <input id="create-emoji" value={values.emoji} maxLength={16} onInput={(e) => set({ emoji: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="create-image">{t('create.image')}</label>
        <input id="create-image" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => pickImage(e.currentTarget)} />
      </div>
      <div class="field">
        <label for="create-category">{t('create.category')}</label>
        <select id="create-category" value={values.category} onChange={(e) => set({ category: e.currentTarget.value as BadgeCategory })}>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`badges.category.${category}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="create-description">{t('create.description')}</label>
        <textarea id="create-description" rows={2} maxLength={500} value={values.description} onInput={(e) => set({ description: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="create-criteria">{t('create.criteria')}</label>
        <textarea id="create-criteria" rows={2} maxLength={1000} value={values.criteria} onInput={(e) => set({ criteria: e.currentTarget.value })} />
      </div>
      {values.kind === 'LABEL' ? (
        <div class="field">
          <label for="create-levels">{t('create.levels')}</label>
          <input id="create-levels" value={values.levels} onInput={(e) => set({ levels: e.currentTarget.value })} />
        </div>
      ) : (
        <label class="person-option">
          <input type="checkbox" checked={values.repeatable} onChange={(e) => set({ repeatable: e.currentTarget.checked })} />
          <span>{t('create.repeatable')}</span>
        </label>
      )}
      <div class="field">
        <label for="create-validity">{t('create.validity')}</label>
        <input id="create-validity" type="number" inputMode="numeric" min={1} max={3650} value={values.validityDays} onInput={(e) => set({ validityDays: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="create-policy">{t('create.policy')}</label>
        <select id="create-policy" value={values.awardPolicy} onChange={(e) => set({ awardPolicy: e.currentTarget.value as BadgeFormValues['awardPolicy'] })}>
          {POLICIES.map((policy) => (
            <option key={policy} value={policy}>
              {t(`badges.policy.${policy}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="award-buttons">
        <button type="button" class="button" onClick={onCancel}>
          {t('award.back')}
        </button>
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('create.saving') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}
