import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import { uploadPhoto } from './uploadPhoto';

export interface ComposerPhoto {
  key: string;
  /** The picture itself, kept so it can wait on the device when there is no network. */
  file: File;
  preview: string;
  progress: number;
  id: string | null;
  error: string | null;
  /** The upload found no network: the photo leaves with the post, from the outbox. */
  waiting: boolean;
}

/** Still uploading: publishing waits for it. */
export function isUploading(photo: ComposerPhoto): boolean {
  return photo.id === null && photo.error === null && !photo.waiting;
}

const MAX_PHOTOS = 4;

interface FeedComposerPhotosProps {
  photos: ComposerPhoto[];
  onChange: (change: (photos: ComposerPhoto[]) => ComposerPhoto[]) => void;
}

/** Camera or gallery, up to 4 photos, each previewed with its upload progress. */
export function FeedComposerPhotos({ photos, onChange }: FeedComposerPhotosProps) {
  const previews = useRef(new Set<string>());
  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );

  function add(files: FileList | null) {
    for (const file of Array.from(files ?? []).slice(0, MAX_PHOTOS - photos.length)) {
      const key = `${Date.now()}-${Math.random()}`;
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      onChange((current) => [...current, { key, file, preview, progress: 0, id: null, error: null, waiting: false }]);
      const update = (patch: Partial<ComposerPhoto>) =>
        onChange((current) => current.map((photo) => (photo.key === key ? { ...photo, ...patch } : photo)));
      uploadPhoto(file, (progress) => update({ progress }))
        .then((uploaded) => update({ id: uploaded.id, progress: 100 }))
        .catch((error: Error) => update(error.message === 'network' ? { waiting: true } : { error: error.message }));
    }
  }

  return (
    <fieldset class="composer-photos">
      <legend>{t('composer.photos')}</legend>
      <ul class="photo-previews">
        {photos.map((photo, index) => (
          <li key={photo.key} class={photo.error ? 'has-error' : ''}>
            <img src={photo.preview} alt={t('composer.photoPreview', { n: index + 1 })} width={72} height={72} />
            {isUploading(photo) && (
              <progress max={100} value={photo.progress} aria-label={t('composer.uploading', { percent: photo.progress })} />
            )}
            {photo.waiting && <span class="pending-chip">{t('offline.pending')}</span>}
            {photo.error && <span class="field-error">{photo.error}</span>}
            <button
              type="button"
              class="icon-button"
              aria-label={t('composer.removePhoto', { n: index + 1 })}
              onClick={() => onChange((current) => current.filter((p) => p.key !== photo.key))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {photos.length < MAX_PHOTOS ? (
        <div class="photo-buttons">
          <label class="button">
            {t('composer.takePhoto')}
            <input
              class="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              onChange={(event) => {
                add(event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
          </label>
          <label class="button">
            {t('composer.addPhoto')}
            <input
              class="visually-hidden"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic,image/heif"
              multiple
              data-testid="photo-input"
              onChange={(event) => {
                add(event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
          </label>
        </div>
      ) : (
        <p class="hint">{t('composer.photoLimit')}</p>
      )}
    </fieldset>
  );
}
