import nodemailer from 'nodemailer';

/** A file sent with a mail, in the shape of nodemailer's `attachments` entries. */
export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  /** Set for inline images referenced as cid: in the HTML. */
  cid?: string;
}

/** What a mail says: nodemailer's `subject`, `text`, `html` and `attachments` message fields. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/** One message as the mailer sends it: who from, to whom, its parts and a stable Message-ID. */
export interface OutgoingMail extends MailContent {
  from: { name: string; address: string };
  to: string;
  /** The same on every attempt, so a client can tell a retry that got through twice from a new mail. */
  messageId: string;
}

/** Sends mail over SMTP; the only module that knows nodemailer. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<{ response: string }>;
  close(): void;
}

/**
 * Why a mail was not sent. `permanent` is set when the server refused this recipient or this
 * message for good (a 5xx reply to RCPT TO or DATA): retrying would get the same answer. Everything
 * else (the server is down, busy, greylisting, refuses our credentials) is worth trying again later.
 */
export class MailerError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = 'MailerError';
  }
}

interface NodemailerFailure extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
}

const RECIPIENT_OR_MESSAGE = /^(RCPT TO|DATA)\b/i;

/** A mailer for `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. */
export function createMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // A server that does not answer must fail the attempt in seconds, not hold the worker's lease.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: { name: mail.from.name, address: mail.from.address },
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: mail.attachments,
          messageId: mail.messageId,
        });
        return { response: String(info.response ?? '') };
      } catch (error) {
        const failure = error as NodemailerFailure;
        const permanent = failure.permanent === true && RECIPIENT_OR_MESSAGE.test(failure.command ?? '');
        throw new MailerError(failure.response ?? failure.message, permanent, failure.responseCode ?? null);
      }
    },
    close: () => transport.close(),
  };
}
