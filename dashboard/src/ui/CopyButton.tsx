import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

/** Copies `text` and says so in words (announced) for a few seconds. */
export function CopyButton({
  text,
  label = 'Copy',
  disabled = false,
}: {
  text: string;
  label?: string;
  /** While `text` is being replaced (a new choice loading), so the old one is not copied. */
  disabled?: boolean;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    setTimeout(() => setCopied(null), 3000);
  };
  return (
    <span class="copy">
      <button type="button" class="button button-secondary" onClick={copy} disabled={disabled}>
        {label}
      </button>
      <span class="copy-status" aria-live="polite">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select the text and copy it' : ''}
      </span>
    </span>
  );
}

/**
 * A secret shown once (a new key, a webhook signing secret), with a copy button and the warning;
 * `children` say how to use it. A group named by `label`, so it reads as one thing.
 */
export function SecretReveal({
  label,
  secret,
  children,
}: {
  label: string;
  secret: string;
  children?: ComponentChildren;
}) {
  const id = useId();
  return (
    <fieldset class="secret" aria-labelledby={id}>
      <legend id={id} class="secret-label">
        {label}
      </legend>
      <code class="secret-value">{secret}</code>
      <CopyButton text={secret} label={`Copy ${label.toLowerCase()}`} />
      <p class="field-hint">Copy it now: it is shown only once and cannot be shown again.</p>
      {children}
    </fieldset>
  );
}
