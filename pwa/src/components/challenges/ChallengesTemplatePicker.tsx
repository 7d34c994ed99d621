import { t } from '../../i18n';
import type { ChallengeFormValues } from '../../lib/challengeForm';
import { CHALLENGE_TEMPLATES, formFromTemplate } from '../../lib/challengeTemplates';
import { ChallengesPastPicker } from './ChallengesPastPicker';

interface TemplatePickerProps {
  /** A template chosen: the wizard starts with its rules. */
  onPick: (values: ChallengeFormValues) => void;
  onNotice: (message: string) => void;
}

/** Where the wizard may start from: a built-in template, or a past challenge copied as a draft. */
export function ChallengesTemplatePicker({ onPick, onNotice }: TemplatePickerProps) {
  return (
    <section class="template-picker" aria-label={t('challenges.template.title')}>
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
    </section>
  );
}
