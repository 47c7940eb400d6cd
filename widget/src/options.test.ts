import { describe, expect, it, vi } from 'vitest';
import { readOptions, scriptOrigin } from './options';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;
const quiet = () => ({ warn: vi.fn() });

describe('readOptions', () => {
  it('defaults to the light inline checkout on the script’s API', () => {
    const log = quiet();
    expect(readOptions(attrs({ 'data-entryrate-event': 'evt_1' }), 'http://localhost:4000', log)).toEqual({
      eventId: 'evt_1',
      mode: 'inline',
      theme: 'light',
      tier: null,
      api: 'http://localhost:4000',
    });
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('reads mode, theme, tier and an API override', () => {
    const log = quiet();
    const o = readOptions(
      attrs({
        'data-entryrate-event': ' evt_1 ',
        'data-mode': 'modal',
        'data-theme': 'auto',
        'data-tier': 'early-bird',
        'data-api': 'https://api.example/',
      }),
      'http://localhost:4000',
      log,
    );
    expect(o).toEqual({
      eventId: 'evt_1',
      mode: 'modal',
      theme: 'auto',
      tier: 'early-bird',
      api: 'https://api.example',
    });
    expect(readOptions(attrs({ 'data-mode': 'iframe' }), '', log).mode).toBe('iframe');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('falls back with one warning naming the attribute on an unknown mode or theme', () => {
    const log = quiet();
    const o = readOptions(attrs({ 'data-mode': 'popup', 'data-theme': 'purple' }), '', log);
    expect(o.mode).toBe('inline');
    expect(o.theme).toBe('light');
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(log.warn).toHaveBeenCalledWith('EntryRate: unknown data-mode="popup"; using "inline".');
    expect(log.warn).toHaveBeenCalledWith('EntryRate: unknown data-theme="purple"; using "light".');
  });
});

describe('scriptOrigin', () => {
  it('is the origin of the script’s src, resolved against the page', () => {
    expect(scriptOrigin('http://localhost:4000/widget.js', 'http://shop.test/')).toBe(
      'http://localhost:4000',
    );
    expect(scriptOrigin('/widget.js?v=2', 'https://shop.test/events')).toBe('https://shop.test');
    expect(scriptOrigin(null, 'https://shop.test/')).toBe('');
  });
});
