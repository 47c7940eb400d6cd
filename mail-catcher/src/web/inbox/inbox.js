// The web inbox: polls the catcher's JSON API for the list, and shows the message named by the URL's
// hash (`#/<id>`), so that every message has a link of its own. The DOM comes from the page's templates
// and every mail-supplied string goes in as text: the mail's HTML is only ever shown in the sandboxed frame.

import { setUpTabs } from './tabs.js';

/** @typedef {ReturnType<typeof import('../message-views.ts').messageSummary>} Summary */
/** @typedef {ReturnType<typeof import('../message-views.ts').messageDetail>} Detail */

const POLL_MS = 2000;

/**
 * @template {Element} [T=HTMLElement]
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {T}
 */
function $(root, selector) {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`inbox: no ${selector}`);
  return /** @type {T} */ (found);
}

const rows = /** @type {HTMLUListElement} */ ($(document, '#rows'));
const empty = $(document, '#empty');
const count = $(document, '#count');
const reader = $(document, '#reader');
const placeholder = $(document, '#placeholder');
const connection = $(document, '#connection');
const announcer = $(document, '#announcer');
const rowTemplate = /** @type {HTMLTemplateElement} */ ($(document, '#row-template'));
const messageTemplate = /** @type {HTMLTemplateElement} */ ($(document, '#message-template'));

const sameDay = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const otherDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** @param {Date} date */
function shortTime(date) {
  return (date.toDateString() === new Date().toDateString() ? sameDay : otherDay).format(date);
}

/** @param {number} bytes */
function size(bytes) {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The display name of a From header such as `"Night Owl" <tickets@localhost>`, or its address. */
function senderName(/** @type {string} */ from) {
  const name = from.replace(/\s*<[^>]*>\s*$/, '').replace(/^"(.*)"$/, '$1');
  return name || from.replace(/^<|>$/g, '') || '(no sender)';
}

/** @param {string} path */
async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok)
    throw Object.assign(new Error(`${path}: ${response.status}`), { status: response.status });
  return response.json();
}

/** The id in `#/<id>`, or null. */
function selectedId() {
  const raw = location.hash.replace(/^#\/?/, '');
  try {
    return decodeURIComponent(raw) || null;
  } catch {
    return raw;
  }
}

/** @type {Summary[] | null} */
let shown = null;

/** @param {Summary[]} messages */
function renderList(messages) {
  const focusedId = document.activeElement?.closest('.row')?.getAttribute('data-id');
  rows.replaceChildren(
    ...messages.map((message) => {
      const row = /** @type {HTMLElement} */ (
        /** @type {DocumentFragment} */ (rowTemplate.content.cloneNode(true)).firstElementChild
      );
      row.dataset.id = message.id;
      $(row, '.row-from').textContent = senderName(message.from);
      const time = /** @type {HTMLTimeElement} */ ($(row, '.row-time'));
      time.dateTime = message.receivedAt;
      time.textContent = shortTime(new Date(message.receivedAt));
      const link = /** @type {HTMLAnchorElement} */ ($(row, '.row-subject'));
      link.href = `#/${encodeURIComponent(message.id)}`;
      link.textContent = message.subject || '(no subject)';
      $(row, '.row-to').textContent = `To ${message.to.join(', ') || '(nobody)'}`;
      $(row, '.row-attachments').textContent =
        message.attachments === 0
          ? ''
          : `${message.attachments} attachment${message.attachments === 1 ? '' : 's'}`;
      return row;
    }),
  );
  markSelected();
  if (focusedId)
    /** @type {HTMLElement | null} */ (rows.querySelector(`[data-id="${CSS.escape(focusedId)}"] a`))?.focus();
  empty.hidden = messages.length > 0;
  placeholder.hidden = messages.length === 0;
  count.textContent = messages.length > 0 ? `(${messages.length})` : '';
  document.title = `${messages.length > 0 ? `(${messages.length}) ` : ''}Inbox · Mail catcher`;
}

function markSelected() {
  const id = selectedId();
  for (const row of rows.children) {
    const link = $(row, 'a');
    if (row instanceof HTMLElement && row.dataset.id === id) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
}

/** @param {Summary[]} messages */
function announceArrivals(messages) {
  if (!shown) return;
  const known = new Set(shown.map((message) => message.id));
  const arrived = messages.filter((message) => !known.has(message.id));
  if (arrived.length === 1) announcer.textContent = `New mail: ${arrived[0]?.subject}`;
  else if (arrived.length > 1) announcer.textContent = `${arrived.length} new mails`;
}

async function refresh() {
  try {
    /** @type {Summary[]} */
    const messages = await getJson('/api/messages');
    connection.textContent = '';
    // Re-render only on a change, so that polling never moves focus or the scroll position.
    if (shown && shown.map((m) => m.id).join() === messages.map((m) => m.id).join()) return;
    announceArrivals(messages);
    shown = messages;
    renderList(messages);
  } catch {
    connection.textContent = 'The mail catcher is not answering; retrying.';
  }
}

/** @param {Detail} message */
function renderMessage(message) {
  const article = /** @type {HTMLElement} */ (
    /** @type {DocumentFragment} */ (messageTemplate.content.cloneNode(true)).firstElementChild
  );
  $(article, '.message-subject').textContent = message.subject || '(no subject)';
  $(article, '[data-field="from"]').textContent = message.from || '(no sender)';
  $(article, '[data-field="to"]').textContent = message.to.join(', ') || '(nobody)';
  const dateHeader = message.headers.date ? new Date(message.headers.date) : null;
  const date = dateHeader && !Number.isNaN(dateHeader.getTime()) ? dateHeader : new Date(message.receivedAt);
  const time = /** @type {HTMLTimeElement} */ ($(article, '[data-field="date"]'));
  time.dateTime = date.toISOString();
  time.textContent = full.format(date);
  /** @type {HTMLAnchorElement} */ ($(article, '[data-field="raw"]')).href = message.rawUrl;

  const frame = /** @type {HTMLIFrameElement} */ ($(article, '.mail-frame'));
  if (message.htmlUrl) frame.src = message.htmlUrl;
  else {
    frame.remove();
    $(article, '#panel-html .none').hidden = false;
  }
  $(article, '.mail-text').textContent = message.text ?? '';
  $(article, '#panel-text .none').hidden = message.text !== null;

  $(article, '[data-field="attachment-count"]').textContent = message.attachments.length
    ? String(message.attachments.length)
    : '';
  const body = $(article, '.attachments tbody');
  for (const attachment of message.attachments) {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.href = attachment.url;
    link.download = attachment.filename ?? '';
    link.textContent = attachment.filename ?? '(unnamed)';
    name.append(link);
    if (attachment.related) {
      const note = document.createElement('span');
      note.className = 'tag';
      note.textContent = 'inline';
      name.append(' ', note);
    }
    const type = document.createElement('td');
    type.textContent = attachment.contentType;
    const bytes = document.createElement('td');
    bytes.className = 'numeric';
    bytes.textContent = size(attachment.size);
    row.append(name, type, bytes);
    body.append(row);
  }
  $(article, '.attachments').hidden = message.attachments.length === 0;
  $(article, '#panel-attachments .none').hidden = message.attachments.length > 0;

  const source = $(article, '.mail-source');
  const select = setUpTabs(article, (panelId) => {
    if (panelId !== 'panel-source' || source.textContent) return;
    source.textContent = 'Loading…';
    fetch(message.rawUrl)
      .then((response) => response.text())
      .then((text) => {
        source.textContent = text;
      })
      .catch(() => {
        source.textContent = 'Could not load the source.';
      });
  });
  select(/** @type {HTMLButtonElement} */ ($(article, message.htmlUrl ? '#tab-html' : '#tab-text')));
  return article;
}

/** Shows the message the hash names; `moveFocus` after the reader picked one, so it is read next. */
async function showSelected(moveFocus = false) {
  markSelected();
  const id = selectedId();
  if (!id) {
    reader.replaceChildren(placeholder);
    return;
  }
  try {
    const article = renderMessage(await getJson(`/api/messages/${encodeURIComponent(id)}`));
    if (selectedId() !== id) return; // another message was picked meanwhile
    reader.replaceChildren(article);
    if (moveFocus) /** @type {HTMLElement} */ ($(article, '.message-subject')).focus();
  } catch (err) {
    const gone = /** @type {{ status?: number }} */ (err).status === 404;
    const note = document.createElement('p');
    note.className = 'placeholder';
    note.textContent = gone
      ? 'This message is no longer in the inbox.'
      : 'Could not load this message; retrying helps.';
    reader.replaceChildren(note);
  }
}

$(document, '#clear').addEventListener('click', async () => {
  await fetch('/api/messages', { method: 'DELETE' });
  history.replaceState(null, '', location.pathname);
  await Promise.all([refresh(), showSelected()]);
  announcer.textContent = 'Inbox cleared';
});

window.addEventListener('hashchange', () => void showSelected(true));
void refresh();
void showSelected();
setInterval(() => void refresh(), POLL_MS);
