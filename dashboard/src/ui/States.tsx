import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api.ts';

/** While a screen's data loads. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** An answer that could not be loaded, with the API's own sentence and a way to try again. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div class="alert alert-error" role="alert">
      <p>{error.message}</p>
      {error.requestId && <p class="muted small">Request {error.requestId}</p>}
      {onRetry && (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A list with nothing in it yet: what it will hold and how to start. */
export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty-title">{title}</p>
      {children}
    </div>
  );
}

/** A short success or information message, announced politely. */
export function Notice({
  children,
  tone = 'info',
}: {
  children: ComponentChildren;
  tone?: 'info' | 'success' | 'warning';
}) {
  return (
    <div class={`alert alert-${tone}`} role="status">
      {children}
    </div>
  );
}
