import { type CaughtMail, createMailCatcher, type MailCatcher } from '../../mail-catcher/src/index.ts';
import { createWorker } from '../src/jobs/worker.ts';
import { buyerMailDelivery } from '../src/tickets/buyer-mail.ts';
import { type PaidStack, startPaidStack } from './stripe-fixture.ts';

export interface MailStack extends PaidStack {
  /** A real SMTP server with an inbox, which the server's SMTP_URL points at. */
  catcher: MailCatcher;
  /** The server's own worker, its clock the real one. */
  deliver(): Promise<void>;
}

/** The paid stack with a mail catcher as its mail server. */
export async function startMailStack(options: { env?: NodeJS.ProcessEnv } = {}): Promise<MailStack> {
  const catcher = await createMailCatcher({ log: () => {} });
  const stack = await startPaidStack({ env: { SMTP_URL: catcher.smtpUrl, ...options.env } });
  return {
    ...stack,
    catcher,
    deliver: async () => {
      await stack.server.app.worker.runOnce();
    },
    stop: async () => {
      await stack.stop();
      await catcher.stop();
    },
  };
}

/** A worker of the stack whose clock the test moves (retries and backoff). */
export function mailWorkerAt(stack: MailStack, clock: { now: Date }) {
  const { config, db, logger, payments } = stack.server.app.deps;
  return createWorker({
    db,
    payments,
    logger,
    mail: buyerMailDelivery(config, logger),
    now: () => clock.now,
  });
}

/** The mails a recipient got, oldest first. */
export const mailsTo = (catcher: MailCatcher, address: string): CaughtMail[] =>
  catcher.messages().filter((m) => m.envelope.to.includes(address));

const TICKET_LINK = /https?:\/\/\S+(\/tickets\/ord_\w+\?token=[\w.%-]+)/g;

/**
 * The ticket page links a mail carries (its text part has each on a line of its own), as paths: the
 * test server's PUBLIC_URL is not the port it happens to listen on.
 */
export const ticketLinksIn = (mail: CaughtMail): string[] =>
  [...(mail.text ?? '').matchAll(TICKET_LINK)].map((m) => m[1] as string);

/** The one ticket page link of an order mail, as a path. */
export function ticketLinkIn(mail: CaughtMail): string {
  const [link] = ticketLinksIn(mail);
  if (!link) throw new Error(`no ticket link in: ${mail.text}`);
  return link;
}
