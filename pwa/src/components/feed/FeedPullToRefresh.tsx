import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { pullOffset, releaseRefreshes } from '../../lib/pullToRefresh';

/** Drag down at the top of the feed to load the newest posts. */
export function FeedPullToRefresh({ onRefresh }: { onRefresh: () => Promise<void> }) {
  const [offset, setOffset] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const start = useRef<number | null>(null);
  const current = useRef(0);
  const refresh = useRef(onRefresh);
  refresh.current = onRefresh;

  useEffect(() => {
    const down = (event: TouchEvent) => {
      start.current = window.scrollY <= 0 ? (event.touches[0]?.clientY ?? null) : null;
    };
    const move = (event: TouchEvent) => {
      current.current = pullOffset(start.current, event.touches[0]?.clientY ?? 0, window.scrollY);
      setOffset(current.current);
    };
    const up = () => {
      const shouldRefresh = releaseRefreshes(current.current);
      start.current = null;
      current.current = 0;
      setOffset(0);
      if (!shouldRefresh) return;
      setRefreshing(true);
      void refresh.current().finally(() => setRefreshing(false));
    };
    window.addEventListener('touchstart', down, { passive: true });
    window.addEventListener('touchmove', move, { passive: true });
    window.addEventListener('touchend', up);
    return () => {
      window.removeEventListener('touchstart', down);
      window.removeEventListener('touchmove', move);
      window.removeEventListener('touchend', up);
    };
  }, []);

  if (offset === 0 && !refreshing) return null;
  return (
    <p class="pull-indicator" role="status" style={{ height: `${refreshing ? 40 : offset}px` }}>
      {t(refreshing ? 'feed.refreshing' : releaseRefreshes(offset) ? 'feed.releaseToRefresh' : 'feed.pullToRefresh')}
    </p>
  );
}
