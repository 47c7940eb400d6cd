import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api.ts';
import { useAction } from '../../hooks.ts';
import { AuthLayout, safeNext } from '../../layout/AuthLayout.tsx';
import { Redirect } from '../../layout/Redirect.tsx';
import { type Session, useSession } from '../../session.tsx';
import { Button, errorFor, FormError, Notice, TextField } from '../../ui/index.ts';

/** `/dashboard/signin?next=…`: email and password, then back to the page the person came from. */
export default function SignIn() {
  const { state, signedIn } = useSession();
  const { query } = useLocation();
  const next = safeNext(query.next);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useAction(() => api.post<Session>('/v1/sessions', { body: { email, password } }));

  if (state.status === 'signed-in') return <Redirect href={next} />;
  const reason = state.status === 'signed-out' ? state.reason : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    const session = await signIn.run();
    // Signed in, the page redirects to `next`.
    if (session) signedIn(session);
  };

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          <p>
            New to EntryRate? <a href="/dashboard/signup">Create an account</a>
          </p>
          <p>
            <a href="/dashboard/reset">Forgot your password?</a>
          </p>
        </>
      }
    >
      {reason && !signIn.error && <Notice tone="warning">{reason}</Notice>}
      <form onSubmit={submit}>
        <FormError error={signIn.error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
          error={errorFor(signIn.error, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={errorFor(signIn.error, 'password')}
        />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={signIn.pending} class="button-wide">
            Sign in
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
