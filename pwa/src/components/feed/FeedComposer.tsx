import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { bodyForKind, checkComposer, completeToken, composerProblem, MAX_POST_LENGTH, postInput, type ComposerKind } from '../../lib/composer';
import { FeedComposerChoices } from './FeedComposerChoices';
import { FeedComposerPhotos, isUploading, type ComposerPhoto } from './FeedComposerPhotos';
import { FeedComposerSuggestions } from './FeedComposerSuggestions';
import { useComposerSuggestions, type Suggestion } from './useComposerSuggestions';
import { useModalDialog } from './useModalDialog';
import { usePublishPost } from './usePublishPost';
import type { PostFieldsFragment as Post } from '../../graphql/feed.generated';
import type { PostAudience, Role } from '../../graphql/types.generated';

interface FeedComposerProps {
  open: boolean;
  onClose: () => void;
  onPublished: (post: Post) => void;
  viewerRole?: Role;
  onQueued?: (message: string) => void;
}

const MEMBER_KINDS: readonly ComposerKind[] = ['WIN', 'BEST_PRACTICE'];
const MANAGER_KINDS: readonly ComposerKind[] = ['WIN', 'BEST_PRACTICE', 'ANNOUNCEMENT'];

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * A bottom sheet (modal <dialog>) to post a win or a best practice. One
 * idempotency key per draft, so a retry after a lost reply posts once.
 */
export function FeedComposer({ open, onClose, onPublished, viewerRole = 'MEMBER', onQueued }: FeedComposerProps) {
  const kinds = viewerRole === 'MEMBER' ? MEMBER_KINDS : MANAGER_KINDS;
  const [audience, setAudience] = useState<PostAudience>('NETWORK');
  const [figure, setFigure] = useState('');
  const [product, setProduct] = useState('');
  const [photos, setPhotos] = useState<ComposerPhoto[]>([]);
  const [mentions, setMentions] = useState<{ id: string; name: string }[]>([]);
  const uploading = photos.some(isUploading);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const dialog = useModalDialog(open, textarea);
  const [kind, setKind] = useState<ComposerKind>('WIN');
  const [body, setBody] = useState('');
  const suggestions = useComposerSuggestions(body);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const publish = usePublishPost(onPublished, onQueued);
  const template = t('composer.bestPracticeTemplate');
  const check = checkComposer(body, kind === 'BEST_PRACTICE' ? template : '');

  function pick(suggestion: Suggestion) {
    setBody((current) => completeToken(current, suggestion.sign, suggestion.value));
    const id = suggestion.id;
    if (id) setMentions((current) => (current.some((m) => m.id === id) ? current : [...current, { id, name: suggestion.value }]));
    textarea.current?.focus();
  }

  function chooseKind(next: ComposerKind) {
    setKind(next);
    setBody((current) => bodyForKind(current, next, template));
    setError(null);
  }

  function reset() {
    idempotencyKey.current = newIdempotencyKey();
    setBody('');
    setKind('WIN');
    setFigure('');
    setProduct('');
    setPhotos([]);
    setMentions([]);
    onClose();
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problem = composerProblem(check, body);
    if (problem) {
      setError(problem.key === 'composer.tooLong' ? t(problem.key, { count: problem.count }) : t(problem.key));
      textarea.current?.focus();
      return;
    }
    if (uploading) return;
    setBusy(true);
    setError(null);
    const input = postInput({ kind, body, audience, figure, product, mentions }, idempotencyKey.current);
    const outcome = await publish(input, photos);
    setBusy(false);
    if (typeof outcome === 'object') setError(outcome.error);
    else reset();
  }

  const counterId = 'composer-counter';
  const errorId = 'composer-error';
  return (
    <dialog
      ref={dialog}
      class="composer-sheet"
      aria-labelledby="composer-title"
      onClose={onClose}
      onClick={(event) => {
        // A tap on the dimmed backdrop (the dialog box itself, outside the form) closes it.
        if (event.target === dialog.current) onClose();
      }}
    >
      <form class="composer" onSubmit={submit} noValidate>
        <div class="composer-top">
          <h2 id="composer-title">{t('composer.title')}</h2>
          <button type="button" class="icon-button" onClick={onClose} aria-label={t('composer.close')}>
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
            </svg>
          </button>
        </div>
        <FeedComposerChoices kinds={kinds} kind={kind} onKind={chooseKind} audience={audience} onAudience={setAudience} />
        <label for="composer-body" class="composer-label">
          {t('composer.body')}
        </label>
        <textarea
          id="composer-body"
          ref={textarea}
          name="body"
          rows={7}
          value={body}
          placeholder={t(kind === 'WIN' ? 'composer.placeholder.WIN' : 'composer.placeholder.BEST_PRACTICE')}
          onInput={(event) => {
            setBody(event.currentTarget.value);
            if (error) setError(null);
          }}
          aria-invalid={check.overLimit || error ? true : undefined}
          aria-describedby={error ? `${counterId} ${errorId}` : counterId}
        />
        <FeedComposerSuggestions suggestions={suggestions} onPick={pick} />
        {kind === 'WIN' && (
          <div class="composer-fields">
            <label>
              {t('composer.figure')}
              <input type="text" maxLength={60} value={figure} onInput={(event) => setFigure(event.currentTarget.value)} />
            </label>
            <label>
              {t('composer.product')}
              <input type="text" maxLength={80} value={product} onInput={(event) => setProduct(event.currentTarget.value)} />
            </label>
          </div>
        )}
        <FeedComposerPhotos photos={photos} onChange={setPhotos} />
        <div class="composer-bottom">
          <p id={counterId} class={`composer-counter${check.overLimit ? ' is-over' : ''}`}>
            {check.overLimit
              ? t('composer.tooLong', { count: -check.remaining })
              : t('composer.counter', { count: check.count, max: MAX_POST_LENGTH })}
          </p>
          <button type="submit" class="button button-primary" disabled={busy || uploading}>
            {busy ? t('composer.submitting') : t('composer.submit')}
          </button>
        </div>
        {error && (
          <p id={errorId} class="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </dialog>
  );
}
