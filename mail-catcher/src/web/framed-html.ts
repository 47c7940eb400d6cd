/** `cid:` URLs in attributes and CSS `url(…)`, the places a mail names its inline images. */
const CID_REFERENCE = /(["'(=]\s*)cid:([^"'\s)>]+)/gi;

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * A mail's HTML as the inbox frames it: inline images load from the catcher's cid URLs, and every link
 * opens in a new tab (the frame is sandboxed, so navigating inside it would strand the reader).
 */
export function framedHtml(html: string, messageId: string): string {
  const rewritten = html.replace(
    CID_REFERENCE,
    (_, before: string, cid: string) =>
      `${before}/messages/${encodeURIComponent(messageId)}/cid/${encodeURIComponent(decoded(cid))}`,
  );
  // First in <head>, so it comes before any URL it governs and wins over a <base> of the mail's own.
  const base = '<base target="_blank">';
  const head = /<head\b[^>]*>/i.exec(rewritten) ?? /<html\b[^>]*>/i.exec(rewritten);
  if (!head) return `${base}${rewritten}`;
  const at = head.index + head[0].length;
  const insert = head[0].toLowerCase().startsWith('<head') ? base : `<head>${base}</head>`;
  return `${rewritten.slice(0, at)}${insert}${rewritten.slice(at)}`;
}
