import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import './Sheet.css';

interface SheetProps {
  open: boolean;
  title: ComponentChildren;
  onClose: () => void;
  children: ComponentChildren;
  /** Buttons pinned under the content (« Publier », « Annuler »). */
  footer?: ComponentChildren;
  /** What gets focus when the sheet opens (else the close button). */
  initialFocus?: { current: HTMLElement | null };
  class?: string;
}

/**
 * A modal sheet: rises from the bottom on a phone, centred on a wide screen, never wider than the
 * screen (its content wraps, it never scrolls sideways). Escape, the close button and a tap on the
 * backdrop close it.
 */
export function Sheet({ open, title, onClose, children, footer, initialFocus, class: extra }: SheetProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = `sheet-${useId()}`;
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      (initialFocus?.current ?? closeButton.current)?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);
  return (
    <dialog
      ref={dialog}
      class={`ui-sheet${extra ? ` ${extra}` : ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialog.current) onClose();
      }}
    >
      {open && (
        <div class="ui-sheet-frame">
          <header class="ui-sheet-head">
            <h2 id={titleId} class="ui-sheet-title">
              {title}
            </h2>
            <button type="button" ref={closeButton} class="ui-sheet-close" aria-label={t('ui.close')} onClick={onClose}>
              <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" fill="none" />
              </svg>
            </button>
          </header>
          <div class="ui-sheet-body">{children}</div>
          {footer && <footer class="ui-sheet-foot">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
