import { describe, expect, it } from 'vitest';
import type { Options } from '../options';
import { httpOrigin } from './messages';
import { frameListener, frameSrc } from './parent';

const options: Options = {
  eventId: 'evt_1',
  mode: 'iframe',
  theme: 'dark',
  tier: null,
  api: 'http://api.test',
};

describe('frameSrc', () => {
  it('names the event, theme, tier and the page origin the frame may post to', () => {
    expect(frameSrc({ ...options, tier: 'early-bird' }, 'https://shop.test')).toBe(
      `http://api.test/embed.html?event=evt_1&theme=dark&tier=early-bird&origin=${encodeURIComponent('https://shop.test')}`,
    );
    expect(frameSrc(options, 'http://localhost:5801')).toBe(
      'http://api.test/embed.html?event=evt_1&theme=dark&origin=http%3A%2F%2Flocalhost%3A5801',
    );
  });
});

describe('httpOrigin', () => {
  it('accepts exactly an http(s) origin and nothing else', () => {
    expect(httpOrigin('https://shop.test')).toBe('https://shop.test');
    expect(httpOrigin('http://localhost:5801')).toBe('http://localhost:5801');
    for (const bad of [
      null,
      '',
      '*',
      'null',
      'https://shop.test/',
      'https://shop.test/page',
      'javascript:alert(1)',
      'file:///etc',
    ]) {
      expect(httpOrigin(bad)).toBeNull();
    }
  });
});

describe('frameListener', () => {
  const setup = () => {
    const contentWindow = {};
    const heights: string[] = [];
    const frame = {
      contentWindow,
      title: 'Tickets',
      style: { setProperty: (_name: string, value: string) => heights.push(value) },
    } as unknown as HTMLIFrameElement;
    const host = new EventTarget();
    const seen: CustomEvent[] = [];
    host.addEventListener('entryrate:completed', (e) => seen.push(e as CustomEvent));
    const listen = frameListener('http://api.test', frame, host);
    const send = (data: unknown, origin = 'http://api.test', source: unknown = contentWindow) =>
      listen({ data, origin, source } as MessageEvent);
    return { frame, heights, seen, send };
  };

  it('sizes the frame, names it and dispatches the relayed events on the host', () => {
    const { frame, heights, seen, send } = setup();
    send({ type: 'entryrate:resize', height: 612.4 });
    send({ type: 'entryrate:title', title: 'Mura Masa' });
    send({
      type: 'entryrate:event',
      name: 'completed',
      detail: { orderId: 'ord_1', amount: 1200, currency: 'gbp' },
    });
    expect(heights).toEqual(['613px']);
    expect(frame.title).toBe('Tickets for Mura Masa');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.detail).toEqual({ orderId: 'ord_1', amount: 1200, currency: 'gbp' });
    expect(seen[0]?.bubbles).toBe(true);
    expect(seen[0]?.composed).toBe(true);
  });

  it('ignores other origins, other windows, unknown types and event names', () => {
    const { frame, heights, seen, send } = setup();
    send({ type: 'entryrate:resize', height: 10 }, 'https://evil.test');
    send({ type: 'entryrate:resize', height: 10 }, 'http://api.test', {});
    send({ type: 'entryrate:event', name: 'completed', detail: {} }, 'https://evil.test');
    send({ type: 'entryrate:event', name: 'click', detail: {} });
    send({ type: 'other', height: 10 });
    send(null);
    send('entryrate:resize');
    expect(heights).toEqual([]);
    expect(seen).toEqual([]);
    expect(frame.title).toBe('Tickets');
  });
});
