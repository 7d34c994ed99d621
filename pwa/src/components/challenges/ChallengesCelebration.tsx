import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../i18n';

const COLOURS = ['var(--gold)', 'var(--primary)', 'var(--success)', 'var(--bronze)', 'var(--silver)'];
const PIECES = 24;

interface Props {
  title: string;
  figure: string;
  onDone: () => void;
  /** Closes by itself after this many ms (0: stays until skipped). */
  lasts?: number;
}

/** A win's moment: the figure large, confetti (none when motion is reduced), skippable, gone by itself. */
export function ChallengesCelebration({ title, figure, onDone, lasts = 4000 }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
    const timer = lasts ? setTimeout(onDone, lasts) : null;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onDone();
    window.addEventListener('keydown', onKey);
    return () => {
      if (timer) clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <div class="board-celebration" role="dialog" aria-modal="true" aria-labelledby="celebration-title" data-testid="celebration"
      onClick={onDone}>
      <div class="board-celebration-card" onClick={(event) => event.stopPropagation()}>
        <div class="board-confetti" aria-hidden="true">
          {Array.from({ length: PIECES }, (_, i) => (
            <i key={i} style={{ left: `${(i * 37) % 100}%`, background: COLOURS[i % COLOURS.length], animationDelay: `${(i % 6) * 90}ms` }} />
          ))}
        </div>
        <p id="celebration-title">{title}</p>
        <strong>{figure}</strong>
        <button ref={button} type="button" class="button" onClick={onDone}>{t('challenges.celebrationSkip')}</button>
      </div>
    </div>
  );
}
