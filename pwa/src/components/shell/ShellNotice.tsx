import { useEffect } from 'preact/hooks';

interface ShellNoticeProps {
  message: string | null;
  onDone: () => void;
}

/** A short message above the tab bar (post published, like failed), read out politely. */
export function ShellNotice({ message, onDone }: ShellNoticeProps) {
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(onDone, 5000);
    return () => clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div class="toast-slot" role="status" aria-live="polite">
      {message && <p class="toast">{message}</p>}
    </div>
  );
}
