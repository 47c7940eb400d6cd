import { useRoute } from 'preact-iso';
import type { Mode, Scope } from './api.ts';
import { type Membership, useSession } from './session.tsx';

/** Permission names as the API's roles table spells them (server/src/access/roles.ts). */
export type Permission = Membership['permissions'][number];

export interface ScopeInfo extends Scope {
  membership: Membership;
  /** Whether the person's role here allows `permission`: what the navigation and buttons show. */
  can: (permission: Permission) => boolean;
  /** A dashboard path inside this promoter and mode: `href('/events')`. */
  href: (path: string) => string;
}

/** A dashboard URL for a promoter and mode. The mode is in the URL, so a screen shows one mode only. */
export function scopedPath(scope: Scope, path = '/events'): string {
  return `/dashboard/${encodeURIComponent(scope.promoterId)}/${scope.mode}${path}`;
}

export const isMode = (value: string | undefined): value is Mode => value === 'test' || value === 'live';

/**
 * The promoter and mode of the current screen (from its URL) with the person's membership there;
 * null when the URL names a promoter the person is not in, or no valid mode.
 */
export function useScope(): ScopeInfo | null {
  const { params } = useRoute();
  const { state } = useSession();
  if (state.status !== 'signed-in') return null;
  const promoterId = params.promoterId;
  const mode = params.mode;
  const membership = state.session.memberships.find((m) => m.promoterId === promoterId);
  if (!membership || !isMode(mode) || !promoterId) return null;
  const scope = { promoterId, mode };
  return {
    ...scope,
    membership,
    can: (permission) => membership.permissions.includes(permission),
    href: (path) => scopedPath(scope, path),
  };
}

/** The scope of a screen inside the shell, which renders only when there is one. */
export function useRequiredScope(): ScopeInfo {
  const scope = useScope();
  if (!scope) throw new Error('useRequiredScope() outside a scoped dashboard route');
  return scope;
}
