import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type Schemas } from '../../api.ts';
import { useAction } from '../../hooks.ts';
import { AuthLayout } from '../../layout/AuthLayout.tsx';
import { useSession } from '../../session.tsx';
import { Button, errorFor, FormError, Notice, TextField } from '../../ui/index.ts';

const footer = (
  <p>
    Remembered it? <a href="/dashboard/signin">Sign in</a>
  </p>
);

/**
 * `/dashboard/reset`: asks for a reset link by email; with the mail's `?token=…`, sets a new
 * password (which ends every session of that person, this browser's included).
 */
export default function ResetPassword() {
  const { query } = useLocation();
  return query.token ? <ChooseNewPassword token={query.token} /> : <AskForLink />;
}

function AskForLink() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const ask = useAction(() =>
    api.post<Schemas['PasswordResetSent']>('/v1/password-resets', { body: { email } }),
  );

  const submit = async (event: Event) => {
    event.preventDefault();
    if (await ask.run()) setSentTo(email);
  };

  if (sentTo) {
    return (
      <AuthLayout title="Check your inbox" footer={footer}>
        <p>
          If <strong>{sentTo}</strong> has an EntryRate account, a link to choose a new password is on its
          way. It works once, within an hour.
        </p>
        <p class="muted">No mail after a few minutes? Look in your spam folder, or ask again.</p>
        <Button onClick={() => setSentTo(null)}>Ask again</Button>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Reset your password" footer={footer}>
      <p>Give the email you sign in with, and we'll mail you a link to choose a new password.</p>
      <form onSubmit={submit}>
        <FormError error={ask.error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
          error={errorFor(ask.error, 'email')}
        />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={ask.pending} class="button-wide">
            Send the link
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}

function ChooseNewPassword({ token }: { token: string }) {
  const { refresh } = useSession();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const reset = useAction(async () => {
    await api.post('/v1/password-resets/confirm', { body: { token, password } });
    return true;
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!(await reset.run())) return;
    setDone(true);
    // Every session ended with the old password: this browser learns it is signed out.
    await refresh();
  };

  if (done) {
    return (
      <AuthLayout title="Password changed">
        <Notice tone="success">
          Your new password is set. Every device signed in with the old one is signed out.
        </Notice>
        <a class="button button-primary button-wide" href="/dashboard/signin">
          Sign in
        </a>
      </AuthLayout>
    );
  }
  const expired = reset.error?.code === 'account.token_expired';
  return (
    <AuthLayout title="Choose a new password" footer={footer}>
      {expired ? (
        <div class="alert alert-error" role="alert">
          <p>This link has expired or was already used. Links work once, within an hour.</p>
          <p>
            <a href="/dashboard/reset">Ask for a new link</a>
          </p>
        </div>
      ) : (
        <FormError error={reset.error} />
      )}
      <form onSubmit={submit}>
        <TextField
          label="New password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={password}
          onValue={setPassword}
          hint="At least 12 characters. A few unrelated words make a strong one."
          error={errorFor(reset.error, 'password')}
        />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={reset.pending} class="button-wide">
            Set the new password
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
