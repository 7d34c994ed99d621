import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { imageProblem } from '../../lib/badgeForm';
import { moveSection, removeSection, videoLinkLooksAllowed, type SectionDraft } from '../../lib/moduleForm';
import { uploadPhoto } from '../feed/uploadPhoto';

interface SectionEditorProps {
  section: SectionDraft;
  index: number;
  sections: SectionDraft[];
  onChange: (sections: SectionDraft[]) => void;
  onNotice: (message: string) => void;
}

const IMAGE_MAX_BYTES = 10 * 1024 * 1024;

/** One section: title, text in the Markdown subset, an image uploaded like a feed photo, a video link. */
export function TrainingSectionEditor({ section, index, sections, onChange, onNotice }: SectionEditorProps) {
  const [progress, setProgress] = useState<number | null>(null);
  const prefix = `section-${section.key}`;
  const update = (next: Partial<SectionDraft>) => onChange(sections.map((s, i) => (i === index ? { ...s, ...next } : s)));

  async function pickImage(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const problem = imageProblem(file);
    if (problem === 'type' || file.size > IMAGE_MAX_BYTES) return onNotice(t(problem === 'type' ? 'create.imageType' : 'authoring.imageSize'));
    setProgress(0);
    try {
      const photo = await uploadPhoto(file, setProgress);
      update({ imageId: photo.id, imageUrl: photo.feedUrl });
    } catch (error) {
      onNotice(error instanceof Error && error.message !== 'network' ? error.message : t('errors.network'));
    } finally {
      setProgress(null);
    }
  }

  return (
    <fieldset class="authoring-card" aria-label={t('authoring.sectionN', { n: index + 1 })}>
      <legend>{t('authoring.sectionN', { n: index + 1 })}</legend>
      <div class="field">
        <label for={`${prefix}-title`}>{t('authoring.sectionTitle')}</label>
        <input id={`${prefix}-title`} value={section.title} maxLength={120} onInput={(e) => update({ title: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for={`${prefix}-body`}>{t('authoring.sectionBody')}</label>
        <textarea id={`${prefix}-body`} rows={6} maxLength={20000} value={section.body} onInput={(e) => update({ body: e.currentTarget.value })} />
        <p class="field-hint">{t('authoring.markdownHint')}</p>
      </div>
      <div class="field">
        <label for={`${prefix}-image`}>{t('authoring.sectionImage')}</label>
        {section.imageUrl ? <img class="authoring-thumb" src={section.imageUrl} alt={t('authoring.imageOf', { title: section.title })} /> : null}
        <input id={`${prefix}-image`} type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => pickImage(e.currentTarget)} />
        {progress !== null ? <progress max={100} value={progress} aria-label={t('authoring.uploading')} /> : null}
        {section.imageUrl ? (
          <button type="button" class="button" onClick={() => update({ imageId: null, imageUrl: null })}>
            {t('authoring.removeImage')}
          </button>
        ) : null}
      </div>
      <div class="field">
        <label for={`${prefix}-video`}>{t('authoring.sectionVideo')}</label>
        <input
          id={`${prefix}-video`}
          type="url"
          inputMode="url"
          value={section.videoUrl}
          aria-invalid={!videoLinkLooksAllowed(section.videoUrl)}
          onInput={(e) => update({ videoUrl: e.currentTarget.value })}
        />
        <p class={videoLinkLooksAllowed(section.videoUrl) ? 'field-hint' : 'field-error'}>{t('authoring.videoHint')}</p>
      </div>
      <div class="authoring-row">
        <button type="button" class="button" disabled={index === 0} onClick={() => onChange(moveSection(sections, index, -1))}>
          {t('authoring.moveUp')}
        </button>
        <button type="button" class="button" disabled={index === sections.length - 1} onClick={() => onChange(moveSection(sections, index, 1))}>
          {t('authoring.moveDown')}
        </button>
        <button type="button" class="button" disabled={sections.length === 1} onClick={() => onChange(removeSection(sections, index))}>
          {t('authoring.removeSection')}
        </button>
      </div>
    </fieldset>
  );
}
