import { accountsDocs } from '../accounts/accounts.openapi.ts';
import { assetsDocs } from '../assets/assets.openapi.ts';
import { checkoutDocs } from '../checkout/checkout.openapi.ts';
import { dashboardDocs } from '../dashboard/dashboard.openapi.ts';
import { docsDocs } from '../docs/docs.openapi.ts';
import { doorDocs } from '../door/door.openapi.ts';
import { embedDocs } from '../embed/embed.openapi.ts';
import { eventsDocs } from '../events/events.openapi.ts';
import { healthDocs } from '../health/health.openapi.ts';
import { ordersDocs } from '../orders/orders.openapi.ts';
import { stripeWebhookDocs } from '../payments/stripe-webhook.openapi.ts';
import { payoutsDocs } from '../payouts/payouts.openapi.ts';
import { apiKeysDocs } from '../promoters/api-keys.openapi.ts';
import { promotersDocs } from '../promoters/promoters.openapi.ts';
import { scannerDocs } from '../scanner/scanner.openapi.ts';
import { scansDocs } from '../scans/scans.openapi.ts';
import { storefrontDocs } from '../storefront/storefront.openapi.ts';
import { teamDocs } from '../team/team.openapi.ts';
import { ticketPageDocs } from '../tickets/ticket-page.openapi.ts';
import { ticketsDocs } from '../tickets/tickets.openapi.ts';
import { venuesDocs } from '../venues/venues.openapi.ts';
import { webhookRequestsDocs, webhooksDocs } from '../webhooks/webhooks.openapi.ts';
import { widgetDocs } from '../widget/widget.openapi.ts';
import { openapiDocs } from './openapi.openapi.ts';
import type { RouteDocs } from './openapi.types.ts';

/**
 * Every feature's route documentation. A feature that adds a router adds its `*.openapi.ts` here;
 * `test/openapi.int.test.ts` fails for any mounted route missing from this, and for any stale entry.
 */
export const ROUTE_DOCS: RouteDocs = {
  ...healthDocs,
  ...assetsDocs,
  ...docsDocs,
  ...stripeWebhookDocs,
  ...widgetDocs,
  ...checkoutDocs,
  ...eventsDocs,
  ...embedDocs,
  ...doorDocs,
  ...ordersDocs,
  ...ticketsDocs,
  ...ticketPageDocs,
  ...scansDocs,
  ...venuesDocs,
  ...apiKeysDocs,
  ...promotersDocs,
  ...storefrontDocs,
  ...webhooksDocs,
  ...payoutsDocs,
  ...accountsDocs,
  ...teamDocs,
  ...dashboardDocs,
  ...scannerDocs,
  ...openapiDocs,
};

export const WEBHOOK_REQUEST_DOCS = webhookRequestsDocs;
