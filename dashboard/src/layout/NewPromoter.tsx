import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, type Schemas } from '../api.ts';
import { useAction } from '../hooks.ts';
import { type ScopeInfo, scopedPath } from '../scope.ts';
import { useSession } from '../session.tsx';
import { Button, Checkbox, Dialog, errorFor, FormError, TextField } from '../ui/index.ts';

/**
 * "New promoter" in the top bar, for an owner: another promoter with the person as its owner,
 * managed by this one (an agency's, whose admin keys act for it) if they choose.
 */
export function NewPromoter({ scope }: { scope: ScopeInfo }) {
  const { refresh } = useSession();
  const { route } = useLocation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [managed, setManaged] = useState(false);
  const create = useAction(() =>
    api.post<Schemas['Promoter']>('/v1/promoters', {
      // Naming this promoter makes the new one managed by it; naming none makes it independent.
      scope: managed ? scope : undefined,
      body: { name: name.trim() },
    }),
  );
  const close = () => {
    setOpen(false);
    setName('');
    setManaged(false);
    create.reset();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const promoter = await create.run();
    if (!promoter) return;
    await refresh();
    close();
    route(scopedPath({ promoterId: promoter.id, mode: 'test' }));
  };

  return (
    <>
      <Button variant="ghost" class="button-small" onClick={() => setOpen(true)}>
        New promoter
      </Button>
      <Dialog open={open} title="New promoter" onClose={close}>
        <form onSubmit={submit}>
          <FormError error={create.error} />
          <TextField
            label="Name"
            name="promoterName"
            required
            value={name}
            onValue={setName}
            hint="Another promoter, venue or label, as buyers see it. You are its owner."
            error={errorFor(create.error, 'name')}
          />
          <Checkbox
            label={`Managed by ${scope.membership.promoterName}`}
            hint={`${scope.membership.promoterName}'s admin keys can then act for it, as an agency's do.`}
            checked={managed}
            onValue={setManaged}
          />
          <div class="dialog-actions">
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="primary" busy={create.pending}>
              Create promoter
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
