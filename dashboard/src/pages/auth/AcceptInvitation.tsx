import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type Schemas } from '../../api.ts';
import { ROLES, roleLabel } from '../../format.ts';
import { useAction, useResource } from '../../hooks.ts';
import { AuthLayout } from '../../layout/AuthLayout.tsx';
import { scopedPath } from '../../scope.ts';
import { type Session, useSession } from '../../session.tsx';
import { Button, ErrorState, errorFor, FormError, Loading, TextField } from '../../ui/index.ts';

type Preview = Schemas['InvitationPreview'];

/**
 * `/dashboard/invite?token=…`, the invitation mail's link: who invites, to which role. A new person
 * chooses a name and password; someone with an account signs in first; then they join.
 */
export default function AcceptInvitation() {
  const { query } = useLocation();
  const token = query.token ?? '';
  const preview = useResource(
    () => api.get<Preview>(`/v1/invitations/${encodeURIComponent(token)}`),
    [token],
  );

  if (!token) {
    return (
      <AuthLayout title="Join a team">
        <p>This address needs the token from your invitation mail. Open the link in the mail again.</p>
      </AuthLayout>
    );
  }
  if (preview.error) {
    const expired = preview.error.code === 'invitation.expired' || preview.error.param === 'token';
    return (
      <AuthLayout
        title={expired ? 'This invitation has expired' : 'Join a team'}
        footer={
          <p>
            <a href="/dashboard/signin">Sign in</a>
          </p>
        }
      >
        {expired ? (
          <p>
            Invitations work once, for 7 days, and the team may have revoked it. Ask the person who invited
            you to send a new one.
          </p>
        ) : (
          <ErrorState error={preview.error} onRetry={preview.reload} />
        )}
      </AuthLayout>
    );
  }
  if (!preview.data) {
    return (
      <AuthLayout title="Join a team">
        <Loading />
      </AuthLayout>
    );
  }
  return <Invitation token={token} invitation={preview.data} />;
}

function Invitation({ token, invitation }: { token: string; invitation: Preview }) {
  const { state, signedIn, signOut } = useSession();
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const signedInAs = state.status === 'signed-in' ? state.session.person.email : null;
  const isInvitee = signedInAs?.toLowerCase() === invitation.email.toLowerCase();

  const accept = useAction(async () => {
    if (!signedInAs && invitation.hasAccount) {
      signedIn(await api.post<Session>('/v1/sessions', { body: { email: invitation.email, password } }));
    }
    const body = !signedInAs && !invitation.hasAccount ? { name, password } : {};
    return api.post<Session>(`/v1/invitations/${encodeURIComponent(token)}/accept`, { body });
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    const session = await accept.run();
    if (!session) return;
    signedIn(session);
    const joined = [...session.memberships].reverse().find((m) => m.promoterName === invitation.promoterName);
    route(joined ? scopedPath({ promoterId: joined.promoterId, mode: 'test' }) : '/dashboard', true);
  };

  const role = ROLES.find((r) => r.value === invitation.role);
  const title = `Join ${invitation.promoterName}`;
  const offer = (
    <p>
      You're invited to join <strong>{invitation.promoterName}</strong> on EntryRate as{' '}
      <strong>{roleLabel(invitation.role)}</strong>
      {role ? `: ${role.does.charAt(0).toLowerCase()}${role.does.slice(1)}` : '.'}
    </p>
  );

  if (signedInAs && !isInvitee) {
    return (
      <AuthLayout title={title}>
        {offer}
        <div class="alert alert-warning" role="status">
          <p>
            This invitation is for <strong>{invitation.email}</strong>, but you are signed in as{' '}
            <strong>{signedInAs}</strong>.
          </p>
        </div>
        <Button variant="primary" onClick={() => void signOut()}>
          Sign out, then accept as {invitation.email}
        </Button>
      </AuthLayout>
    );
  }

  const newPerson = !signedInAs && !invitation.hasAccount;
  return (
    <AuthLayout title={title}>
      {offer}
      <form onSubmit={submit}>
        <FormError error={accept.error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={invitation.email}
          readOnly
        />
        {newPerson && (
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            required
            value={name}
            onValue={setName}
            hint="As your team sees it."
            error={errorFor(accept.error, 'name')}
          />
        )}
        {!signedInAs && (
          <TextField
            label={newPerson ? 'Choose a password' : 'Password'}
            type="password"
            name="password"
            autoComplete={newPerson ? 'new-password' : 'current-password'}
            required
            value={password}
            onValue={setPassword}
            hint={
              newPerson
                ? 'At least 12 characters. A few unrelated words make a strong one.'
                : 'You have an EntryRate account: sign in to join.'
            }
            error={errorFor(accept.error, 'password')}
          />
        )}
        <div class="form-actions">
          <Button type="submit" variant="primary" busy={accept.pending} class="button-wide">
            {signedInAs
              ? `Join ${invitation.promoterName}`
              : newPerson
                ? 'Create account and join'
                : 'Sign in and join'}
          </Button>
        </div>
      </form>
      {!signedInAs && invitation.hasAccount && (
        <p class="small">
          <a href="/dashboard/reset">Forgot your password?</a>
        </p>
      )}
    </AuthLayout>
  );
}
