import type Router from '@koa/router';
import type { CaughtMail } from '../mail.ts';
import type { MailStore } from '../store.ts';
import { CatcherError } from './errors.ts';
import { framedHtml } from './framed-html.ts';
import { messageDetail, messageSummary } from './message-views.ts';

// What the sandboxed frame may do: show the mail's own inline styles and images from the catcher, nothing else.
const MAIL_HTML_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

function found(store: MailStore, id: string | undefined): CaughtMail {
  const mail = id === undefined ? undefined : store.get(id);
  if (!mail)
    throw new CatcherError(404, 'message.not_found', `No message with id "${id}" (it may have been cleared)`);
  return mail;
}

function attachmentNotFound(mail: CaughtMail, which: string): CatcherError {
  return new CatcherError(404, 'attachment.not_found', `Message "${mail.id}" has no attachment ${which}`);
}

/** The JSON API the inbox page polls, and each message's parts at URLs of their own. */
export function messageRoutes(router: Router, store: MailStore): void {
  router.get('/api/messages', (ctx) => {
    ctx.body = store.list().reverse().map(messageSummary);
  });

  router.get('/api/messages/:id', (ctx) => {
    ctx.body = messageDetail(found(store, ctx.params.id));
  });

  router.delete('/api/messages', (ctx) => {
    store.clear();
    ctx.status = 204;
  });

  router.get('/messages/:id/html', (ctx) => {
    const mail = found(store, ctx.params.id);
    if (mail.html === null)
      throw new CatcherError(404, 'message.no_html', `Message "${mail.id}" has no HTML part`);
    ctx.set('Content-Security-Policy', MAIL_HTML_POLICY);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = framedHtml(mail.html, mail.id);
  });

  router.get('/messages/:id/raw', (ctx) => {
    const mail = found(store, ctx.params.id);
    ctx.attachment(`${mail.id}.eml`, { type: 'inline' });
    ctx.type = 'message/rfc822';
    ctx.body = mail.raw;
  });

  router.get('/messages/:id/attachments/:index', (ctx) => {
    const mail = found(store, ctx.params.id);
    const index = ctx.params.index ?? '';
    const attachment = /^\d+$/.test(index) ? mail.attachments[Number(index)] : undefined;
    if (!attachment) throw attachmentNotFound(mail, index);
    ctx.attachment(attachment.filename ?? `attachment-${index}`);
    // As the mail declared it: Koa's `ctx.type` would add a charset the part may not have.
    ctx.set('Content-Type', attachment.contentType);
    ctx.body = attachment.content;
  });

  router.get('/messages/:id/cid/:contentId', (ctx) => {
    const mail = found(store, ctx.params.id);
    const attachment = mail.attachments.find((candidate) => candidate.contentId === ctx.params.contentId);
    if (!attachment) throw attachmentNotFound(mail, `with Content-ID <${ctx.params.contentId}>`);
    ctx.set('Content-Type', attachment.contentType);
    ctx.body = attachment.content;
  });
}
