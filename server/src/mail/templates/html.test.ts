import { describe, expect, it } from 'vitest';
import { html, SafeHtml } from './html.ts';

describe('html', () => {
  it('escapes interpolated text and keeps the template itself', () => {
    const title = '<script>alert("x")</script> & co';
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>',
    );
  });

  it('inserts nested html as it is, joins arrays, and renders nothing for null, undefined and false', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c</li></ul>0',
    );
  });

  it('is a SafeHtml, which prints as its markup', () => {
    const fragment = html`<b>${'x'}</b>`;
    expect(fragment).toBeInstanceOf(SafeHtml);
    expect(`${fragment}`).toBe('<b>x</b>');
  });
});
