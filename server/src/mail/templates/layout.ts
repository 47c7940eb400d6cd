import type { OrderView } from '../../tickets/ticket-view.ts';
import { type HtmlValue, html, SafeHtml } from './html.ts';

// Mail clients drop or rewrite <style> (Gmail in some apps, Outlook on Windows), so every element
// carries its essentials inline; the <style> block only adds dark mode and small-screen padding,
// through the classes set beside those inline styles (hence `!important`).
const FONT = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Roboto,Helvetica,Arial,sans-serif;';
const MONO = 'font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;';
const TEXT = '#18181b';
const MUTED = '#52525b';
const ACCENT = '#1d4ed8';

const STYLE = `
@media (prefers-color-scheme: dark) {
  .bg { background-color: #111113 !important; }
  .card { background-color: #1c1c1f !important; }
  .panel { background-color: #27272a !important; border-color: #3f3f46 !important; }
  .fg { color: #f4f4f5 !important; }
  .muted { color: #c8c8d0 !important; }
  .link { color: #93c5fd !important; }
  .note { background-color: #3a2e0b !important; color: #fde68a !important; }
  .rule { border-color: #3f3f46 !important; }
}
@media (max-width: 620px) {
  .pad { padding-left: 20px !important; padding-right: 20px !important; }
  .h1 { font-size: 22px !important; line-height: 28px !important; }
}`;

// Filler after the preheader so clients do not pad the inbox preview with the body's first words.
const PREVIEW_FILLER = new SafeHtml('&#847;&zwnj;&nbsp;'.repeat(60));

/** The shell every mail is laid out in: one centred column up to 600 px wide, light and dark. */
export function mailLayout(mail: {
  title: string;
  preheader: string;
  body: SafeHtml;
  footer: HtmlValue;
}): string {
  return html`<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${mail.title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body class="bg" style="margin:0;padding:0;background-color:#f4f4f5;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${mail.preheader}${PREVIEW_FILLER}</div>
<table role="presentation" class="bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
<tr><td class="pad muted" style="padding:0 32px 12px;${FONT}font-size:14px;line-height:20px;font-weight:700;letter-spacing:0.02em;color:${MUTED};">EntryRate</td></tr>
<tr><td class="card pad" style="padding:32px;background-color:#ffffff;border-radius:8px;">
${mail.body}
</td></tr>
<tr><td class="pad muted" style="padding:16px 32px;${FONT}font-size:13px;line-height:20px;color:${MUTED};">${mail.footer}</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`.value;
}

/** Text a promoter or buyer typed: isolated, so a right-to-left name does not reorder what is around it. */
export const typed = (text: string): SafeHtml => html`<span dir="auto">${text}</span>`;

export const heading = (content: HtmlValue): SafeHtml =>
  html`<h1 class="fg h1" style="margin:0 0 12px;${FONT}font-size:26px;line-height:32px;font-weight:700;color:${TEXT};">${content}</h1>`;

export const subheading = (content: HtmlValue): SafeHtml =>
  html`<h2 class="fg" style="margin:28px 0 12px;${FONT}font-size:18px;line-height:24px;font-weight:700;color:${TEXT};">${content}</h2>`;

export const paragraph = (content: HtmlValue, options: { muted?: boolean } = {}): SafeHtml =>
  options.muted
    ? html`<p class="muted" style="margin:0 0 16px;${FONT}font-size:14px;line-height:22px;color:${MUTED};">${content}</p>`
    : html`<p class="fg" style="margin:0 0 16px;${FONT}font-size:16px;line-height:24px;color:${TEXT};">${content}</p>`;

export const link = (href: string, label: HtmlValue = href): SafeHtml =>
  html`<a class="link" href="${href}" style="color:${ACCENT};text-decoration:underline;overflow-wrap:anywhere;word-break:break-word;">${label}</a>`;

export const code = (text: string): SafeHtml => html`<span style="${MONO}font-size:14px;">${text}</span>`;

/** A tinted box for what must not be missed: test mode, a cancelled event, why there is no code. */
export const note = (content: HtmlValue): SafeHtml =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;"><tr>
<td class="note" style="padding:12px 16px;background-color:#fef3c7;border-radius:6px;${FONT}font-size:15px;line-height:22px;color:#713f12;">${content}</td>
</tr></table>`;

/** A bulletproof button: a padded link on a coloured cell, so it stays a button where CSS is thin. */
export const button = (href: string, label: string): SafeHtml =>
  html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr>
<td align="center" bgcolor="${ACCENT}" style="border-radius:6px;background-color:${ACCENT};mso-padding-alt:14px 28px;">
<a href="${href}" style="display:inline-block;padding:14px 28px;border-radius:6px;${FONT}font-size:17px;line-height:22px;font-weight:700;color:#ffffff;text-decoration:none;">${label}</a>
</td></tr></table>`;

/** Label and value rows, such as an order's id and total. */
export const facts = (rows: ReadonlyArray<readonly [string, HtmlValue]>): SafeHtml =>
  html`<table role="presentation" class="rule" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;border-top:1px solid #e4e4e7;">
${rows.map(
  ([label, value]) => html`<tr>
<td class="muted rule" style="padding:10px 12px 10px 0;border-bottom:1px solid #e4e4e7;${FONT}font-size:15px;line-height:22px;color:${MUTED};">${label}</td>
<td class="fg rule" align="right" style="padding:10px 0;border-bottom:1px solid #e4e4e7;${FONT}font-size:15px;line-height:22px;color:${TEXT};">${value}</td>
</tr>`,
)}</table>`;

export const panelTitle = (content: HtmlValue): SafeHtml =>
  html`<p class="fg" style="margin:0 0 4px;${FONT}font-size:17px;line-height:24px;font-weight:700;color:${TEXT};">${content}</p>`;

/** A bordered box, one per ticket or order. */
export const panel = (content: HtmlValue): SafeHtml =>
  html`<table role="presentation" class="panel" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;border:1px solid #e4e4e7;border-radius:8px;background-color:#fafafa;"><tr>
<td style="padding:16px 16px 0;">${content}</td>
</tr></table>`;

/** Where and when, as lines for a paragraph: the venue and city, then the doors in the venue's time zone. */
export const eventWhere = (view: OrderView): SafeHtml =>
  html`${typed(view.venue.name)}, ${typed(view.venue.city)}<br>Doors ${view.event.doorsLocal}`;

export const eventWhereText = (view: OrderView): string[] => [
  `${view.venue.name}, ${view.venue.city}`,
  `Doors ${view.event.doorsLocal}`,
];

/** The order's id, its total and what has been refunded of it, if anything. */
export const orderFacts = (view: OrderView): SafeHtml =>
  facts([
    ['Order', code(view.orderId)],
    ['Total', view.total],
    ...(view.refunded ? ([['Refunded', view.refunded]] as const) : []),
  ]);

export const orderFactsText = (view: OrderView): string[] => [
  `Order ${view.orderId}`,
  `Total: ${view.total}`,
  ...(view.refunded ? [`Refunded: ${view.refunded}`] : []),
];

/** A mail's subject, marked so a test order is never mistaken for a real one. */
export const subjectFor = (mode: OrderView['mode'], subject: string): string =>
  `${mode === 'test' ? '[TEST] ' : ''}${subject}`.replace(/\s+/g, ' ');

export const TEST_MONEY_NOTE = 'This was a test order: no real money moved.';

export const footerFor = (view: OrderView): SafeHtml =>
  html`Sent to ${view.buyerEmail} because you bought tickets from ${typed(view.promoterName)} through EntryRate.`;

export const footerTextFor = (view: OrderView): string =>
  `Sent to ${view.buyerEmail} because you bought tickets from ${view.promoterName} through EntryRate.`;

/** A plain-text body: paragraphs (a string, or lines) separated by blank lines; false ones left out. */
export function plainText(...paragraphs: ReadonlyArray<string | readonly string[] | false | null>): string {
  const kept = paragraphs.filter((p): p is string | readonly string[] => p !== false && p !== null);
  return `${kept.map((p) => (typeof p === 'string' ? p : p.join('\n'))).join('\n\n')}\n`;
}
