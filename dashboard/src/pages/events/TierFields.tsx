import type { ApiError } from '../../api.ts';
import { Button, errorFor, TextField } from '../../ui/index.ts';
import type { TierDraft } from './event-draft.ts';

/**
 * One tier of the event form: name, price in the event's currency, stock, the most per order and
 * its sales window on the venue's clock. Only a tier not yet saved can be removed: a saved one may
 * have buyers, so the API keeps it.
 */
export function TierFields({
  tier,
  index,
  currency,
  timeZone,
  error,
  onChange,
  onRemove,
}: {
  tier: TierDraft;
  index: number;
  currency: string;
  timeZone: string;
  error: ApiError | undefined;
  /** Changes this tier from what it is when the change lands (two quick edits both keep). */
  onChange: (update: (tier: TierDraft) => TierDraft) => void;
  onRemove: (() => void) | undefined;
}) {
  const param = (field: string) => errorFor(error, `tiers[${index}].${field}`);
  const legend = tier.name.trim() || `Tier ${index + 1}`;
  return (
    <fieldset class="fieldset tier-fields">
      <legend>{legend}</legend>
      <div class="grid">
        <TextField
          label="Name"
          value={tier.name}
          required
          maxLength={80}
          error={param('name')}
          onValue={(name) => onChange((current) => ({ ...current, name }))}
        />
        <TextField
          label={`Price (${currency.toUpperCase() || 'currency'})`}
          hint="0 for free tickets."
          inputMode="decimal"
          value={tier.price}
          required
          error={param('price')}
          onValue={(price) => onChange((current) => ({ ...current, price }))}
        />
        <TextField
          label="Tickets for sale"
          hint={tier.sold > 0 ? `${tier.sold} sold so far.` : undefined}
          inputMode="numeric"
          value={tier.stock}
          required
          error={param('stock')}
          onValue={(stock) => onChange((current) => ({ ...current, stock }))}
        />
        <TextField
          label="Most per order"
          inputMode="numeric"
          value={tier.maxPerOrder}
          required
          error={param('maxPerOrder')}
          onValue={(maxPerOrder) => onChange((current) => ({ ...current, maxPerOrder }))}
        />
        <TextField
          label="Sales start"
          hint={`Empty: when the event goes on sale. ${timeZone} time.`}
          type="datetime-local"
          value={tier.salesStart}
          error={param('salesStart')}
          onValue={(salesStart) => onChange((current) => ({ ...current, salesStart }))}
        />
        <TextField
          label="Sales end"
          hint={`Empty: on sale as long as the event is. ${timeZone} time.`}
          type="datetime-local"
          value={tier.salesEnd}
          error={param('salesEnd')}
          onValue={(salesEnd) => onChange((current) => ({ ...current, salesEnd }))}
        />
      </div>
      {errorFor(error, `tiers[${index}].id`) && (
        <p class="field-error">{errorFor(error, `tiers[${index}].id`)}</p>
      )}
      {onRemove && (
        <Button variant="ghost" onClick={onRemove}>
          Remove {legend}
        </Button>
      )}
    </fieldset>
  );
}
