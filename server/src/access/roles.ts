/**
 * Who may do what. A person holds one role per promoter; a secret API key acts as an owner.
 * Every route names the permission it needs (`permit()` in http/auth.ts), so this table is the
 * one place the rules live, and the dashboard reads the same table to show only what works.
 */
export const ROLES = ['owner', 'manager', 'box_office', 'door'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const STAFF: readonly Role[] = ['owner', 'manager'];
const SALES: readonly Role[] = ['owner', 'manager', 'box_office'];

/** Each permission and the roles that hold it. */
export const PERMISSIONS = {
  /** The event list and one event (with its door counts): every role, door staff pick their event here. */
  'events.read': ALL,
  /** Create, edit, publish and cancel events; venues. */
  'events.write': STAFF,
  /** Sales per tier, revenue and sales over time. */
  'events.stats': SALES,
  'venues.read': SALES,
  /** Checkout sessions made with a key or a session (a box-office sale). */
  'checkout.write': SALES,
  'orders.read': SALES,
  'orders.refund': SALES,
  'orders.resend': SALES,
  'tickets.read': SALES,
  'scans.write': ALL,
  'webhooks.manage': STAFF,
  'keys.manage': ['owner'],
  'team.manage': ['owner'],
  'payouts.read': ['owner'],
  /** Create and list the promoters an agency manages. */
  'promoters.manage': ['owner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What each permission lets a role do, in words that finish "Your role (door) cannot …". */
export const PERMISSION_WORDS: Record<Permission, string> = {
  'events.read': 'see events',
  'events.write': 'create, edit, publish or cancel events and venues',
  'events.stats': "see an event's sales",
  'venues.read': 'see venues',
  'checkout.write': 'sell tickets through checkout sessions',
  'orders.read': 'see orders',
  'orders.refund': 'refund orders',
  'orders.resend': "resend orders' tickets",
  'tickets.read': 'look up tickets',
  'scans.write': 'scan tickets',
  'webhooks.manage': 'manage webhook endpoints',
  'keys.manage': 'manage API keys',
  'team.manage': 'manage the team',
  'payouts.read': 'see payouts or the connected account',
  'promoters.manage': 'create or list managed promoters',
};

/** The roles' names as people read them, for messages and the API reference. */
export const ROLE_WORDS: Record<Role, string> = {
  owner: 'owner',
  manager: 'manager',
  box_office: 'box office',
  door: 'door',
};

/** Whether `role` holds `permission`. */
export function may(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every permission `role` holds: what the session answer lists for the dashboard. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => may(role, permission));
}
