import type { CheckoutSession } from '../api';
import { useFocusOnMount } from './hooks';

interface NoticeProps {
  title: string;
  children: string;
  busy?: boolean;
  action?: string | undefined;
  onAction?: () => void;
}

/** A step that is only a message, and perhaps one way on; its heading takes focus as it replaces the last step. */
export function Notice({ title, children, busy, action, onAction }: NoticeProps) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section class="notice" role={busy ? 'status' : undefined}>
      {busy && <span class="spin big" aria-hidden="true" />}
      <h3 tabIndex={-1} ref={heading}>
        {title}
      </h3>
      <p class="note">{children}</p>
      {action && (
        <button class="primary" type="button" onClick={onAction}>
          {action}
        </button>
      )}
    </section>
  );
}

/** The heading and sentence for a session whose seats went back; `paid` if a payment was under way. */
export function endedNotice(
  { status, paymentStatus }: Pick<CheckoutSession, 'status' | 'paymentStatus'>,
  paid: boolean,
): { title: string; text: string } {
  const cancelled = status === 'cancelled';
  const late = 'Your payment arrived after your tickets were released, so it';
  return {
    title: cancelled ? 'This checkout was cancelled' : 'Your hold expired',
    text:
      paymentStatus === 'refunded'
        ? `${late} has been refunded.`
        : paymentStatus === 'refund_pending'
          ? `${late} is being refunded.`
          : paid
            ? 'Your hold ended before the payment was confirmed. If you were charged, the payment is refunded automatically.'
            : cancelled
              ? 'Your tickets were released. You have not been charged.'
              : 'Your tickets were held for a limited time and have been released. You have not been charged.',
  };
}
