import type { WidgetTier } from '../api';
import { formatPrice, stockLabel } from '../format';
import { Stepper } from './Stepper';

interface Props {
  tiers: WidgetTier[];
  currency: string;
  quantities: Record<string, number>;
  onChange: (tier: WidgetTier, quantity: number) => void;
}

/** One row per tier (a group named "<tier> tickets"): name, price, stock and a stepper. */
export function TierList({ tiers, currency, quantities, onChange }: Props) {
  return (
    <ul class="tiers">
      {tiers.map((t) => {
        const q = quantities[t.id] ?? 0;
        return (
          <li key={t.id}>
            {/* A named group per tier, so "Early bird tickets" holds its price, stock and stepper together. */}
            <fieldset class={q > 0 ? 'tier on' : 'tier'} aria-label={`${t.name} tickets`}>
              <div>
                <bdi class="name">{t.name}</bdi>
                <div class="sub">
                  {formatPrice(t.price, currency)} ·{' '}
                  <span class={t.available <= 10 ? 'low' : ''}>{stockLabel(t.available)}</span>
                </div>
              </div>
              <Stepper
                label={t.name}
                value={q}
                max={Math.min(t.available, t.maxPerOrder)}
                onChange={(n) => onChange(t, n)}
              />
            </fieldset>
          </li>
        );
      })}
    </ul>
  );
}
