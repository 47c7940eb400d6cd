import { useSession } from '../session.tsx';
import { EmptyState, PageHeader } from '../ui/index.ts';

/** Any address the dashboard has no page for. */
export default function NotFound() {
  const { state } = useSession();
  const signedIn = state.status === 'signed-in';
  return (
    <main id="main" class="main narrow">
      <p class="auth-brand">
        <a href="/dashboard">EntryRate</a>
      </p>
      <PageHeader title="Page not found" />
      <EmptyState title="There is no dashboard page at this address.">
        <p>The link may be old, or a part of it missing.</p>
        <a class="button button-primary" href={signedIn ? '/dashboard' : '/dashboard/signin'}>
          {signedIn ? 'Go to your dashboard' : 'Sign in'}
        </a>
      </EmptyState>
    </main>
  );
}
