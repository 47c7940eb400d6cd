import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { apiUrl } from './api.ts';

export interface UrlFilters<F extends Record<string, string>> {
  /** The filters in the address: what the list shows. */
  applied: F;
  /** The filters as the form holds them, until applied. */
  draft: F;
  /** A new draft, or a change to it as it is when the change lands. */
  setDraft: (draft: F | ((current: F) => F)) => void;
  page: number;
  /** Whether any filter is applied (the list's empty state and the Clear button say so). */
  filtered: boolean;
  /** Changes whenever `applied` does: a load's dependency. */
  key: string;
  apply: () => void;
  clear: () => void;
  toPage: (page: number) => void;
}

/**
 * A list's filters and page, kept in the address (`?status=paid&page=2`) so a filtered list can be
 * shared, bookmarked and reloaded. `empty` names every filter with its unset value.
 */
export function useUrlFilters<F extends Record<string, string>>(empty: F): UrlFilters<F> {
  const { path, query, route } = useLocation();
  const applied = Object.fromEntries(Object.keys(empty).map((name) => [name, query[name] ?? ''])) as F;
  const page = Number(query.page ?? 1) || 1;
  const [draft, setDraft] = useState<F>(applied);
  const go = (filters: F, toPage = 1) =>
    route(apiUrl(path, { ...filters, page: toPage > 1 ? toPage : undefined }), true);
  return {
    applied,
    draft,
    setDraft,
    page,
    filtered: Object.values(applied).some(Boolean),
    key: JSON.stringify(applied),
    apply: () => go(draft),
    clear: () => {
      setDraft(empty);
      go(empty);
    },
    toPage: (toPage) => go(applied, toPage),
  };
}
