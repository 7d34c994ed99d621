import { linkClick } from '../../router';

interface LeverStatProps {
  label: string;
  value: string;
  hint?: string;
  href?: string;
  testId?: string;
  tone?: 'ok' | 'warn' | null;
}

/** One figure; with `href` it opens the detail behind it. */
export function LeverStat({ label, value, hint, href, testId, tone = null }: LeverStatProps) {
  const body = (
    <>
      <span class="lever-stat-value" data-testid={testId}>
        {value}
      </span>
      <span class="lever-stat-label">{label}</span>
      {hint ? <span class="lever-stat-hint">{hint}</span> : null}
    </>
  );
  const className = `lever-stat${tone ? ` lever-stat-${tone}` : ''}`;
  return href ? (
    <a class={className} href={href} onClick={linkClick}>
      {body}
    </a>
  ) : (
    <div class={className}>{body}</div>
  );
}
