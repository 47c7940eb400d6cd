/** A file sent with a mail, in the shape of nodemailer's `attachments` entries. */
export interface MailAttachment {
  filename: string;
  content: Buffer | string;
  contentType: string;
  /** Set for inline images referenced as cid: in the HTML. */
  cid?: string;
}

/** A mail ready to send: nodemailer's `subject`, `text`, `html` and `attachments` message fields. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}
