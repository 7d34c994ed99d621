import { useState } from 'preact/hooks';
import { t } from '../../i18n';

interface FeedPostEditFormProps {
  body: string;
  onSave: (body: string) => void;
  onCancel: () => void;
}

/** The author rewrites the post's text in place. */
export function FeedPostEditForm({ body, onSave, onCancel }: FeedPostEditFormProps) {
  const [editing, setEditing] = useState(body);
  return (
    <form
      class="comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(editing);
      }}
    >
      <label for="post-edit" class="visually-hidden">
        {t('post.edit')}
      </label>
      <textarea id="post-edit" rows={4} maxLength={2000} value={editing} onInput={(event) => setEditing(event.currentTarget.value)} />
      <button type="submit" class="button button-primary">
        {t('post.editSave')}
      </button>
      <button type="button" class="button" onClick={onCancel}>
        {t('post.editCancel')}
      </button>
    </form>
  );
}
