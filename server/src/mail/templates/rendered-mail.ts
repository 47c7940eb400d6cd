// What the templates render is what the mailer sends: one shape, defined beside the mailer.
export type { MailAttachment, MailContent as RenderedMail } from '../mailer.ts';
