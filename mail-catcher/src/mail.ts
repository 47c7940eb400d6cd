import { randomBytes } from 'node:crypto';
import { type AddressObject, type EmailAddress, simpleParser } from 'mailparser';

/** One message as the catcher received it over SMTP, parsed. */
export interface CaughtMail {
  /** Short unique id, used in the inbox's URLs. */
  id: string;
  /** When the catcher received it, ISO 8601. */
  receivedAt: string;
  /** The SMTP envelope: MAIL FROM and the accepted RCPT TO addresses. */
  envelope: { from: string; to: string[] };
  /** The From header as text, e.g. `"Night Owl Promotions" <tickets@localhost>`. */
  from: string;
  /** The To header's addresses. */
  to: string[];
  subject: string;
  messageId: string | null;
  text: string | null;
  html: string | null;
  attachments: CaughtAttachment[];
  /** Header values as received (unfolded), by lower-cased name; repeated headers joined by a newline. */
  headers: Record<string, string>;
  /** The whole message as received. */
  raw: Buffer;
}

export interface CaughtAttachment {
  filename: string | null;
  contentType: string;
  /** The Content-ID without its angle brackets, as `cid:` URLs name it. */
  contentId: string | null;
  size: number;
  content: Buffer;
  /** Part of a multipart/related body: an inline image rather than a file to download. */
  related: boolean;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const flatten = (list: EmailAddress[]): string[] =>
    list.flatMap((entry) => (entry.group ? flatten(entry.group) : entry.address ? [entry.address] : []));
  return [field ?? []].flat().flatMap((object) => flatten(object.value));
}

function headerRecord(lines: ReadonlyArray<{ key: string; line: string }>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    headers[key] = key in headers ? `${headers[key]}\n${value}` : value;
  }
  return headers;
}

/** Parses a received message; `cid:` links stay as they are, for the inbox to point at its own URLs. */
export async function parseMail(raw: Buffer, envelope: CaughtMail['envelope']): Promise<CaughtMail> {
  const parsed = await simpleParser(raw, { keepCidLinks: true });
  return {
    id: randomBytes(6).toString('base64url'),
    receivedAt: new Date().toISOString(),
    envelope,
    from: parsed.from?.text ?? '',
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    messageId: parsed.messageId ?? null,
    text: parsed.text ?? null,
    html: parsed.html || null,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? null,
      contentType: attachment.contentType,
      contentId: attachment.cid ?? null,
      size: attachment.size,
      content: attachment.content,
      related: attachment.related ?? false,
    })),
    headers: headerRecord(parsed.headerLines),
    raw,
  };
}
