import { t } from '../../i18n';
import type { ChallengeFormValues } from '../../lib/challengeForm';
import { CHALLENGE_TEMPLATES, formFromTemplate } from '../../lib/challengeTemplates';
import { ChallengesPastPicker } from './ChallengesPastPicker';

interface TemplatePickerProps {
  /** A template chosen: the wizard starts with its rules. */
  onPick: (values: ChallengeFormValues) => void;
  /** Start from an empty form. */
  onBlank: () => void;
  onNotice: (message: string) => void;
}

/** How the wizard starts: a built-in template, a past challenge copied as a draft, or nothing. */
export function ChallengesTemplatePicker({ onPick, onBlank, onNotice }: TemplatePickerProps) {
  return (
    <section class="template-picker" aria-labelledby="template-title">
      <h2 id="template-title" class="lever-subtitle">
        {t('challenges.template.title')}
      </h2>
      <ul class="template-list">
        {CHALLENGE_TEMPLATES.map((template) => (
          <li key={template.id}>
            <button type="button" class="template-card" onClick={() => onPick(formFromTemplate(template, new Date(), t))}>
              <strong>{t(template.nameKey)}</strong>
              <span>{t(template.pitchKey)}</span>
            </button>
          </li>
        ))}
      </ul>
      <ChallengesPastPicker onNotice={onNotice} />
      <button type="button" class="button" onClick={onBlank}>
        {t('challenges.template.blank')}
      </button>
    </section>
  );
}
