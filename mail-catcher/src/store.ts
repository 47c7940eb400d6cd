import type { CaughtMail } from './mail.ts';

type Waiter = (mail: CaughtMail) => void;

function describe(mail: CaughtMail): string {
  return `"${mail.subject}" to ${mail.to.join(', ') || mail.envelope.to.join(', ')}`;
}

/** The caught messages, oldest first, capped at `maxMessages` (the oldest go first). */
export class MailStore {
  readonly #messages: CaughtMail[] = [];
  readonly #waiters = new Set<Waiter>();

  constructor(private readonly maxMessages: number) {}

  add(mail: CaughtMail): void {
    this.#messages.push(mail);
    if (this.#messages.length > this.maxMessages)
      this.#messages.splice(0, this.#messages.length - this.maxMessages);
    for (const waiter of this.#waiters) waiter(mail);
  }

  list(): CaughtMail[] {
    return [...this.#messages];
  }

  get(id: string): CaughtMail | undefined {
    return this.#messages.find((mail) => mail.id === id);
  }

  clear(): void {
    this.#messages.length = 0;
  }

  /** The first message, caught before or after the call, that matches; rejects after `timeoutMs`. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs: number): Promise<CaughtMail> {
    return new Promise((resolve, reject) => {
      try {
        const caught = this.#messages.find(match);
        if (caught) return resolve(caught);
      } catch (err) {
        return reject(err);
      }
      // A matcher that throws fails its own wait, never the SMTP session that delivered the mail.
      const waiter: Waiter = (mail) => {
        try {
          if (!match(mail)) return;
          settle(() => resolve(mail));
        } catch (err) {
          settle(() => reject(err));
        }
      };
      const timer = setTimeout(() => {
        const seen = this.#messages.map(describe);
        const inbox =
          seen.length === 0 ? 'the inbox is empty' : `the inbox holds ${seen.length}: ${seen.join('; ')}`;
        settle(() => reject(new Error(`No matching mail arrived within ${timeoutMs} ms; ${inbox}`)));
      }, timeoutMs);
      const settle = (outcome: () => void) => {
        this.#waiters.delete(waiter);
        clearTimeout(timer);
        outcome();
      };
      this.#waiters.add(waiter);
    });
  }
}
