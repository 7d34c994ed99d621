import { useEffect, useRef, useState } from 'preact/hooks';
import { request, RequestError } from '../../graphql/client';
import { t } from '../../i18n';
import { bodyForKind, checkComposer, completeToken, MAX_POST_LENGTH, typedToken, type ComposerKind } from '../../lib/composer';
import { FeedComposerPhotos, isUploading, type ComposerPhoto } from './FeedComposerPhotos';
import { queueAction } from './outbox';
import { CreatePostDocument, MentionSuggestionsDocument, type PostFieldsFragment as Post, TagSuggestionsDocument } from '../../graphql/feed.generated';
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
const AUDIENCES: readonly PostAudience[] = ['NETWORK', 'REGION', 'UNIT'];

interface Suggestion {
  sign: '@' | '#';
  value: string;
  id?: string;
}

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
  const KINDS = viewerRole === 'MEMBER' ? MEMBER_KINDS : MANAGER_KINDS;
  const [audience, setAudience] = useState<PostAudience>('NETWORK');
  const [figure, setFigure] = useState('');
  const [product, setProduct] = useState('');
  const [photos, setPhotos] = useState<ComposerPhoto[]>([]);
  const [mentions, setMentions] = useState<{ id: string; name: string }[]>([]);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const uploading = photos.some(isUploading);
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

  // Suggestions for the @name or #tag being typed (debounced).
  useEffect(() => {
    const token = typedToken(body);
    if (!token || token.text.length < 2) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      const lookup =
        token.sign === '@'
          ? request(MentionSuggestionsDocument, { search: token.text }).then((data) =>
              data.mentionSuggestions.map((person) => ({ sign: '@' as const, value: person.displayName, id: person.id })),
            )
          : request(TagSuggestionsDocument, { prefix: token.text }).then((data) =>
              data.tagSuggestions.map((tag) => ({ sign: '#' as const, value: tag })),
            );
      lookup.then(setSuggestions).catch(() => setSuggestions([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [body]);

  function pick(suggestion: Suggestion) {
    setBody((current) => completeToken(current, suggestion.sign, suggestion.value));
    const id = suggestion.id;
    if (id) setMentions((current) => (current.some((m) => m.id === id) ? current : [...current, { id, name: suggestion.value }]));
    setSuggestions([]);
    textarea.current?.focus();
  }

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
    if (uploading) return;
    setBusy(true);
    setError(null);
    const input = {
      kind,
      body: body.trim(),
      idempotencyKey: idempotencyKey.current,
      audience,
      figure: kind === 'WIN' ? figure.trim() || null : null,
      product: kind === 'WIN' ? product.trim() || null : null,
      mentionIds: mentions.filter((m) => body.includes(`@${m.name}`)).map((m) => m.id),
    };
    const kept = photos.filter((photo) => photo.error === null);
    const reset = () => {
      idempotencyKey.current = newIdempotencyKey();
      setBody('');
      setKind('WIN');
      setFigure('');
      setProduct('');
      setPhotos([]);
      setMentions([]);
      onClose();
    };
    // Kept on the phone with its idempotency key and its photos: sent once, when the network is back.
    const queue = () => {
      queueAction({
        kind: 'post',
        key: input.idempotencyKey,
        input,
        photos: kept.map((photo) => ({ blob: photo.file, name: photo.file.name || 'photo.jpg', mediaId: photo.id })),
        at: new Date().toISOString(),
      });
      onQueued?.(t('offline.queuedPost'));
      reset();
    };
    if (kept.some((photo) => photo.waiting)) {
      queue();
      setBusy(false);
      return;
    }
    try {
      const { createPost } = await request(CreatePostDocument, {
        input: { ...input, imageIds: kept.flatMap((photo) => (photo.id ? [photo.id] : [])) },
      });
      if (createPost.__typename === 'CreatePostSuccess') {
        onPublished(createPost.post);
        reset();
        return;
      }
      setError(createPost.message);
    } catch (failure) {
      if (failure instanceof RequestError && failure.kind === 'network') {
        queue();
        return;
      }
      setError(t('errors.unexpected'));
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
              <span>{t(`post.kind.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="kind-picker audience-picker">
          <legend>{t('composer.audienceLegend')}</legend>
          {AUDIENCES.map((value) => (
            <label key={value} class={`kind-option${audience === value ? ' is-selected' : ''}`}>
              <input type="radio" name="audience" value={value} checked={audience === value} onChange={() => setAudience(value)} />
              <span>{t(`post.audience.${value}`)}</span>
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
        {suggestions.length > 0 && (
          <ul class="suggestions" aria-label={t(suggestions[0]?.sign === '@' ? 'composer.mentionSuggestions' : 'composer.tagSuggestions')}>
            {suggestions.map((suggestion) => (
              <li key={suggestion.value}>
                <button type="button" class="suggestion" onClick={() => pick(suggestion)}>
                  {suggestion.sign}
                  {suggestion.value}
                </button>
              </li>
            ))}
          </ul>
        )}
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
