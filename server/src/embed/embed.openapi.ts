import { eventIdParam } from '../events/events.schema.ts';
import { exampleEvent, exampleTier } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { embedChoice, eventEmbedSchema, previewQuery } from './embed.schema.ts';
import { embedSnippet } from './embed.service.ts';

const choice = { mode: 'modal', theme: 'dark', tier: exampleTier.slug } as const;

export const embedDocs: RouteDocs = {
  'GET /v1/events/:id/embed': {
    tag: 'Events',
    access: 'secretKey',
    permission: 'events.read',
    sdk: 'events.embed',
    summary: "An event's embed code for a mode, theme and tier, with its live preview's address",
    params: { id: eventIdParam },
    query: embedChoice,
    example: { params: { id: exampleEvent.id }, query: choice },
    responses: {
      200: {
        description: 'The lines to paste, and where the preview of exactly those lines runs.',
        schema: eventEmbedSchema,
        example: {
          eventId: exampleEvent.id,
          ...choice,
          snippet: embedSnippet('https://api.entryrate.co.uk', exampleEvent.id, choice),
          previewUrl: `https://preview.entryrate.co.uk/preview?event=${exampleEvent.id}&mode=modal&theme=dark&tier=${exampleTier.slug}`,
        },
      },
    },
    errors: { 404: ['event.not_found'] },
  },
  'GET /preview': {
    tag: 'Dashboard',
    access: 'public',
    summary: "The dashboard's live preview of an embed code (on the preview origin only)",
    description:
      'A page holding exactly the embed code for the event, mode, theme and tier asked for, served only on the host of `PREVIEW_URL`, which only the dashboard may frame. Anywhere else it is a 404.',
    query: previewQuery,
    responses: {
      200: { description: 'HTML: the embed code in an otherwise empty page.', contentType: 'text/html' },
    },
    errors: { 404: ['route.not_found'] },
  },
};
