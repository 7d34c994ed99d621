import { useQuery } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import { navigate } from '../../router';
import { Avatar } from '../ui/Avatar';
import { PostReportsDocument, type PostReportsQuery } from '../../graphql/feedPost.generated';
import './FeedComments.css';

type PostReportRow = PostReportsQuery['postReports'][number];

/** Managers: the open reports on posts of their scope; each opens the post to moderate it. */
export function FeedReportsPage() {
  const { state } = useQuery(PostReportsDocument, {});
  const reports: PostReportRow[] | null = state.status === 'ready' ? state.data.postReports : null;
  const failed = state.status === 'error';
  const now = new Date();
  return (
    <section class="post-page" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      {failed && <p role="alert">{t('errors.network')}</p>}
      {reports === null && !failed && <p role="status">{t('app.loading')}</p>}
      {reports?.length === 0 && <p class="hint">{t('reports.empty')}</p>}
      <ul class="comment-list">
        {reports?.map((report) => (
          <li key={report.id} class="comment">
            <Avatar name={report.reporterName} photoUrl={report.reporterPhotoUrl} size="s" />
            <div class="comment-bubble">
              <p class="comment-meta">
                <strong class="comment-author">{report.reporterName}</strong>{' '}
                <time class="comment-when" dateTime={report.createdAt}>
                  {formatRelativeTime(report.createdAt, now, language)}
                </time>
              </p>
              <p class="comment-body">{report.reason}</p>
              <button type="button" class="link-button" onClick={() => navigate(`/posts/${report.post.id}`)}>
                {t('reports.open', { author: report.post.author.displayName })}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
