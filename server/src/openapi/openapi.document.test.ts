import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTE_DOCS, WEBHOOK_REQUEST_DOCS } from './openapi.docs.ts';
import { buildOpenApiDocument, type MountedRoute } from './openapi.document.ts';
import { schemaComponents } from './openapi.schemas.ts';

/** The routes the docs name, as the routers would mount them. */
const routes: MountedRoute[] = Object.keys(ROUTE_DOCS).map((key) => {
  const [method = '', path = ''] = key.split(' ');
  return { method, path, paramNames: [...path.matchAll(/:(\w+)/g)].map(([, name]) => name as string) };
});
const build = () =>
  buildOpenApiDocument({
    routes,
    docs: ROUTE_DOCS,
    webhooks: WEBHOOK_REQUEST_DOCS,
    serverUrl: 'https://api.entryrate.co.uk',
  });

describe('buildOpenApiDocument', () => {
  it('is the same, byte for byte, every time it is built', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
  });

  it('refers to each named schema by $ref and defines it once, in components', () => {
    const doc = build() as any;
    const events = doc.paths['/v1/events'];
    expect(events.get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/EventPage',
    });
    expect(doc.components.schemas.EventPage.properties.data.items).toEqual({
      $ref: '#/components/schemas/Event',
    });
    expect(doc.components.schemas.Event.properties.tiers.items).toEqual({
      $ref: '#/components/schemas/Tier',
    });
    expect(events.post.responses['401'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Error',
    });
    // zod's own names never leak: no `$defs`, no `id`.
    expect(JSON.stringify(doc)).not.toMatch(/"\$defs"|#\/\$defs\//);
    expect(Object.values(doc.components.schemas).some((s: any) => 'id' in s)).toBe(false);
  });

  it('puts each example where OpenAPI reads it: parameters, request body, response', () => {
    const publish = (build() as any).paths['/v1/events/{id}/publish'].post;
    expect(publish.parameters[0]).toMatchObject({ name: 'id', in: 'path', example: 'evt_mura_masa_bristol' });
    expect(publish.requestBody.content['application/json'].example).toEqual({ network: true });
    expect(publish.responses['200'].content['application/json'].example).toMatchObject({ status: 'live' });
    const list = (build() as any).paths['/v1/orders'].get;
    expect(list.parameters.find((p: any) => p.name === 'status')).toMatchObject({
      in: 'query',
      example: 'paid',
    });
  });
});

describe('schemaComponents', () => {
  it('refuses one name for two different schemas', () => {
    const components = schemaComponents();
    components.schemaOf(z.object({ a: z.string() }).meta({ id: 'Clash' }), 'output');
    expect(() => components.schemaOf(z.object({ b: z.string() }).meta({ id: 'Clash' }), 'output')).toThrow(
      /Two different schemas are named 'Clash'/,
    );
  });

  it('inlines what has no name', () => {
    const components = schemaComponents();
    expect(components.schemaOf(z.object({ n: z.number().int() }), 'input')).toEqual({
      type: 'object',
      properties: { n: { type: 'integer' } },
      required: ['n'],
    });
    expect(components.all()).toEqual({});
  });
});
