import type { CaughtMail } from '../mail.ts';

const messagePath = (mail: CaughtMail) => `/messages/${encodeURIComponent(mail.id)}`;

/** A row of `GET /api/messages`. */
export function messageSummary(mail: CaughtMail) {
  return {
    id: mail.id,
    receivedAt: mail.receivedAt,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    attachments: mail.attachments.length,
  };
}

/** `GET /api/messages/:id`: everything but the bytes, which have URLs of their own. */
export function messageDetail(mail: CaughtMail) {
  const { raw: _raw, attachments, ...fields } = mail;
  return {
    ...fields,
    htmlUrl: mail.html === null ? null : `${messagePath(mail)}/html`,
    rawUrl: `${messagePath(mail)}/raw`,
    attachments: attachments.map(({ content: _content, ...attachment }, index) => ({
      ...attachment,
      url: `${messagePath(mail)}/attachments/${index}`,
    })),
  };
}
