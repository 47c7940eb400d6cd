import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T1500_initial.ts';
import * as checkoutLifecycle from './20261123T1530_checkout_lifecycle.ts';
import * as rateLimits from './20261123T1600_rate_limits.ts';
import * as unloggedRateLimits from './20261123T1700_unlogged_rate_limits.ts';
import * as promoterApiIndexes from './20261123T1800_promoter_api_indexes.ts';
import * as refundsAndScans from './20261123T1810_refunds_and_scans.ts';
import * as outgoingWebhooks from './20261123T1820_outgoing_webhooks.ts';
import * as promoterStripeAccounts from './20261123T1820_promoter_stripe_accounts.ts';
import * as paymentSettlement from './20261201T2200_payment_settlement.ts';
import * as buyerMail from './20261202T1000_buyer_mail.ts';
import * as accounts from './20261202T2200_accounts.ts';
import * as agenciesAndKeyKinds from './20261202T2210_agencies_and_key_kinds.ts';
import * as webhookAttempts from './20261203T1000_webhook_attempts.ts';
import * as refundRecordedAt from './20261203T1200_refund_recorded_at.ts';
import * as scannerKeys from './20261203T1300_scanner_keys.ts';
import * as offlineScans from './20261203T1400_offline_scans.ts';

// Listed explicitly (not read from the folder) so the set of migrations is visible in review
// and works the same under tsx, bundlers and compiled output.
const migrations: Record<string, Migration> = {
  '20261123T1500_initial': initial,
  '20261123T1530_checkout_lifecycle': checkoutLifecycle,
  '20261123T1600_rate_limits': rateLimits,
  '20261123T1700_unlogged_rate_limits': unloggedRateLimits,
  '20261123T1800_promoter_api_indexes': promoterApiIndexes,
  '20261123T1810_refunds_and_scans': refundsAndScans,
  '20261123T1820_outgoing_webhooks': outgoingWebhooks,
  '20261123T1820_promoter_stripe_accounts': promoterStripeAccounts,
  '20261201T2200_payment_settlement': paymentSettlement,
  '20261202T1000_buyer_mail': buyerMail,
  '20261202T2200_accounts': accounts,
  '20261202T2210_agencies_and_key_kinds': agenciesAndKeyKinds,
  '20261203T1000_webhook_attempts': webhookAttempts,
  '20261203T1200_refund_recorded_at': refundRecordedAt,
  '20261203T1300_scanner_keys': scannerKeys,
  '20261203T1400_offline_scans': offlineScans,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
