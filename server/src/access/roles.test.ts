import { describe, expect, it } from 'vitest';
import { rolesSentence } from '../openapi/openapi.document.ts';
import { PERMISSION_WORDS, PERMISSIONS, permissionsOf } from './roles.ts';

describe('the roles of issue 12', () => {
  it('gives the owner everything', () => {
    expect(permissionsOf('owner')).toEqual(Object.keys(PERMISSIONS));
  });

  it('gives a manager everything but keys, team and payouts (and managing promoters)', () => {
    const denied = Object.keys(PERMISSIONS).filter((p) => !permissionsOf('manager').includes(p as never));
    expect(denied.sort()).toEqual(['keys.manage', 'payouts.read', 'promoters.manage', 'team.manage']);
  });

  it('keeps box office to orders, refunds and resends, and the door to scans and door counts', () => {
    expect(permissionsOf('box_office')).not.toContain('events.write');
    expect(permissionsOf('box_office')).not.toContain('webhooks.manage');
    expect(permissionsOf('box_office')).toEqual(
      expect.arrayContaining(['orders.read', 'orders.refund', 'orders.resend']),
    );
    expect(permissionsOf('door')).toEqual(['events.read', 'scans.write']);
  });

  it('words every permission, and names its roles for the API reference', () => {
    for (const permission of Object.keys(PERMISSIONS)) expect(PERMISSION_WORDS).toHaveProperty(permission);
    expect(rolesSentence('orders.refund')).toBe(
      'API keys, and signed-in people whose role is owner, manager or box office, may call this.',
    );
    expect(rolesSentence('scans.write')).toBe('API keys, and signed-in people of every role, may call this.');
    expect(rolesSentence('keys.manage')).toBe(
      'API keys, and signed-in people whose role is owner, may call this.',
    );
  });
});
