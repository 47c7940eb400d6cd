import type { JSX } from 'preact';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** While the action runs: disabled, and says so to screen readers. */
  busy?: boolean;
};

/** A button; `type="button"` unless it submits a form. */
export function Button({
  variant = 'secondary',
  busy = false,
  class: className,
  type,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      class={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({
  variant = 'secondary',
  class: className,
  ...rest
}: JSX.AnchorHTMLAttributes<HTMLAnchorElement> & { variant?: Variant }) {
  return <a class={['button', `button-${variant}`, className].filter(Boolean).join(' ')} {...rest} />;
}
