import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api.ts';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';
import { FormError } from './Field.tsx';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in words, before anything does. */
  children: ComponentChildren;
  /** The button that does it: "Revoke key", "Delete endpoint". */
  confirmLabel: string;
  /** Red for what cannot be undone. */
  danger?: boolean;
  pending?: boolean;
  error?: ApiError | undefined;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" for a change that cannot be undone: says what happens, then Cancel or do it. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  danger = false,
  pending = false,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      actions={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant={danger ? 'danger' : 'primary'} busy={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <FormError error={error} />
      {children}
    </Dialog>
  );
}
