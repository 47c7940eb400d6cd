import { useFocusOnMount } from './hooks';

interface NoticeProps {
  title: string;
  children: string;
  busy?: boolean;
  action?: string;
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
