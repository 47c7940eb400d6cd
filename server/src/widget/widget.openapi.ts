import { eventIdParam } from '../events/events.schema.ts';
import { exampleWidgetEvent } from '../openapi/openapi.examples.ts';
import type { RouteDocs } from '../openapi/openapi.types.ts';
import { widgetEventSchema } from './widget.mapper.ts';

export const widgetDocs: RouteDocs = {
  'GET /v1/widget/events/:id': {
    tag: 'Widget',
    access: 'public',
    summary: 'A live event as the widget shows it',
    description:
      'Event, venue, tiers with availability, payment configuration and server time; any origin, cached 2 s.',
    params: { id: eventIdParam },
    example: { params: { id: exampleWidgetEvent.event.id } },
    responses: {
      200: { description: 'The WidgetEvent.', schema: widgetEventSchema, example: exampleWidgetEvent },
    },
    errors: { 404: ['event.not_found'] },
  },
};
