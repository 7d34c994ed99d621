import { useEffect, useRef, useState } from 'preact/hooks';
import { request, RequestError } from '../../graphql/client';
import { CREATE_POST, type Post } from '../../graphql/operations';
import { t } from '../../i18n';
import { bodyForKind, checkComposer, MAX_POST_LENGTH, type ComposerKind } from '../../lib/composer';

interface FeedComposerProps {
  open: boolean;
  onClose: () => void;
  onPublished: (post: Post) => void;
}

const KINDS: readonly ComposerKind[] = ['WIN', 'BEST_PRACTICE'];

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * A bottom sheet (modal <dialog>) to post a win or a best practice. One
 * idempotency key per draft, so a retry after a lost reply posts once.
 */
export function FeedComposer({ open, onClose, onPublished }: FeedComposerProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [kind, setKind] = useState<ComposerKind>('WIN');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const template = t('composer.bestPracticeTemplate');
  const check = checkComposer(body, kind === 'BEST_PRACTICE' ? template : '');

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      textarea.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  function chooseKind(next: ComposerKind) {
    setKind(next);
    setBody((current) => bodyForKind(current, next, template));
    setError(null);
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!check.canSubmit) {
      setError(
        check.overLimit
          ? t('composer.tooLong', { count: -check.remaining })
          : body.trim() === ''
            ? t('composer.emptyBody')
            : t('composer.untouchedTemplate'),
      );
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { createPost } = await request(CREATE_POST, {
        input: { kind, body: body.trim(), idempotencyKey: idempotencyKey.current },
      });
      if (createPost.__typename === 'CreatePostSuccess') {
        onPublished(createPost.post);
        idempotencyKey.current = newIdempotencyKey();
        setBody('');
        setKind('WIN');
        onClose();
        return;
      }
      setError(createPost.message);
    } catch (failure) {
      const offline = failure instanceof RequestError && failure.kind === 'network';
      setError(t(offline ? 'errors.network' : 'errors.unexpected'));
    } finally {
      setBusy(false);
    }
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
        <fieldset class="kind-picker">
          <legend>{t('composer.kindLegend')}</legend>
          {KINDS.map((value) => (
            <label key={value} class={`kind-option${kind === value ? ' is-selected' : ''}`}>
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => chooseKind(value)} />
              <span>{t(value === 'WIN' ? 'post.kind.WIN' : 'post.kind.BEST_PRACTICE')}</span>
            </label>
          ))}
        </fieldset>
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
        <div class="composer-bottom">
          <p id={counterId} class={`composer-counter${check.overLimit ? ' is-over' : ''}`}>
            {check.overLimit
              ? t('composer.tooLong', { count: -check.remaining })
              : t('composer.counter', { count: check.count, max: MAX_POST_LENGTH })}
          </p>
          <button type="submit" class="button button-primary" disabled={busy}>
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
