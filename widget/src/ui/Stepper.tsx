interface Props {
  label: string;
  value: number;
  max: number;
  onChange: (n: number) => void;
}

/** − / quantity / + for one tier. Bounds use aria-disabled so a keyboard user's focus stays on the button. */
export function Stepper({ label, value, max, onChange }: Props) {
  const soldOut = max <= 0;
  const step = (d: number) => {
    const n = value + d;
    if (n >= 0 && n <= max) onChange(n);
  };
  return (
    <div class="stepper">
      <button
        type="button"
        aria-label={`Remove one ${label} ticket`}
        aria-disabled={value <= 0}
        disabled={soldOut}
        onClick={() => step(-1)}
      >
        −
      </button>
      <output aria-label={`${label} quantity`}>{value}</output>
      <button
        type="button"
        aria-label={`Add one ${label} ticket`}
        aria-disabled={value >= max}
        disabled={soldOut}
        onClick={() => step(1)}
      >
        +
      </button>
    </div>
  );
}
