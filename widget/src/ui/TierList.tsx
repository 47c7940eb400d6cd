import { useEffect, useRef } from 'preact/hooks';
import type { WidgetTier } from '../api';
import { formatMoney, stockLabel } from '../format';
import { Stepper } from './Stepper';

interface Props {
  tiers: WidgetTier[];
  currency: string;
  quantities: Record<string, number>;
  preselected: string | null;
  onChange: (tier: WidgetTier, quantity: number) => void;
}

/** One row per tier (a group named "<tier> tickets"): name, price, stock and a stepper; a preselected tier is scrolled to. */
export function TierList({ tiers, currency, quantities, preselected, onChange }: Props) {
  const picked = useRef<HTMLLIElement>(null);
  useEffect(() => picked.current?.scrollIntoView({ block: 'nearest' }), []);
  return (
    <ul class="tiers">
      {tiers.map((t) => {
        const q = quantities[t.id] ?? 0;
        return (
          <li key={t.id} ref={t.slug === preselected ? picked : undefined}>
            {/* A named group per tier, so "Early bird tickets" holds its price, stock and stepper together. */}
            <fieldset class={q > 0 ? 'tier on' : 'tier'} aria-label={`${t.name} tickets`}>
              <div>
                <div class="name">{t.name}</div>
                <div class="sub">
                  {formatMoney(t.price, currency)} ·{' '}
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
