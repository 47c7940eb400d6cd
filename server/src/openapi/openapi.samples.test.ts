import { describe, expect, it } from 'vitest';
import { codeSamplesOf } from './openapi.samples.ts';

const components = {
  parameters: { ApiVersion: { name: 'EntryRate-Version', in: 'header', schema: { type: 'string' } } },
};
const serverUrl = 'https://api.entryrate.co.uk';

const createEvent = {
  method: 'post',
  path: '/v1/events',
  components,
  serverUrl,
  operation: {
    'x-sdk-method': 'events.create',
    security: [{ bearerAuth: [] }],
    parameters: [{ $ref: '#/components/parameters/ApiVersion' }],
    requestBody: {
      content: {
        'application/json': {
          example: {
            title: "Mura Masa · Bristol's own",
            venueId: 'vn_strange_brew',
            tiers: [{ name: 'Early bird', price: 1200, maxPerOrder: 4, network: false }],
          },
        },
      },
    },
    responses: {
      201: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Event' } } } },
    },
  },
};

const source = (op: Parameters<typeof codeSamplesOf>[0], lang: string) =>
  codeSamplesOf(op).find((s) => s.lang === lang)?.source;

describe('codeSamplesOf', () => {
  it('writes a POST as curl with the key, an idempotency key and the body, quotes escaped for the shell', () => {
    expect(source(createEvent, 'curl')).toBe(
      [
        'curl -X POST https://api.entryrate.co.uk/v1/events \\',
        '  -H "Authorization: Bearer $ER_KEY" \\',
        '  -H "Idempotency-Key: $(uuidgen)" \\',
        '  -H "Content-Type: application/json" \\',
        `  -d '${JSON.stringify(createEvent.operation.requestBody.content['application/json'].example, null, 2).replace("'", "'\\''")}'`,
      ].join('\n'),
    );
  });

  it('calls each SDK by its method, in its own spelling', () => {
    expect(source(createEvent, 'JavaScript')).toContain(
      "const event = await er.events.create({\n  title: 'Mura Masa · Bristol\\'s own',",
    );
    expect(source(createEvent, 'JavaScript')).toContain('maxPerOrder: 4,');
    expect(source(createEvent, 'Python')).toContain(
      'event = er.events.create(\n    title="Mura Masa · Bristol\'s own",\n    venue_id="vn_strange_brew",',
    );
    expect(source(createEvent, 'Python')).toContain('"max_per_order": 4,\n            "network": False,');
    expect(source(createEvent, 'PHP')).toContain(
      "$event = $er->events->create([\n    'title' => 'Mura Masa · Bristol\\'s own',",
    );
    expect(source(createEvent, 'PHP')).toContain("'network' => false,");
  });

  it('puts path parameters first and a list query in the URL, and leaves the key out of public calls', () => {
    const list = {
      method: 'get',
      path: '/v1/webhook-endpoints/{id}/deliveries',
      components,
      serverUrl,
      operation: {
        'x-sdk-method': 'webhookEndpoints.listDeliveries',
        security: [],
        parameters: [
          { name: 'id', in: 'path', example: 'wh_4m2k' },
          { name: 'limit', in: 'query', example: 50 },
        ],
        responses: {
          200: {
            content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookDeliveryPage' } } },
          },
        },
      },
    };
    expect(source(list, 'curl')).toBe(
      "curl 'https://api.entryrate.co.uk/v1/webhook-endpoints/wh_4m2k/deliveries?limit=50'",
    );
    expect(source(list, 'JavaScript')).toContain(
      "const page = await er.webhookEndpoints.listDeliveries('wh_4m2k', {\n  limit: 50,\n});",
    );
    expect(source(list, 'Python')).toContain(
      'page = er.webhook_endpoints.list_deliveries("wh_4m2k", limit=50)',
    );
    expect(source(list, 'Python')).toContain('er = EntryRate()');
    expect(source(list, 'PHP')).toContain(
      "$page = $er->webhookEndpoints->listDeliveries('wh_4m2k', [\n    'limit' => 50,\n]);",
    );
  });

  it('gives an operation outside the SDKs curl only', () => {
    const health = { method: 'get', path: '/health', components, serverUrl, operation: { responses: {} } };
    expect(codeSamplesOf(health).map((s) => s.lang)).toEqual(['curl']);
  });
});
