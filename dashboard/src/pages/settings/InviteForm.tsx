import { useState } from 'preact/hooks';
import { api, type Schemas } from '../../api.ts';
import { ROLES, type Role } from '../../format.ts';
import { useAction } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import { Button, errorFor, FormError, TextField } from '../../ui/index.ts';

/** Inviting someone by email with a role; the API mails them a link that works for 7 days. */
export function InviteForm({ onInvited }: { onInvited: (invitation: Schemas['Invitation']) => void }) {
  const scope = useRequiredScope();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const invite = useAction(() =>
    api.post<Schemas['Invitation']>('/v1/team/invitations', { scope, body: { email: email.trim(), role } }),
  );
  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const invitation = await invite.run();
          if (!invitation) return;
          setEmail('');
          onInvited(invitation);
        }}
      >
        <FormError error={invite.error} />
        <TextField
          label="Email"
          type="email"
          name="email"
          required
          autoComplete="off"
          value={email}
          onValue={setEmail}
          error={errorFor(invite.error, 'email')}
        />
        <fieldset class="fieldset">
          <legend>Role</legend>
          {ROLES.map((option) => (
            <div key={option.value} class="radio-card">
              <input
                id={`invite-role-${option.value}`}
                type="radio"
                name="invite-role"
                value={option.value}
                checked={role === option.value}
                aria-describedby={`invite-role-${option.value}-does`}
                onChange={() => setRole(option.value)}
              />
              <label for={`invite-role-${option.value}`}>{option.label}</label>
              <p id={`invite-role-${option.value}-does`} class="field-hint">
                {option.does}
              </p>
            </div>
          ))}
          {errorFor(invite.error, 'role') && <p class="field-error">{errorFor(invite.error, 'role')}</p>}
        </fieldset>
        <Button type="submit" variant="primary" busy={invite.pending}>
          Send invitation
        </Button>
      </form>
    </section>
  );
}
