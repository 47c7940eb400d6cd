import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { PaymentGateway } from './payments/payment-gateway.ts';

/** What feature routers are built from; created once in createApp. */
export interface AppDeps {
  db: Database;
  config: Readonly<Config>;
  payments: PaymentGateway;
  logger: Logger;
}
