import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** The buttons along the bottom. */
  actions?: ComponentChildren;
}

/**
 * A modal dialog on the native <dialog>: the browser traps focus, Escape closes it, and focus goes
 * back to what opened it. `onClose` hears the person closing it (Escape, a button that calls it),
 * once, not the close that follows `open` turning false.
 */
export function Dialog({ open, title, onClose, children, actions }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const isOpen = useRef(open);
  isOpen.current = open;
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onClose={() => {
        if (isOpen.current) onClose();
      }}
    >
      <h2 id={titleId} class="dialog-title">
        {title}
      </h2>
      <div class="dialog-body">{children}</div>
      {actions && <div class="dialog-actions">{actions}</div>}
    </dialog>
  );
}
