import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { checkPasswordStrength, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with scrypt, a random salt and its parameters, and verifies only the same password', async () => {
    const first = await hashPassword('correct horse battery');
    const second = await hashPassword('correct horse battery');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('correct horse battery', first)).toBe(true);
    expect(await verifyPassword('correct horse batterY', first)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'not-a-hash')).toBe(false);
    expect(await verifyAgainstDummy('correct horse battery')).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const stored = await hashPassword('caf\u00e9 au lait please');
    expect(await verifyPassword('cafe\u0301 au lait please', stored)).toBe(true);
  });

  it('refuses a password under 12 characters, naming the field', () => {
    expect(() => checkPasswordStrength('short-pass1')).toThrow(
      expect.objectContaining({ status: 422, code: 'account.weak_password', param: 'password' }),
    );
    expect(() => checkPasswordStrength('twelve chars')).not.toThrow(ApiError);
  });
});
