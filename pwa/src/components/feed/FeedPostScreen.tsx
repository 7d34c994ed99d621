import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import type { FeedPostPageProps } from './FeedPostPage';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

let loaded: FunctionComponent<FeedPostPageProps> | null = null;

/** The post page, fetched on first visit (dynamic import) so the first load stays small. */
export function FeedPostScreen(props: { postId: string; viewer: Viewer; onNotice: (message: string) => void }) {
  const [Page, setPage] = useState(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Page) return;
    let cancelled = false;
    import('./FeedPostPage')
      .then((module) => {
        loaded = module.FeedPostPage;
        if (!cancelled) setPage(() => module.FeedPostPage);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [Page]);
  if (failed) return <p role="alert">{t('errors.network')}</p>;
  if (!Page) return <p role="status">{t('app.loading')}</p>;
  return <Page {...props} />;
}
