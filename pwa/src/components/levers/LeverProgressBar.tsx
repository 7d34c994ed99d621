import { share } from '../../lib/levers';

interface LeverProgressBarProps {
  done: number;
  total: number;
  label: string;
}

/** A thin bar with its share for screen readers. */
export function LeverProgressBar({ done, total, label }: LeverProgressBarProps) {
  const value = Math.round(share(done, total) * 100);
  return (
    <div class="lever-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <span class="lever-bar-fill" style={{ width: `${value}%` }} />
    </div>
  );
}
