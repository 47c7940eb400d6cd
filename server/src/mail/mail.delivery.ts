import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database, Executor } from '../db/database.ts';
import { retryAt } from '../lib/backoff.ts';
import { type ClaimedMail, claimDueMails, recordMailOutcome } from './mail.outbox.store.ts';
import { type Mailer, MailerError, type OutgoingMail } from './mailer.ts';

const MINUTE = 60_000;

/**
 * A mail server that is down is usually back within minutes, and a buyer is waiting for tickets:
 * retries start fast and level off at 30 minutes, for 3 days.
 */
export const MAIL_RETRIES = {
  delaysMs: [MINUTE / 2, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 30 * MINUTE],
  retryForMs: 72 * 60 * MINUTE,
} as const;
/** How long a claim holds a mail: far longer than one attempt can take (the mailer's timeouts). */
export const MAIL_LEASE_MS = 2 * MINUTE;

/** A mail made ready to send, or null when there is nothing left to say (its orders are gone). */
export type ComposedMail = Omit<OutgoingMail, 'to' | 'messageId'> | null;

export interface MailPassOptions {
  mailer: Mailer;
  /** Builds the message from the queued row and the data as it is now. */
  compose: (db: Executor, mail: ClaimedMail) => Promise<ComposedMail>;
  /** Called in the transaction that records a mail's final outcome (sent or failed). */
  settled?: (
    tx: Executor,
    mail: ClaimedMail,
    outcome: { status: 'sent' | 'failed'; error: string | null },
  ) => Promise<void>;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
  batchSize?: number;
  maxBatches?: number;
}

export interface MailPassResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * One pass of the mail outbox: claims due mails in small batches, composes each and sends it
 * outside any transaction. A refusal for good (a 5xx to the recipient or the message) fails the mail
 * at once; anything else (server down, busy, greylisting) is retried with backoff for 3 days.
 * Each mail keeps one Message-ID across attempts, so the rare retry of a mail whose acceptance was
 * lost (the process died before recording it) is recognisable as the same message.
 */
export async function deliverDueMails(db: Database, options: MailPassOptions): Promise<MailPassResult> {
  const now = options.now ?? (() => new Date());
  const result: MailPassResult = { sent: 0, retrying: 0, failed: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 10); batch++) {
    const claimedAt = now();
    const claimed = await claimDueMails(db, {
      now: claimedAt,
      leaseUntil: new Date(claimedAt.getTime() + MAIL_LEASE_MS),
      token: randomUUID(),
      limit: options.batchSize ?? 10,
    });
    if (claimed.length === 0) break;
    // One SMTP conversation at a time: mail servers throttle parallel connections from one client.
    for (const mail of claimed) {
      const outcome = await attempt(db, mail, options, now);
      if (outcome) result[outcome] += 1;
    }
  }
  return result;
}

async function attempt(
  db: Database,
  mail: ClaimedMail,
  options: MailPassOptions,
  now: () => Date,
): Promise<keyof MailPassResult | null> {
  const about = { mailId: mail.id, kind: mail.kind, orderId: mail.orderId, attempts: mail.attempts };
  let error: MailerError | Error;
  try {
    const composed = await options.compose(db, mail);
    if (!composed) {
      await recordMailOutcome(db, mail, {
        status: 'superseded',
        at: now(),
        nextAttemptAt: null,
        error: 'nothing left to send',
      });
      return null;
    }
    await options.mailer.send({ ...composed, to: mail.recipient, messageId: messageIdOf(mail, composed) });
    options.logger.info(about, 'mail sent');
    return settle(db, mail, options, now(), { status: 'sent', error: null });
  } catch (caught) {
    error = caught as Error;
  }
  if (!(error instanceof MailerError)) {
    // Composing failed: a bug or data that cannot be shown. Retrying may help after a fix.
    options.logger.error({ ...about, err: error }, 'mail could not be composed');
  }
  const permanent = error instanceof MailerError && error.permanent;
  const at = now();
  const next = permanent ? null : retryAt(MAIL_RETRIES, mail.attempts, mail.createdAt, at, options.random);
  if (next) {
    const recorded = await recordMailOutcome(db, mail, {
      status: 'pending',
      at,
      nextAttemptAt: next,
      error: error.message,
    });
    if (!recorded) return null;
    options.logger.warn({ ...about, error: error.message, nextAttemptAt: next }, 'mail not sent; will retry');
    return 'retrying';
  }
  options.logger.warn(
    { ...about, error: error.message },
    permanent ? 'mail refused by the mail server' : 'mail not sent for 3 days; giving up',
  );
  return settle(db, mail, options, at, { status: 'failed', error: error.message });
}

/** Records a final outcome, and lets the mail's feature note it, in one transaction. */
async function settle(
  db: Database,
  mail: ClaimedMail,
  options: MailPassOptions,
  at: Date,
  outcome: { status: 'sent' | 'failed'; error: string | null },
): Promise<keyof MailPassResult | null> {
  return db.transaction().execute(async (tx) => {
    // The lease ran out, or the mail was superseded: the outcome that counts is another's.
    if (!(await recordMailOutcome(tx, mail, { ...outcome, at, nextAttemptAt: null }))) return null;
    await options.settled?.(tx, mail, outcome);
    return outcome.status;
  });
}

function messageIdOf(mail: ClaimedMail, composed: NonNullable<ComposedMail>): string {
  const domain = composed.from.address.split('@')[1] ?? 'entryrate.localhost';
  return `<${mail.id}@${domain}>`;
}
