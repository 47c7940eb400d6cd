import { EmptyState, PageHeader } from '../ui/index.ts';

export default function NotFound() {
  return (
    <main id="main" class="main narrow">
      <PageHeader title="Page not found" />
      <EmptyState title="There is no dashboard page at this address.">
        <a href="/dashboard">Go to your dashboard</a>
      </EmptyState>
    </main>
  );
}
