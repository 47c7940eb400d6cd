import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html.ts';

describe('escapeHtml', () => {
  it('escapes what could end text or an attribute', () => {
    expect(escapeHtml(`<script>alert("x" + 'y')</script> & co`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; + &#39;y&#39;)&lt;/script&gt; &amp; co',
    );
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('Café · مسرح البلد')).toBe('Café · مسرح البلد');
  });
});
