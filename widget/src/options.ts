// The embed code's attributes. A promoter's typo must not break their page: unknown values warn once
// in the console and fall back to the default.

export type Theme = 'light' | 'dark' | 'auto';

export interface Options {
  eventId: string;
  theme: Theme;
  /** Slug of a tier to preselect, or null. */
  tier: string | null;
  /** API origin, without a trailing slash. */
  api: string;
}

type Log = Pick<Console, 'info' | 'warn'>;

/** Reads a host element's data-* attributes (through `attr`), with `defaultApi` unless data-api overrides it. */
export function readOptions(
  attr: (name: string) => string | null,
  defaultApi: string,
  log: Log = console,
): Options {
  const mode = attr('data-mode');
  if (mode === 'modal' || mode === 'iframe') {
    log.info(`EntryRate: data-mode="${mode}" is not available yet; showing the inline checkout.`);
  } else if (mode && mode !== 'inline') {
    log.warn(`EntryRate: unknown data-mode="${mode}"; using "inline".`);
  }
  let theme = (attr('data-theme') || 'light') as Theme;
  if (theme !== 'light' && theme !== 'dark' && theme !== 'auto') {
    log.warn(`EntryRate: unknown data-theme="${theme}"; using "light".`);
    theme = 'light';
  }
  return {
    eventId: (attr('data-entryrate-event') ?? '').trim(),
    theme,
    tier: attr('data-tier')?.trim() || null,
    api: (attr('data-api')?.trim() || defaultApi).replace(/\/+$/, ''),
  };
}

/** The origin a script was loaded from, which is where the API lives; '' when it cannot be told. */
export function scriptOrigin(src: string | null | undefined, base: string): string {
  try {
    return src ? new URL(src, base).origin : '';
  } catch {
    return '';
  }
}
