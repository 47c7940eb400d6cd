import type { ComponentChildren } from 'preact';
import { Button } from './Button.tsx';

/**
 * A list's filter form: its fields, then the button that applies them and, once any is applied,
 * one that clears them. Pairs with `useUrlFilters`.
 */
export function FilterBar({
  label,
  submitLabel = 'Apply filters',
  filtered,
  onApply,
  onClear,
  children,
}: {
  label: string;
  submitLabel?: string;
  filtered: boolean;
  onApply: () => void;
  onClear: () => void;
  children: ComponentChildren;
}) {
  return (
    <form
      class="filters"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      {children}
      <div class="filters-actions">
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
        {filtered && <Button onClick={onClear}>Clear</Button>}
      </div>
    </form>
  );
}
