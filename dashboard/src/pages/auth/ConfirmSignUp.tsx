import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api.ts';
import { useAction } from '../../hooks.ts';
import { AuthLayout } from '../../layout/AuthLayout.tsx';
import { scopedPath } from '../../scope.ts';
import { type Session, useSession } from '../../session.tsx';
import { ErrorState, Loading } from '../../ui/index.ts';

/**
 * `/dashboard/confirm?token=…`, the confirmation mail's link: confirms the address, which makes the
 * account and its first promoter, and signs the person in to it in test mode.
 */
export default function ConfirmSignUp() {
  const { query, route } = useLocation();
  const { signedIn } = useSession();
  const token = query.token ?? '';
  const confirm = useAction(() => api.post<Session>('/v1/signups/confirm', { body: { token } }));
  const started = useRef(false);

  useEffect(() => {
    // Once per link: a second POST of a used token would answer 410.
    if (!token || started.current) return;
    started.current = true;
    void confirm.run().then((session) => {
      const first = session?.memberships[0];
      if (!session || !first) return;
      signedIn(session);
      route(scopedPath({ promoterId: first.promoterId, mode: 'test' }), true);
    });
  }, [token, confirm, signedIn, route]);

  const footer = (
    <p>
      <a href="/dashboard/signup">Sign up again</a> · <a href="/dashboard/signin">Sign in</a>
    </p>
  );
  if (!token) {
    return (
      <AuthLayout title="Confirm your account" footer={footer}>
        <p>This address needs the token from your confirmation mail. Open the link in the mail again.</p>
      </AuthLayout>
    );
  }
  if (confirm.error) {
    const expired = confirm.error.code === 'account.token_expired' || confirm.error.param === 'token';
    return (
      <AuthLayout title={expired ? 'This link has expired' : 'Confirm your account'} footer={footer}>
        {expired ? (
          <p>
            Confirmation links work once, for 24 hours. If you already confirmed, sign in; otherwise sign up
            again for a new link.
          </p>
        ) : (
          <ErrorState error={confirm.error} />
        )}
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Confirming your account">
      <Loading label="Confirming your address and setting up your dashboard…" />
    </AuthLayout>
  );
}
