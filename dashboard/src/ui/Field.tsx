import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { ApiError } from '../api.ts';

/**
 * The API's message for the field `param` names (`tiers[0].price`), so the error sits beside the
 * input it is about. Prefix match: `tiers[0]` also catches `tiers[0].price` when asked with `prefix`.
 */
export function errorFor(error: ApiError | undefined, param: string, prefix = false): string | undefined {
  if (!error?.param) return undefined;
  if (error.param !== param && !(prefix && error.param.startsWith(param))) return undefined;
  // Validation messages begin with the field's path (`tiers[0].price: must be…`), which reads as
  // noise beside the field itself.
  const named = `${error.param}: `;
  const message = error.message.startsWith(named) ? error.message.slice(named.length) : error.message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

interface FieldShellProps {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ComponentChildren;
}

/** Label, control, hint and error, tied together for screen readers (aria-describedby, aria-invalid). */
export function FieldShell({ label, hint, error, children }: FieldShellProps) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field-invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'onChange'> & {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  onValue?: (value: string) => void;
};

export function TextField({ label, hint, error, onValue, ...input }: InputProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          class="input"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(event) => onValue?.(event.currentTarget.value)}
          {...input}
        />
      )}
    </FieldShell>
  );
}

type SelectProps = Omit<JSX.SelectHTMLAttributes<HTMLSelectElement>, 'label' | 'onChange'> & {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly { value: string; label: string }[];
  onValue?: (value: string) => void;
};

export function SelectField({ label, hint, error, options, onValue, ...select }: SelectProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          class="input"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onValue?.(event.currentTarget.value)}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function Checkbox({
  label,
  checked,
  onValue,
  hint,
  ...input
}: Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'label' | 'onChange' | 'checked'> & {
  label: string;
  checked: boolean;
  hint?: string;
  onValue: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div class="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onValue(event.currentTarget.checked)}
        {...input}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * The error of a form as a whole, announced when it appears. Shown for every error, so a person
 * using a screen reader hears it even when it also sits beside a field.
 */
export function FormError({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <div class="alert alert-error" role="alert">
      {error.message}
    </div>
  );
}
