import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { type ApiError, api, type Schemas } from '../../api.ts';
import { formatDate, ROLES, type Role, roleLabel } from '../../format.ts';
import { toApiError, useAction, useResource } from '../../hooks.ts';
import { useRequiredScope } from '../../scope.ts';
import { useSession } from '../../session.tsx';
import {
  Button,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  FormError,
  Loading,
  Notice,
  PageHeader,
  Table,
  TimeAgo,
} from '../../ui/index.ts';
import { InviteForm } from './InviteForm.tsx';

type Member = Schemas['Member'];

/**
 * Settings → Team: who is in this promoter's team with which role (changed here, or removed), the
 * invitations still open, and inviting someone by email. The API keeps at least one owner.
 */
export default function Team() {
  const scope = useRequiredScope();
  const { state, refresh } = useSession();
  const { route } = useLocation();
  const me = state.status === 'signed-in' ? state.session.person.id : null;
  const team = useResource(
    () => api.get<Schemas['Team']>('/v1/team', { scope }),
    [scope.promoterId, scope.mode],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ personId: string; error: ApiError } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const changeRole = async (member: Member, role: Role) => {
    setRowError(null);
    setNotice(null);
    try {
      await api.patch<Member>(`/v1/team/members/${member.personId}`, { scope, body: { role } });
      setNotice(`${member.name} is now ${roleLabel(role).toLowerCase()}.`);
      // A change of one's own role changes what the dashboard shows.
      if (member.personId === me) await refresh();
    } catch (error) {
      setRowError({ personId: member.personId, error: toApiError(error) });
    }
    team.reload();
  };

  const remove = useAction((member: Member) =>
    api.delete<Member>(`/v1/team/members/${member.personId}`, { scope }),
  );
  const revoke = useAction((invitation: Schemas['Invitation']) =>
    api.delete<Schemas['Invitation']>(`/v1/team/invitations/${invitation.id}`, { scope }),
  );

  return (
    <>
      <PageHeader title="Team" />
      <p class="lead">
        Everyone who works on {scope.membership.promoterName}'s events, and what their role lets them do.
        Roles apply in test and live mode alike.
      </p>
      {notice && <Notice tone="success">{notice}</Notice>}
      {team.error && <ErrorState error={team.error} onRetry={team.reload} />}
      {!team.data && !team.error && <Loading />}
      {team.data && (
        <>
          <Table caption="Members" showCaption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col" class="hide-narrow">
                  Joined
                </th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {team.data.members.map((member) => {
                const error = rowError?.personId === member.personId ? rowError.error : undefined;
                const errorId = `member-error-${member.personId}`;
                return (
                  <tr key={member.personId}>
                    <th scope="row">
                      {member.name}
                      {member.personId === me && <span class="muted"> (you)</span>}
                    </th>
                    <td>{member.email}</td>
                    <td>
                      <select
                        class="input input-inline"
                        aria-label={`Role of ${member.name}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? errorId : undefined}
                        value={member.role}
                        onChange={(event) => void changeRole(member, event.currentTarget.value as Role)}
                      >
                        {ROLES.map((role) => (
                          <option key={role.value} value={role.value}>
                            {role.label}
                          </option>
                        ))}
                      </select>
                      {error && (
                        <p id={errorId} class="field-error" role="alert">
                          {error.message}
                        </p>
                      )}
                    </td>
                    <td class="hide-narrow">{formatDate(member.joinedAt)}</td>
                    <td class="actions">
                      <Button
                        variant="ghost"
                        class="button-small"
                        aria-label={`Remove ${member.name}`}
                        onClick={() => {
                          remove.reset();
                          setRemoving(member);
                        }}
                      >
                        Remove
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>

          <h2>Pending invitations</h2>
          <FormError error={revoke.error} />
          {team.data.invitations.length === 0 ? (
            <EmptyState title="No open invitations">
              <p>People you invite show here until they accept.</p>
            </EmptyState>
          ) : (
            <Table caption="Pending invitations">
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col" class="hide-narrow">
                    Sent
                  </th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {team.data.invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">{invitation.email}</th>
                    <td>{roleLabel(invitation.role)}</td>
                    <td class="hide-narrow">
                      <TimeAgo iso={invitation.createdAt} />
                    </td>
                    <td>
                      <TimeAgo iso={invitation.expiresAt} />
                    </td>
                    <td class="actions">
                      <Button
                        variant="ghost"
                        class="button-small"
                        aria-label={`Revoke the invitation to ${invitation.email}`}
                        disabled={revoke.pending}
                        onClick={async () => {
                          if (!(await revoke.run(invitation))) return;
                          setNotice(
                            `The invitation to ${invitation.email} is revoked; its link no longer works.`,
                          );
                          team.reload();
                        }}
                      >
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}

          <InviteForm
            onInvited={(invitation) => {
              setNotice(`Invitation sent to ${invitation.email}. The link in it works for 7 days.`);
              team.reload();
            }}
          />
        </>
      )}

      <ConfirmDialog
        open={removing !== null}
        title={removing?.personId === me ? 'Leave this team?' : `Remove ${removing?.name ?? ''}?`}
        confirmLabel={removing?.personId === me ? 'Leave team' : 'Remove'}
        danger
        pending={remove.pending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing || !(await remove.run(removing))) return;
          const left = removing.personId === me;
          setNotice(`${removing.name} is no longer in the team.`);
          setRemoving(null);
          if (left) {
            await refresh();
            route('/dashboard');
          } else team.reload();
        }}
      >
        <p>
          {removing?.personId === me
            ? `You lose access to ${scope.membership.promoterName} at once.`
            : `${removing?.name ?? ''} (${removing?.email ?? ''}) loses access to ${scope.membership.promoterName} at once.`}{' '}
          Their past work stays.
        </p>
      </ConfirmDialog>
    </>
  );
}
