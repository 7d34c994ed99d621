import { useState } from 'preact/hooks';
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { newKey } from '../../lib/offlineQueue';
import { isOffline } from '../../lib/requestErrors';
import { Button } from '../ui/Button';
import { Field } from '../ui/Field';
import { queueAction } from './outbox';
import { AddCommentDocument, type CommentFieldsFragment as Comment } from '../../graphql/feedPost.generated';

interface FeedCommentFormProps {
  postId: string;
  onAdded: (comment: Comment) => void;
  onNotice: (message: string) => void;
}

/** Writing a comment; without a network it waits in the outbox, with its key, and leaves once. */
export function FeedCommentForm({ postId, onAdded, onNotice }: FeedCommentFormProps) {
  const [draft, setDraft] = useState('');
  const addComment = useMutation(AddCommentDocument);

  async function send(event: Event) {
    event.preventDefault();
    const body = draft.trim();
    if (!body || addComment.busy) return;
    const key = newKey();
    try {
      const { addComment: result } = await addComment.run({ input: { postId, body, idempotencyKey: key } });
      if (result.__typename === 'AddCommentSuccess') {
        onAdded(result.comment);
        setDraft('');
      } else {
        onNotice(result.message);
      }
    } catch (error) {
      if (isOffline(error)) {
        queueAction({ kind: 'comment', key, postId, body, at: new Date().toISOString() });
        setDraft('');
        onNotice(t('offline.queuedComment'));
      } else {
        onNotice(t('post.actionFailed'));
      }
    }
  }

  return (
    <form class="comment-form" onSubmit={send}>
      <Field
        kind="textarea"
        id="comment-body"
        label={t('post.commentLabel')}
        rows={2}
        maxLength={1000}
        value={draft}
        placeholder={t('post.commentPlaceholder')}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <Button type="submit" variant="primary" busy={addComment.busy} disabled={draft.trim() === ''}>
        {t('post.commentSend')}
      </Button>
    </form>
  );
}
