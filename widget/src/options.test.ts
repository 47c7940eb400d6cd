import { describe, expect, it, vi } from 'vitest';
import { readOptions, scriptOrigin } from './options';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;
const quiet = () => ({ info: vi.fn(), warn: vi.fn() });

describe('readOptions', () => {
  it('defaults to the light inline checkout on the script’s API', () => {
    const log = quiet();
    expect(readOptions(attrs({ 'data-entryrate-event': 'evt_1' }), 'http://localhost:4000', log)).toEqual({
      eventId: 'evt_1',
      theme: 'light',
      tier: null,
      api: 'http://localhost:4000',
    });
    expect(log.info).not.toHaveBeenCalled();
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('reads theme, tier and an API override', () => {
    const o = readOptions(
      attrs({
        'data-entryrate-event': ' evt_1 ',
        'data-theme': 'auto',
        'data-tier': 'early-bird',
        'data-api': 'https://api.example/',
      }),
      'http://localhost:4000',
      quiet(),
    );
    expect(o).toEqual({ eventId: 'evt_1', theme: 'auto', tier: 'early-bird', api: 'https://api.example' });
  });

  it('falls back to light with a warning on an unknown theme', () => {
    const log = quiet();
    expect(readOptions(attrs({ 'data-theme': 'purple' }), '', log).theme).toBe('light');
    expect(log.warn).toHaveBeenCalledTimes(1);
  });

  it('says once, without an error, that modal and iframe modes are not here yet', () => {
    for (const mode of ['modal', 'iframe']) {
      const log = quiet();
      readOptions(attrs({ 'data-mode': mode }), '', log);
      expect(log.info).toHaveBeenCalledTimes(1);
      expect(log.warn).not.toHaveBeenCalled();
    }
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
