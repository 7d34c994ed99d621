/** The shape of a post while the feed loads; hidden from assistive technology. */
export function FeedPostCardSkeleton() {
  return (
    <div class="post-card skeleton" aria-hidden="true">
      <div class="post-header">
        <span class="avatar skeleton-block" />
        <div class="post-meta">
          <span class="skeleton-line" style={{ width: '45%' }} />
          <span class="skeleton-line" style={{ width: '30%' }} />
        </div>
      </div>
      <span class="skeleton-line" />
      <span class="skeleton-line" />
      <span class="skeleton-line" style={{ width: '60%' }} />
    </div>
  );
}
