import type { Logger } from 'pino';
import { composeAccountMail, isAccountMail } from '../accounts/account-mails.ts';
import type { Config, MailConfig } from '../config.ts';
import type { Executor } from '../db/database.ts';
import { formatMoney } from '../lib/money.ts';
import type { ComposedMail, MailPassOptions } from '../mail/mail.delivery.ts';
import type { ClaimedMail } from '../mail/mail.outbox.store.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { renderCancellationMail } from '../mail/templates/cancellation-mail.ts';
import { renderOrderMail } from '../mail/templates/order-mail.ts';
import { renderRefundMail } from '../mail/templates/refund-mail.ts';
import type { RenderedMail } from '../mail/templates/rendered-mail.ts';
import { renderTicketLinksMail } from '../mail/templates/ticket-links-mail.ts';
import { noteTicketsMailOutcome } from '../orders/order-mails.ts';
import { loadOrderViews } from './order-view.ts';

/**
 * Composes a queued buyer mail from the orders as they are now (their statuses, current links and
 * codes): a mail about an order is sent in its promoter's name from the configured address.
 */
export function buyerMailComposer(context: { publicUrl: string; from: MailConfig['from'] }) {
  return async function composeBuyerMail(db: Executor, mail: ClaimedMail): Promise<ComposedMail> {
    if (isAccountMail(mail.kind)) return composeAccountMail(mail, context.from);
    const ids =
      mail.kind === 'ticket_links'
        ? ((mail.payload.orderIds as string[] | undefined) ?? [])
        : [mail.orderId as string];
    const views = await loadOrderViews(db, ids, { publicUrl: context.publicUrl });
    const [view] = views;
    if (!view) return null;
    let rendered: RenderedMail;
    switch (mail.kind) {
      case 'order':
        rendered = await renderOrderMail(view, { resent: mail.payload.resent === true });
        break;
      case 'refund': {
        const { amount, currency, full } = mail.payload as {
          amount: number;
          currency: string;
          full: boolean;
        };
        rendered = renderRefundMail(view, { amount: formatMoney(amount, currency), full });
        break;
      }
      case 'cancellation':
        rendered = renderCancellationMail(view);
        break;
      case 'ticket_links':
        rendered = renderTicketLinksMail(views, { lookupUrl: `${context.publicUrl}/tickets` });
        return { ...rendered, from: context.from };
    }
    return { ...rendered, from: { name: view.promoterName, address: context.from.address } };
  };
}

/** How the worker sends buyer mail: over SMTP_URL (or `mailer`), or not at all (mails wait in the outbox). */
export function buyerMailDelivery(
  config: Readonly<Config>,
  logger: Logger,
  mailer?: Mailer,
): Omit<MailPassOptions, 'logger' | 'now'> | null {
  const smtp = mailer ?? (config.mail.smtpUrl ? createMailer(config.mail.smtpUrl) : null);
  if (!smtp) {
    logger.warn('SMTP_URL is not set: buyer mail waits in the outbox until it is');
    return null;
  }
  return {
    mailer: smtp,
    compose: buyerMailComposer({ publicUrl: config.publicUrl, from: config.mail.from }),
    settled: noteTicketsMailOutcome,
  };
}
