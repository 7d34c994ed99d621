import { useEffect, useState } from 'preact/hooks';

/** Seconds left before a rate-limited form may be sent again; 0 when it may. */
export function useRetryCountdown(): [number, (seconds: number | null) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      if (time >= until) setUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);

  const start = (seconds: number | null) => {
    const time = Date.now();
    setNow(time);
    setUntil(seconds ? time + seconds * 1000 : null);
  };
  const left = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  return [left, start];
}
