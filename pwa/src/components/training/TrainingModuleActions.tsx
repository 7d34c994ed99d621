import { useState } from 'preact/hooks';
import type { ModulePublication } from '../../graphql/types.generated';
import { t } from '../../i18n';

interface ActionsProps {
  /** null: not saved yet. */
  publication: ModulePublication | null;
  dirty: boolean;
  busy: boolean;
  onPreview: () => void;
  onPublish: () => void;
  onArchive: () => void;
}

/** Save, preview (saving first), publish (saving first) and archive after a confirmation. */
export function TrainingModuleActions({ publication, dirty, busy, onPreview, onPublish, onArchive }: ActionsProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="authoring-actions">
      <button type="submit" class="button" disabled={busy || (!dirty && publication !== null)}>
        {publication === null || publication === 'DRAFT' ? t('authoring.saveDraft') : t('authoring.save')}
      </button>
      <button type="button" class="button" disabled={busy} onClick={onPreview}>
        {t('authoring.preview')}
      </button>
      {publication !== 'PUBLISHED' ? (
        <button type="button" class="button button-primary" disabled={busy} onClick={onPublish}>
          {publication === 'ARCHIVED' ? t('authoring.republish') : t('authoring.publish')}
        </button>
      ) : null}
      {publication !== null && publication !== 'ARCHIVED' ? (
        confirming ? (
          <div class="profile-confirm" role="alertdialog" aria-labelledby="archive-title">
            <p id="archive-title" class="profile-name">
              {t('authoring.archiveTitle')}
            </p>
            <p>{t('authoring.archiveText')}</p>
            <button type="button" class="button button-danger" disabled={busy} onClick={() => { setConfirming(false); onArchive(); }}>
              {t('authoring.archiveConfirm')}
            </button>
            <button type="button" class="button" onClick={() => setConfirming(false)}>
              {t('header.cancel')}
            </button>
          </div>
        ) : (
          <button type="button" class="button" disabled={busy} onClick={() => setConfirming(true)}>
            {t('authoring.archive')}
          </button>
        )
      ) : null}
    </div>
  );
}
