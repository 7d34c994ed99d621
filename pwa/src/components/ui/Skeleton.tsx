import './Skeleton.css';

interface SkeletonProps {
  shape?: 'line' | 'circle' | 'block';
  /** CSS length (« 60% », « 40px »); lines default to the full width. */
  width?: string;
  height?: string;
}

/** A grey placeholder shaped like what is coming (keeps the layout from jumping when it comes). */
export function Skeleton({ shape = 'line', width, height }: SkeletonProps) {
  return <span class={`ui-skeleton ui-skeleton-${shape}`} style={{ width, height }} aria-hidden="true" />;
}

/** A few lines of text, the last one shorter. */
export function SkeletonText({ lines = 3 }: { lines?: number }) {
  return (
    <span class="ui-skeleton-text" aria-hidden="true">
      {Array.from({ length: lines }, (_, index) => (
        <Skeleton key={index} width={index === lines - 1 ? '60%' : undefined} />
      ))}
    </span>
  );
}
