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

/** A heading for the answers a person should read differently from "something broke". */
function titleOf(error: ApiError): string | undefined {
  if (error.code === 'auth.forbidden') return 'Not available to your role';
  if (error.code === 'auth.live_mode_unavailable') return 'Live mode is not available here';
  if (error.status === 404) return 'Not found';
  if (error.status === 0) return "Couldn't connect";
  return undefined;
}

/**
 * An answer that could not be loaded, with the API's own sentence and a way to try again (not for
 * a refusal, which trying again does not change).
 */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const title = titleOf(error);
  const refused = error.status === 403 || error.status === 404;
  return (
    <div class="alert alert-error" role="alert">
      {title && <p class="alert-title">{title}</p>}
      <p>{error.message}</p>
      {error.code === 'auth.forbidden' && (
        <p>Ask an owner of this promoter if you need it; they can change your role under Team.</p>
      )}
      {error.requestId && <p class="muted small">Request {error.requestId}</p>}
      {onRetry && !refused && (
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
