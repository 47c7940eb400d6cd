// The embed code's attributes. A promoter's typo must not break their page: unknown values warn once
// in the console, naming the attribute, and fall back to the default.

export type Mode = 'inline' | 'modal' | 'iframe';
export type Theme = 'light' | 'dark' | 'auto';

export interface Options {
  eventId: string;
  mode: Mode;
  theme: Theme;
  /** Slug of a tier to preselect, or null. */
  tier: string | null;
  /** API origin, without a trailing slash. */
  api: string;
}

/**
 * The CSS color-scheme of each theme, for the iframe mode's frame and the page in it: when the two
 * match, the frame stays transparent; `light dark` lets `auto` follow the buyer's preference.
 */
export const COLOR_SCHEME: Record<Theme, string> = { light: 'light', dark: 'dark', auto: 'light dark' };

type Attr = (name: string) => string | null;
type Log = Pick<Console, 'warn'>;

/** The value of attribute `name` if it is one of `allowed`, else the first of them (with a warning unless absent). */
function oneOf<T extends string>(attr: Attr, name: string, allowed: readonly T[], log: Log): T {
  const value = attr(name)?.trim();
  const fallback = allowed[0] as T;
  if (!value || (allowed as readonly string[]).includes(value)) return (value || fallback) as T;
  log.warn(`EntryRate: unknown ${name}="${value}"; using "${fallback}".`);
  return fallback;
}

/** Reads a host element's data-* attributes (through `attr`), with `defaultApi` unless data-api overrides it. */
export function readOptions(attr: Attr, defaultApi: string, log: Log = console): Options {
  return {
    eventId: (attr('data-entryrate-event') ?? '').trim(),
    mode: oneOf(attr, 'data-mode', ['inline', 'modal', 'iframe'], log),
    theme: oneOf(attr, 'data-theme', ['light', 'dark', 'auto'], log),
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
