import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { PaymentGateway } from './payments/payment-gateway.ts';
import type { ActiveKeyCache } from './promoters/active-key-cache.ts';

/** What feature routers are built from; created once in createApp. */
export interface AppDeps {
  db: Database;
  config: Readonly<Config>;
  payments: PaymentGateway;
  logger: Logger;
  /** The working API keys this process has looked up lately: a revocation here forgets one. */
  keys: ActiveKeyCache;
}
