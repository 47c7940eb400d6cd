import { escapeHtml } from '../../lib/html.ts';
import { renderPageShell } from './page-shell.ts';

export type LookupState = { kind: 'form'; email?: string; error?: string } | { kind: 'sent'; email: string };

/** The page at `/tickets`: the "Lost your tickets?" form, or what happens next once it is sent. */
export function renderLookupPage(state: LookupState): string {
  if (state.kind === 'sent') {
    return renderPageShell({
      title: 'Check your inbox — EntryRate',
      main: `<section class="panel" aria-labelledby="lookup-title">
<h1 id="lookup-title">Check your inbox</h1>
${sentMessage(state.email)}
<p><a class="button button-secondary" href="/tickets">Try another address</a></p>
</section>`,
    });
  }
  return renderPageShell({
    title: 'Lost your tickets? — EntryRate',
    main: `<section class="panel" aria-labelledby="lookup-title">
${lookupForm(state, 'h1')}
</section>`,
  });
}

/**
 * The same words whether or not the address has orders, so the form never tells anyone who has
 * bought tickets.
 */
function sentMessage(email: string): string {
  return `<p role="status">If <strong class="email"><bdi>${escapeHtml(email)}</bdi></strong> has bought tickets with EntryRate, a fresh link to each order is on its way.</p>
<p>Check your inbox (and spam folder) in a few minutes. Older links stop working.</p>`;
}

/**
 * The lookup form with its heading (`h1` on its own page, `h2` under a broken link's notice). A plain
 * form post, so it works without JavaScript.
 */
export function lookupForm(state: { email?: string; error?: string }, heading: 'h1' | 'h2'): string {
  const invalid = state.error !== undefined;
  const value = state.email === undefined ? '' : ` value="${escapeHtml(state.email)}"`;
  const described = invalid
    ? ' aria-describedby="email-hint email-error" aria-invalid="true"'
    : ' aria-describedby="email-hint"';
  return `<${heading} id="lookup-title">Lost your tickets?</${heading}>
<p>Enter the email address you bought them with and we'll send a fresh link to each order.</p>
<form class="lookup" method="post" action="/tickets">
<div class="field${invalid ? ' field-invalid' : ''}">
<label for="email">Email address</label>
<p class="hint" id="email-hint">The one your order confirmation was sent to.</p>
<input id="email" name="email" type="email" autocomplete="email" inputmode="email" spellcheck="false" autocapitalize="none" required${value}${described}>
${invalid ? `<p class="field-error" id="email-error">${escapeHtml(state.error ?? '')}</p>` : ''}
</div>
<button class="button" type="submit">Email me my tickets</button>
</form>`;
}
