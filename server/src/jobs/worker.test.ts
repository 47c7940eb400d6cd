import pino from 'pino';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Database } from '../db/database.ts';
import type { PaymentGateway } from '../payments/payment-gateway.ts';
import { createWorker } from './worker.ts';

// While PostgreSQL is away every pass fails at its first query; the worker must back off rather
// than fail (and log) every interval.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function unreachableDatabase(state: { passes: number }): Database {
  const fail = () => {
    state.passes++;
    return Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
  };
  // Just enough of Kysely for a pass that fails at its first statement (expiring holds).
  return { transaction: () => ({ execute: fail }) } as unknown as Database;
}

it('backs off while the database is away instead of failing every interval', async () => {
  const state = { passes: 0 };
  const worker = createWorker({
    db: unreachableDatabase(state),
    payments: {} as PaymentGateway,
    logger: pino({ level: 'silent' }),
    intervalMs: 2_000,
  });
  worker.start();
  await vi.advanceTimersByTimeAsync(120_000);
  // 2 s, 4 s, 8 s, 16 s, 32 s, then every 60 s: 6 passes in two minutes, not 60.
  expect(state.passes).toBeLessThanOrEqual(7);
  expect(state.passes).toBeGreaterThanOrEqual(5);
  await worker.stop();
});
