import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { checkEndpointUrl } from './webhooks.url.ts';

const production = { allowLoopback: false };
const simulator = { allowLoopback: true };

/** The refusal for `url`, or null when it is accepted. */
function refusal(
  url: string,
  policy = production,
): { status: number; code: string; param?: string; message: string } | null {
  try {
    checkEndpointUrl(url, policy);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { status: error.status, code: error.code, param: error.param, message: error.message };
  }
}

describe('checkEndpointUrl', () => {
  it('accepts https on a public name or address', () => {
    for (const url of [
      'https://hooks.example.com/entryrate',
      'https://hooks.example.com:8443/x?y=1',
      'https://93.184.216.34/hook',
      'https://[2606:4700:4700::1111]/hook',
    ]) {
      expect(refusal(url), url).toBeNull();
      expect(refusal(url, simulator), url).toBeNull();
    }
  });

  it('refuses loopback, private, link-local and special-purpose addresses, however they are spelled', () => {
    for (const [url, said] of [
      ['https://127.0.0.1/hook', '127.0.0.1 is loopback'],
      ['https://10.0.0.1/', '10.0.0.1 is private'],
      ['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is link-local'],
      ['https://100.64.0.1/', '100.64.0.1 is private'],
      ['https://192.0.2.1/', '192.0.2.1 is reserved'],
      ['https://0.0.0.0/', '0.0.0.0 is reserved'],
      ['https://[::1]/', '::1 is loopback'],
      ['https://[fd00::1]/', 'fd00::1 is private'],
      ['https://[fe80::1]/', 'fe80::1 is link-local'],
      ['https://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is loopback'],
      ['https://[64:ff9b::a00:1]/', '64:ff9b::a00:1 is private'],
      ['https://[2002:a9fe:a9fe::]/', '2002:a9fe:a9fe:: is link-local'],
      // The WHATWG URL parser reads these as 127.0.0.1, and so do we.
      ['https://2130706433/', '127.0.0.1 is loopback'],
      ['https://0x7f.1/', '127.0.0.1 is loopback'],
      ['https://017700000001/', '127.0.0.1 is loopback'],
      ['https://127.1/', '127.0.0.1 is loopback'],
      ['https://0/', '0.0.0.0 is reserved'],
      ['https://0xa9.0xfe.0xa9.0xfe/', '169.254.169.254 is link-local'],
      ['https://127.0.0.1./', '127.0.0.1 is loopback'],
      ['https://\u2460\u2461\u2466.0.0.1/', '127.0.0.1 is loopback'],
      ['https://[0:0:0:0:0:ffff:127.0.0.1]/', '::ffff:7f00:1 is loopback'],
      ['https://[::]/', ':: is reserved'],
      ['https://example.com@127.0.0.1/', 'user name or password'],
    ] as const) {
      expect(refusal(url), url).toEqual({
        status: 400,
        code: 'request.invalid',
        param: 'url',
        message: expect.stringContaining(said),
      });
    }
  });

  it('allows loopback only against the stripe-sim, and private addresses never', () => {
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost:9/hook',
      'http://LOCALHOST./hook',
      'https://localhost/hook',
      'http://app.localhost:3000/hook',
      'http://[::1]:9/hook',
      'http://2130706433:9/hook',
    ]) {
      expect(refusal(url), url).toMatchObject({ status: 400, param: 'url' });
      expect(refusal(url, simulator), url).toBeNull();
    }
    for (const url of ['https://10.0.0.1/', 'https://192.168.1.1/', 'https://169.254.169.254/']) {
      expect(refusal(url, simulator), url).toMatchObject({ status: 400, param: 'url' });
    }
  });

  it('wants https except for loopback against the stripe-sim', () => {
    for (const policy of [production, simulator]) {
      expect(refusal('http://hooks.example.com/x', policy)).toMatchObject({
        status: 400,
        code: 'request.invalid',
        param: 'url',
        message: expect.stringContaining('https'),
      });
    }
  });

  it('refuses credentials in the URL', () => {
    for (const url of [
      'https://user:pass@hooks.example.com/',
      'https://user@hooks.example.com/',
      'https://:pass@hooks.example.com/',
    ]) {
      for (const policy of [production, simulator]) {
        expect(refusal(url, policy), url).toMatchObject({
          status: 400,
          code: 'request.invalid',
          param: 'url',
          message: expect.stringContaining('user name or password'),
        });
      }
    }
  });
});
