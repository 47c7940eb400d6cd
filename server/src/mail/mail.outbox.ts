import type { Executor } from '../db/database.ts';
import { newId } from '../lib/ids.ts';
import { insertMail, type NewMail } from './mail.outbox.store.ts';

/**
 * Queues a mail in the caller's transaction: the change and its mail commit or roll back together,
 * and the worker sends it afterwards. A mail whose dedupe key was queued before is not queued again,
 * so a replayed webhook or a retried request never mails twice. Answers the mail's id, or null.
 */
export async function enqueueMail(
  tx: Executor,
  mail: Omit<NewMail, 'id'> & { id?: string },
): Promise<string | null> {
  const id = mail.id ?? newId('mail');
  return (await insertMail(tx, { ...mail, id })) ? id : null;
}
