import { useState } from 'preact/hooks';

/** Copies `text` and says so in words (announced) for a few seconds. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
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
      <button type="button" class="button button-secondary" onClick={copy}>
        {label}
      </button>
      <span class="copy-status" aria-live="polite">
        {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Select the text and copy it' : ''}
      </span>
    </span>
  );
}

/** A secret shown once (a new key, a webhook signing secret), with a copy button and the warning. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  return (
    <div class="secret">
      <p class="secret-label">{label}</p>
      <code class="secret-value">{secret}</code>
      <CopyButton text={secret} />
      <p class="field-hint">Copy it now: it is shown only once. EntryRate keeps only a hash of it.</p>
    </div>
  );
}
