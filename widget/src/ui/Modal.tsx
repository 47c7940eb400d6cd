import { useEffect, useRef, useState } from 'preact/hooks';
import type { WidgetEvent } from '../api';
import type { FlowState } from '../flow/machine';
import { formatMoney } from '../format';
import { Checkout } from './Checkout';
import type { Surface } from './surface';

interface Props {
  surface: Surface;
  state: FlowState;
  data: WidgetEvent;
  cls: string;
}

/** Keeps Tab and Shift+Tab among the dialog's own controls (the Payment Element's frame sits between them). */
function trapTab(e: KeyboardEvent) {
  if (e.key !== 'Tab') return;
  const dialog = e.currentTarget as HTMLDialogElement;
  const controls = dialog.querySelectorAll<HTMLElement>('button:not([disabled]),input,a[href]');
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (active === (e.shiftKey ? first : last)) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}

/**
 * Modal mode: "Get tickets · from £12.00" in place of the checkout, which opens in a modal <dialog>
 * in the same shadow root, so the light-DOM Payment Element node still reaches it through the slot.
 * Closing it (Close, Escape) releases an unpaid hold and gives focus back to the button.
 */
export function Modal({ surface, state, data, cls }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  // A reload that finds a checkout under way opens straight back into it.
  const [open, setOpen] = useState(state.step.at !== 'select');
  const prices = data.tiers.filter((t) => t.available > 0).map((t) => t.price);
  const lowest = Math.min(...prices);

  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    // The page must not scroll behind the dialog.
    const root = document.documentElement.style;
    const overflow = [root.getPropertyValue('overflow'), root.getPropertyPriority('overflow')] as const;
    root.setProperty('overflow', 'hidden', 'important');
    d.showModal();
    return () => {
      root.setProperty('overflow', ...overflow);
      d.close();
      opener.current?.focus();
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    surface.flow.send({ type: 'close' });
  };

  // Stripe shows 3-D Secure in a frame on the page, which a modal dialog (top layer, the rest of the
  // page inert) would cover; while a payment is confirmed the dialog is shown non-modal instead.
  // Focus goes back to where it was (the Pay button), not to the dialog's first control.
  const focused = useRef<HTMLElement | null>(null);
  const aside = (on: boolean) => {
    const d = dialog.current;
    if (!d?.open) return;
    if (on) focused.current = (d.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
    d.close();
    if (on) d.show();
    else d.showModal();
    focused.current?.focus();
  };

  return (
    <div class={`${cls} bare`}>
      <button
        ref={opener}
        class="primary open"
        type="button"
        disabled={!prices.length}
        onClick={() => setOpen(true)}
      >
        {/* A free tier makes "from" meaningless. */}
        {prices.length
          ? `Get tickets${lowest ? ` · from ${formatMoney(lowest, data.event.currency)}` : ''}`
          : 'Sold out'}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="er-title"
        onKeyDown={trapTab}
        onCancel={(e) => {
          e.preventDefault();
          close();
        }}
        // Closed some other way (not by us, not while stepping aside): the same as Close.
        onClose={() => {
          if (open && dialog.current && !dialog.current.open) close();
        }}
      >
        <button class="x" type="button" aria-label="Close" onClick={close}>
          ×
        </button>
        {open && <Checkout surface={{ ...surface, aside }} state={state} data={data} cls={cls} />}
      </dialog>
    </div>
  );
}
