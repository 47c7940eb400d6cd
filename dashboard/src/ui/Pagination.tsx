import type { Schemas } from '../api.ts';

/** Previous and next for a page envelope's `pagination`. */
export function Pagination({
  pagination,
  onPage,
}: {
  pagination: Schemas['Pagination'];
  onPage: (page: number) => void;
}) {
  const { page, pages, total } = pagination;
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label="Pages">
      <button
        type="button"
        class="button button-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Previous
      </button>
      <span>
        Page {page} of {pages} ({total})
      </span>
      <button
        type="button"
        class="button button-secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
    </nav>
  );
}
