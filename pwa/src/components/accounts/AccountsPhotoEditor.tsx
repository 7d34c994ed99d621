import { useRef, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { MeDocument } from '../../graphql/accounts.generated';
import { t } from '../../i18n';
import { photoProblem } from '../../lib/photoCrop';
import { Button } from '../ui/Button';
import { AccountsPhotoCrop } from './AccountsPhotoCrop';
import { announceViewer } from './viewerChanged';
import './AccountsPhoto.css';

interface AccountsPhotoEditorProps {
  hasPhoto: boolean;
  onChanged: () => void;
}

async function send(method: 'POST' | 'DELETE', body?: Blob): Promise<void> {
  let form: FormData | undefined;
  if (body) {
    form = new FormData();
    form.append('file', body, 'photo.jpg');
  }
  const response = await fetch('/media/photo', { method, body: form, credentials: 'same-origin' });
  if (!response.ok) {
    const failure = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(failure?.error?.message ?? t('photo.failed'));
  }
  const { me } = await request(MeDocument);
  if (me) announceViewer(me);
}

/** On my own profile: choose a photo (cropped square here, re-encoded by the server) or remove it. */
export function AccountsPhotoEditor({ hasPhoto, onChanged }: AccountsPhotoEditorProps) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const picked = (chosen: File | undefined) => {
    if (!chosen) return;
    const problem = photoProblem(chosen);
    if (problem) {
      setError(t(problem === 'type' ? 'photo.badType' : 'photo.tooLarge'));
      return;
    }
    setError(null);
    setFile(chosen);
  };

  const run = async (method: 'POST' | 'DELETE', blob?: Blob) => {
    setBusy(true);
    setError(null);
    try {
      await send(method, blob);
      setFile(null);
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error && failure.message !== 'Failed to fetch' ? failure.message : t('photo.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="photo-editor">
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          picked(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
      <Button onClick={() => input.current?.click()} disabled={busy}>
        {hasPhoto ? t('photo.change') : t('photo.add')}
      </Button>
      {hasPhoto && (
        <Button variant="ghost" onClick={() => void run('DELETE')} busy={busy && !file}>
          {t('photo.remove')}
        </Button>
      )}
      {error && !file && (
        <p class="form-error photo-error" role="alert">
          {error}
        </p>
      )}
      {file && (
        <AccountsPhotoCrop
          file={file}
          busy={busy}
          error={error}
          onCancel={() => {
            setFile(null);
            setError(null);
          }}
          onCropped={(blob) => void run('POST', blob)}
        />
      )}
    </div>
  );
}
