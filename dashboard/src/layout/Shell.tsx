import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { type Permission, type ScopeInfo, scopedPath, useScope } from '../scope.ts';
import { useSession } from '../session.tsx';
import { EmptyState } from '../ui/index.ts';
import { NewPromoter } from './NewPromoter.tsx';

const NAV: { path: string; label: string; permission: Permission }[] = [
  { path: '/events', label: 'Events', permission: 'events.read' },
  { path: '/orders', label: 'Orders', permission: 'orders.read' },
  { path: '/settings/keys', label: 'API keys', permission: 'keys.manage' },
  { path: '/settings/webhooks', label: 'Webhooks', permission: 'webhooks.manage' },
  { path: '/settings/payouts', label: 'Payouts', permission: 'payouts.read' },
  { path: '/settings/team', label: 'Team', permission: 'team.manage' },
];

/**
 * Every signed-in screen: the top bar (promoter switcher, the test-mode switch that is always
 * there, sign out), the test-mode banner, the navigation the person's role allows, and the page.
 */
export function Shell({ children }: { children: ComponentChildren }) {
  const scope = useScope();
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  if (!scope) {
    return (
      <main id="main" class="main narrow">
        <EmptyState title="This page is not in any promoter you belong to.">
          <a href="/dashboard">Go to your dashboard</a>
        </EmptyState>
      </main>
    );
  }
  return (
    <div class={`shell mode-${scope.mode}`}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar scope={scope} />
      {scope.mode === 'test' && (
        <div class="test-banner" role="note">
          Test mode: you are looking at test data. Test payments use test cards and move no money.
        </div>
      )}
      <div class="shell-body">
        <Nav scope={scope} />
        <main id="main" class="main">
          {children}
        </main>
      </div>
    </div>
  );
}

function TopBar({ scope }: { scope: ScopeInfo }) {
  const { state, signOut } = useSession();
  const { path, route } = useLocation();
  if (state.status !== 'signed-in') return null;
  const { person, memberships } = state.session;
  // The part of the path after /dashboard/:promoter/:mode, kept when switching mode.
  const rest = path.split('/').slice(4).join('/');
  const otherMode = scope.mode === 'test' ? 'live' : 'test';
  return (
    <header class="topbar">
      <div class="topbar-scope">
        <a class="brand" href={scope.href('/events')}>
          EntryRate
        </a>
        {memberships.length > 1 ? (
          <label class="promoter-switch">
            <span class="visually-hidden">Promoter</span>
            <select
              class="input"
              value={scope.promoterId}
              onChange={(event) =>
                route(scopedPath({ promoterId: event.currentTarget.value, mode: scope.mode }))
              }
            >
              {memberships.map((m) => (
                <option key={m.promoterId} value={m.promoterId}>
                  {m.promoterName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span class="promoter-name">{scope.membership.promoterName}</span>
        )}
        {scope.can('promoters.manage') && <NewPromoter scope={scope} />}
      </div>
      <div class="topbar-controls">
        <button
          type="button"
          role="switch"
          class="mode-switch"
          aria-checked={scope.mode === 'test'}
          onClick={() => route(scopedPath({ promoterId: scope.promoterId, mode: otherMode }, `/${rest}`))}
        >
          <span class="mode-switch-track" aria-hidden="true" />
          Test mode
        </button>
        <span class="topbar-person">
          <span class="muted">{person.email}</span>
          <button
            type="button"
            class="button button-ghost"
            onClick={() => signOut().then(() => route('/dashboard/signin'))}
          >
            Sign out
          </button>
        </span>
      </div>
    </header>
  );
}

function Nav({ scope }: { scope: ScopeInfo }) {
  const { path } = useLocation();
  return (
    <nav class="nav" aria-label="Dashboard">
      <ul>
        {NAV.filter((item) => scope.can(item.permission)).map((item) => {
          const href = scope.href(item.path);
          const current = path === href || path.startsWith(`${href}/`);
          return (
            <li key={item.path}>
              <a href={href} aria-current={current ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
