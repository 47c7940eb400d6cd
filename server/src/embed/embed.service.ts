import type { Config } from '../config.ts';
import type { Executor } from '../db/database.ts';
import { getEvent } from '../events/events.service.ts';
import type { Owner } from '../events/events.store.ts';
import { ApiError } from '../http/errors.ts';
import { escapeHtml } from '../lib/html.ts';
import type { EmbedChoice, EventEmbed, PreviewQuery } from './embed.schema.ts';

/**
 * The lines a promoter pastes into their page: the widget's script from this API's origin and the
 * element it fills. One place, so the dashboard shows, the SDKs answer and the preview runs the same.
 */
export function embedSnippet(apiOrigin: string, eventId: string, choice: EmbedChoice): string {
  const attributes = [
    `data-entryrate-event="${escapeHtml(eventId)}"`,
    choice.mode !== 'inline' && `data-mode="${choice.mode}"`,
    choice.theme !== 'light' && `data-theme="${choice.theme}"`,
    choice.tier && `data-tier="${escapeHtml(choice.tier)}"`,
  ].filter(Boolean);
  return `<script src="${escapeHtml(apiOrigin)}/widget.js" async></script>\n<div ${attributes.join(' ')}></div>`;
}

/** The preview page of an embed choice on the preview origin; null without one. */
export function previewUrlOf(config: Pick<Config, 'previewUrl'>, query: PreviewQuery): string | null {
  if (!config.previewUrl) return null;
  const url = new URL('/preview', config.previewUrl);
  url.searchParams.set('event', query.event);
  if (query.mode !== 'inline') url.searchParams.set('mode', query.mode);
  if (query.theme !== 'light') url.searchParams.set('theme', query.theme);
  if (query.tier) url.searchParams.set('tier', query.tier);
  return url.toString();
}

/** `GET /v1/events/:id/embed`: one of the promoter's events, and a tier it has, when one is named. */
export async function eventEmbed(
  db: Executor,
  config: Pick<Config, 'previewUrl' | 'publicUrl'>,
  owner: Owner,
  idOrSlug: string,
  choice: EmbedChoice,
): Promise<EventEmbed> {
  const event = await getEvent(db, owner, idOrSlug);
  if (choice.tier && !event.tiers.some((tier) => tier.slug === choice.tier)) {
    throw new ApiError(
      400,
      'request.invalid',
      `'${event.title}' has no tier '${choice.tier}'. Its tiers: ${event.tiers.map((t) => t.slug).join(', ')}.`,
      'tier',
    );
  }
  return {
    eventId: event.id,
    mode: choice.mode,
    theme: choice.theme,
    tier: choice.tier ?? null,
    snippet: embedSnippet(new URL(config.publicUrl).origin, event.id, choice),
    previewUrl: previewUrlOf(config, { ...choice, event: event.id }),
  };
}
