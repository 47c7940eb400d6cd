import { describe, expect, it } from 'vitest';
import { renderLookupPage } from './lookup-page.ts';

describe('renderLookupPage', () => {
  it('asks for one email address in a form that posts without JavaScript', () => {
    const html = renderLookupPage({ kind: 'form' });
    expect(html).toContain('<h1 id="lookup-title">Lost your tickets?</h1>');
    expect(html).toContain('<form class="lookup" method="post" action="/tickets">');
    expect(html).toContain('<label for="email">Email address</label>');
    expect(html.match(/<input /g)).toHaveLength(1);
    expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="email"[^>]* required/);
    expect(html).toContain('<button class="button" type="submit">');
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('<script');
  });

  it('shows an error beside the field, tied to it, and keeps what was typed', () => {
    const html = renderLookupPage({
      kind: 'form',
      email: 'sam@',
      error: 'Enter an email address like sam@example.com.',
    });
    expect(html).toContain('aria-describedby="email-hint email-error" aria-invalid="true"');
    expect(html).toContain(
      '<p class="field-error" id="email-error">Enter an email address like sam@example.com.</p>',
    );
    expect(html).toContain('value="sam@"');
  });

  it('escapes what the buyer typed', () => {
    const html = renderLookupPage({ kind: 'form', email: '"><script>alert(1)</script>', error: '<b>no</b>' });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('&lt;b&gt;no&lt;/b&gt;');
  });

  it('says the same once sent, whether or not the address has orders, and offers another try', () => {
    const html = renderLookupPage({ kind: 'sent', email: 'sam+gigs@example.com' });
    expect(html).toContain(
      'If <strong class="email"><bdi>sam+gigs@example.com</bdi></strong> has bought tickets with EntryRate, a fresh link to each order is on its way.',
    );
    expect(html).toContain('Check your inbox (and spam folder) in a few minutes. Older links stop working.');
    expect(html).toContain('<a class="button button-secondary" href="/tickets">Try another address</a>');
    expect(html).not.toContain('<form');
    expect(renderLookupPage({ kind: 'sent', email: '<i>x</i>@example.com' })).toContain(
      '&lt;i&gt;x&lt;/i&gt;@example.com',
    );
  });
});
