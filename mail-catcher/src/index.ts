import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CaughtAttachment, type CaughtMail, parseMail } from './mail.ts';
import { SmtpListener } from './smtp.ts';
import { MailStore } from './store.ts';
import { createWebApp } from './web/app.ts';

export type { CaughtAttachment, CaughtMail };

export interface MailCatcherOptions {
  /** Default 0: any free port, kept across stopSmtp/startSmtp. */
  smtpPort?: number;
  /** Default 0: any free port. */
  webPort?: number;
  /** Listen address of both servers, default '127.0.0.1'. */
  host?: string;
  /** The inbox's origin as browsers see it, default `http://localhost:<webPort>`. */
  publicUrl?: string;
  /** Recipients refused with a permanent 550 at RCPT TO. */
  rejectRecipients?: (address: string) => boolean;
  /** How many messages are kept, default 500; the oldest are dropped first. */
  maxMessages?: number;
  /** Default: console.log with a "[mail-catcher]" prefix. One line per mail caught or refused. */
  log?: (line: string) => void;
}

export interface MailCatcher {
  /** `smtp://127.0.0.1:<port>`, what the server's SMTP_URL is set to. */
  smtpUrl: string;
  /** `http://localhost:<port>` (or publicUrl): the inbox a person opens. */
  webUrl: string;
  /** Every message kept, oldest first. */
  messages(): CaughtMail[];
  /**
   * The first message, already caught or still to come, that matches. Rejects after `timeoutMs`
   * (default 5000) with a message listing what the inbox holds.
   */
  waitFor(match: (mail: CaughtMail) => boolean, options?: { timeoutMs?: number }): Promise<CaughtMail>;
  clear(): void;
  /** Simulates the SMTP server going away and coming back on the same port (web inbox stays up). */
  stopSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
  /** Recipients refused permanently with a 550 at RCPT TO (tests of permanent failures). Replaceable at runtime. */
  setRejectRecipients(match: ((address: string) => boolean) | null): void;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** Starts an SMTP server that keeps every mail and a web inbox that shows them; resolves once both listen. */
export async function createMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const log = options.log ?? ((line: string) => console.log(`[mail-catcher] ${line}`));
  const host = options.host ?? '127.0.0.1';
  const store = new MailStore(options.maxMessages ?? 500);
  let rejectRecipient = options.rejectRecipients ?? null;

  const web = createServer(createWebApp(store, log).callback());
  const webPort = await listen(web, options.webPort ?? 0, host);
  const webUrl = (options.publicUrl ?? `http://localhost:${webPort}`).replace(/\/$/, '');

  const smtp = new SmtpListener({
    host,
    port: options.smtpPort ?? 0,
    rejectRecipient: (address) => rejectRecipient?.(address) ?? false,
    async onMessage(raw, envelope) {
      const mail = await parseMail(raw, envelope);
      store.add(mail);
      log(
        `caught "${mail.subject}" from ${envelope.from} to ${envelope.to.join(', ')}: ${webUrl}/#/${mail.id}`,
      );
    },
    log,
  });
  try {
    await smtp.start();
  } catch (err) {
    web.close();
    throw err;
  }
  const smtpUrl = `smtp://${urlHost(host)}:${smtp.port}`;

  return {
    smtpUrl,
    webUrl,
    messages: () => store.list(),
    waitFor: (match, waitOptions) => store.waitFor(match, waitOptions?.timeoutMs ?? 5000),
    clear: () => store.clear(),
    stopSmtp: () => smtp.stop(),
    startSmtp: () => smtp.start(),
    setRejectRecipients(match) {
      rejectRecipient = match;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => web.close(() => resolve()));
      // The inbox page's keep-alive polling connections would hold close() open.
      web.closeAllConnections();
      await Promise.all([closed, smtp.stop()]);
    },
  };
}
