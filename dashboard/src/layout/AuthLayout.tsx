import type { ComponentChildren } from 'preact';
import { PageHeader } from '../ui/index.ts';

/**
 * The pages before the dashboard (sign in, sign up, a mail's link): the brand, one card with the
 * page's heading and form, and the links to the other ways in below it.
 */
export function AuthLayout({
  title,
  children,
  footer,
}: {
  title: string;
  children: ComponentChildren;
  footer?: ComponentChildren;
}) {
  return (
    <main id="main" class="auth">
      <p class="auth-brand">
        <a href="/dashboard">EntryRate</a>
      </p>
      <div class="card auth-card">
        <PageHeader title={title} />
        {children}
      </div>
      {footer && <div class="auth-footer">{footer}</div>}
    </main>
  );
}

/**
 * Where to go after signing in: the page the person was sent away from, if it is a dashboard page
 * (never another site, so the link cannot be used to send people elsewhere).
 */
export function safeNext(next: string | undefined): string {
  return next?.startsWith('/dashboard/') && !next.startsWith('//') && !next.includes('\\')
    ? next
    : '/dashboard';
}
