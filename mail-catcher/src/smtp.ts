import type { AddressInfo } from 'node:net';
import { buffer } from 'node:stream/consumers';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { CaughtMail } from './mail.ts';

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

export interface SmtpOptions {
  host: string;
  /** 0: any free port, kept for every later start. */
  port: number;
  /** Asked at each RCPT TO; true refuses the recipient with a permanent 550. */
  rejectRecipient: (address: string) => boolean;
  onMessage: (raw: Buffer, envelope: CaughtMail['envelope']) => Promise<void>;
  log: (line: string) => void;
}

function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

function envelopeOf(session: SMTPServerSession): CaughtMail['envelope'] {
  const { mailFrom, rcptTo } = session.envelope;
  return { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((rcpt) => rcpt.address) };
}

function createServer(options: SmtpOptions): SMTPServer {
  return new SMTPServer({
    banner: 'EntryRate mail catcher: every mail is kept, none is delivered',
    // Plain SMTP on loopback: no STARTTLS for nodemailer to try, any login accepted but none needed.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_MESSAGE_BYTES,
    // A reverse DNS lookup per connection would slow every test mail down.
    disableReverseLookup: true,
    // On stop, a session in progress gets this long before its 421: the server "goes away" at once.
    closeTimeout: 200,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipient(address.address)) {
        options.log(`refused RCPT TO <${address.address}> (550)`);
        return callback(
          smtpError(550, `Mailbox <${address.address}> unavailable (refused by the mail catcher)`),
        );
      }
      callback();
    },
    onData(stream, session, callback) {
      buffer(stream)
        .then((raw) => {
          if (stream.sizeExceeded)
            throw smtpError(552, `Message exceeds the ${MAX_MESSAGE_BYTES} byte limit`);
          return options.onMessage(raw, envelopeOf(session));
        })
        .then(
          () => callback(),
          (err: Error) => callback(err),
        );
    },
  });
}

/** The catcher's SMTP side: it can go away and come back on the port it was first given. */
export class SmtpListener {
  #server: SMTPServer | null = null;
  #port: number;

  constructor(private readonly options: SmtpOptions) {
    this.#port = options.port;
  }

  get port(): number {
    return this.#port;
  }

  async start(): Promise<void> {
    if (this.#server) return;
    const server = createServer(this.options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    // Clients that vanish mid-session (ECONNRESET) are reported here; they must not crash the process.
    server.on('error', (err) => this.options.log(`SMTP: ${err.message}`));
    this.#port = (server.server.address() as AddressInfo).port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
