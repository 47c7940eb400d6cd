import { describe, expect, it } from 'vitest';
import { framedHtml } from './framed-html.ts';

describe('framedHtml', () => {
  it('points cid: images at the catcher, in attributes and CSS alike', () => {
    const html = framedHtml(
      '<img src="cid:logo@x"><img src=\'cid:a%20b\'><td background=cid:bg style="background: url(cid:bg)">',
      'm1',
    );
    expect(html).toContain('<img src="/messages/m1/cid/logo%40x">');
    expect(html).toContain("<img src='/messages/m1/cid/a%20b'>");
    expect(html).toContain('background=/messages/m1/cid/bg style="background: url(/messages/m1/cid/bg)"');
  });

  it('leaves "cid:" in the text alone', () => {
    expect(framedHtml('<p>see cid:logo</p>', 'm1')).toContain('<p>see cid:logo</p>');
  });

  it('opens links in a new tab, with the base first in <head>', () => {
    expect(framedHtml('<html><head><base href="x"></head></html>', 'm1')).toBe(
      '<html><head><base target="_blank"><base href="x"></head></html>',
    );
    expect(framedHtml('<HTML lang="en"><body>hi</body></HTML>', 'm1')).toBe(
      '<HTML lang="en"><head><base target="_blank"></head><body>hi</body></HTML>',
    );
    expect(framedHtml('<p>a fragment</p>', 'm1')).toBe('<base target="_blank"><p>a fragment</p>');
  });
});
