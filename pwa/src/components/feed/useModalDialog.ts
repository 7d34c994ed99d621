import { useEffect, useRef } from 'preact/hooks';

/** A modal <dialog> shown while `open` (focus goes to `focus` when it opens). */
export function useModalDialog(open: boolean, focus?: { current: HTMLElement | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      focus?.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  return dialog;
}
