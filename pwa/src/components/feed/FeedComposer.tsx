import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { bodyForKind, checkComposer, completeToken, composerProblem, MAX_POST_LENGTH, postInput, type ComposerKind } from '../../lib/composer';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { Sheet } from '../ui/Sheet';
import { FeedComposerChoices } from './FeedComposerChoices';
import './FeedComposer.css';
import { FeedComposerPhotos, isUploading, type ComposerPhoto } from './FeedComposerPhotos';
import { FeedComposerSuggestions } from './FeedComposerSuggestions';
import { useComposerSuggestions, type Suggestion } from './useComposerSuggestions';
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
 * A bottom sheet to post a win or a best practice: never wider than the phone, every field
 * labelled, a refusal said under the message and scrolled into view. One idempotency key per
 * draft, so a retry after a lost reply posts once.
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
  return (
    <Sheet
      open={open}
      title={t('composer.title')}
      onClose={onClose}
      initialFocus={textarea}
      class="composer-sheet"
      footer={
        <div class="composer-bottom">
          <p id={counterId} class={`composer-counter${check.overLimit ? ' is-over' : ''}`}>
            {check.overLimit
              ? t('composer.tooLong', { count: -check.remaining })
              : t('composer.counter', { count: check.count, max: MAX_POST_LENGTH })}
          </p>
          <Button type="submit" form="composer-form" variant="primary" busy={busy} disabled={uploading}>
            {busy ? t('composer.submitting') : t('composer.submit')}
          </Button>
        </div>
      }
    >
      <form id="composer-form" class="composer" onSubmit={submit} noValidate>
        <FeedComposerChoices kinds={kinds} kind={kind} onKind={chooseKind} audience={audience} onAudience={setAudience} />
        <Field
          kind="textarea"
          id="composer-body"
          ref={textarea}
          label={t('composer.body')}
          name="body"
          rows={7}
          value={body}
          error={error}
          placeholder={t(kind === 'WIN' ? 'composer.placeholder.WIN' : 'composer.placeholder.BEST_PRACTICE')}
          onInput={(event) => {
            setBody(event.currentTarget.value);
            if (error) setError(null);
          }}
          aria-invalid={check.overLimit || error ? true : undefined}
          aria-describedby={counterId}
        />
        <FeedComposerSuggestions suggestions={suggestions} onPick={pick} />
        {kind === 'WIN' && (
          <div class="composer-fields">
            <Field
              label={t('composer.figure')}
              maxLength={60}
              value={figure}
              placeholder={t('composer.figurePlaceholder')}
              onInput={(event) => setFigure(event.currentTarget.value)}
            />
            <Field
              label={t('composer.product')}
              maxLength={80}
              value={product}
              placeholder={t('composer.productPlaceholder')}
              onInput={(event) => setProduct(event.currentTarget.value)}
            />
          </div>
        )}
        <FeedComposerPhotos photos={photos} onChange={setPhotos} />
      </form>
    </Sheet>
  );
}
