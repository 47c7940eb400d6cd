import { z } from 'zod';

/** How the embed code shows the checkout: the widget's `data-mode`, `data-theme` and `data-tier`. */
export const embedChoice = z.object({
  mode: z.enum(['inline', 'modal', 'iframe']).default('inline'),
  theme: z.enum(['light', 'dark', 'auto']).default('light'),
  tier: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a tier's slug, such as early-bird")
    .max(60)
    .optional(),
});
export type EmbedChoice = z.infer<typeof embedChoice>;

/** `GET /preview`: the event and the same choice. */
export const previewQuery = embedChoice.extend({
  event: z
    .string()
    .max(100)
    .regex(/^evt_[0-9A-Za-z_]+$/, 'must be an event id such as evt_…'),
});
export type PreviewQuery = z.infer<typeof previewQuery>;

export const eventEmbedSchema = z
  .object({
    eventId: z.string().describe('`evt_…`'),
    mode: embedChoice.shape.mode.unwrap(),
    theme: embedChoice.shape.theme.unwrap(),
    tier: z.string().nullable().describe('The tier the checkout opens at; null: the tier list.'),
    snippet: z.string().describe('The lines to paste into a page where the tickets should appear.'),
    previewUrl: z
      .string()
      .nullable()
      .describe(
        'A page on another origin (PREVIEW_URL) holding exactly `snippet`, for a sandboxed iframe; null when the server has no preview origin.',
      ),
  })
  .meta({ id: 'EventEmbed', description: "An event's embed code for one mode, theme and tier." });
export type EventEmbed = z.infer<typeof eventEmbedSchema>;
