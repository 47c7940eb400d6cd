import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api.ts';
import { useAction } from '../../hooks.ts';
import { AuthLayout } from '../../layout/AuthLayout.tsx';
import { Button, errorFor, FormError, TextField } from '../../ui/index.ts';

type SignupCreate = Schemas['SignupCreate'];

/**
 * `/dashboard/signup`: a person and their first promoter. The API mails a confirmation link and
 * answers the same whether or not the address has an account, so the page always says "check
 * your inbox".
 */
export default function SignUp() {
  const [form, setForm] = useState<SignupCreate>({ name: '', email: '', password: '', promoterName: '' });
  const signUp = useAction(() => api.post<Schemas['SignupPending']>('/v1/signups', { body: form }));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const set = (field: keyof SignupCreate) => (value: string) =>
    setForm((form) => ({ ...form, [field]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    const pending = await signUp.run();
    if (pending) setSentTo(pending.email);
  };

  if (sentTo) {
    return (
      <AuthLayout
        title="Check your inbox"
        footer={
          <p>
            Already confirmed? <a href="/dashboard/signin">Sign in</a>
          </p>
        }
      >
        <p>
          We sent a link to <strong>{sentTo}</strong>. Open it within 24 hours to confirm your address; it
          signs you in to your new dashboard.
        </p>
        <p class="muted">
          Nothing there after a few minutes? Look in your spam folder, or{' '}
          <button type="button" class="link-button" onClick={() => setSentTo(null)}>
            sign up again
          </button>{' '}
          with the right address.
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Create your account"
      footer={
        <p>
          Have an account? <a href="/dashboard/signin">Sign in</a>
        </p>
      }
    >
      <form onSubmit={submit}>
        <FormError error={signUp.error} />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          value={form.name}
          onValue={set('name')}
          hint="As your team sees it."
          error={errorFor(signUp.error, 'name')}
        />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={form.email}
          onValue={set('email')}
          error={errorFor(signUp.error, 'email')}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="new-password"
          required
          value={form.password}
          onValue={set('password')}
          hint="At least 12 characters. A few unrelated words make a strong one."
          error={errorFor(signUp.error, 'password')}
        />
        <TextField
          label="Promoter name"
          name="promoterName"
          autoComplete="organization"
          required
          value={form.promoterName}
          onValue={set('promoterName')}
          hint="Your promoter, venue or label, as buyers see it. You can add more later."
          error={errorFor(signUp.error, 'promoterName')}
        />
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={signUp.pending} class="button-wide">
            Create account
          </Button>
        </div>
      </form>
    </AuthLayout>
  );
}
