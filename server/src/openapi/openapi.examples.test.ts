import { describe, expect, it } from 'vitest';
import { ROUTE_DOCS, WEBHOOK_REQUEST_DOCS } from './openapi.docs.ts';

const documented = Object.entries(ROUTE_DOCS);
const isJson = (contentType: string | undefined) => (contentType ?? 'application/json').includes('json');

describe('the route docs’ examples', () => {
  it('give every /v1 operation an example request, in each part it takes', () => {
    for (const [key, doc] of documented.filter(([key]) => key.includes(' /v1/'))) {
      if (doc.access === 'stripeSignature') continue;
      const example = doc.example ?? {};
      const pathParams = key.match(/:\w+/g)?.map((p) => p.slice(1)) ?? [];
      expect(Object.keys(example.params ?? {}).sort(), `${key} example params`).toEqual(pathParams.sort());
      if (doc.query) expect(example.query, `${key} example query`).toBeDefined();
      if (doc.body) expect(example.body, `${key} example body`).toBeDefined();
    }
  });

  it('give every JSON answer of every operation an example', () => {
    for (const [key, doc] of documented) {
      for (const [status, response] of Object.entries(doc.responses)) {
        if (status === '204' || !isJson(response.contentType ?? response.contentTypes?.join(', '))) continue;
        expect(response.schema, `${key} ${status} schema`).toBeDefined();
        expect(response.example, `${key} ${status} example`).toBeDefined();
      }
    }
  });

  it('send what the route validates with', () => {
    for (const [key, doc] of documented) {
      const example = doc.example ?? {};
      for (const [name, value] of Object.entries(example.params ?? {})) {
        const schema = doc.params?.[name];
        if (schema) expect(schema.safeParse(value).error, `${key} param ${name}`).toBeUndefined();
      }
      if (example.query) {
        expect(doc.query, `${key} has an example query but no query schema`).toBeDefined();
        expect(doc.query?.safeParse(example.query).error, `${key} query`).toBeUndefined();
      }
      if (example.body !== undefined) {
        expect(doc.body, `${key} has an example body but no body schema`).toBeDefined();
        expect(doc.body?.safeParse(example.body).error, `${key} body`).toBeUndefined();
      }
    }
  });

  it('answer exactly what the response schema describes, no field more or less', () => {
    for (const [key, doc] of documented) {
      for (const [status, { schema, example }] of Object.entries(doc.responses)) {
        if (!schema || example === undefined) continue;
        const parsed = schema.safeParse(example);
        expect(parsed.error, `${key} ${status}`).toBeUndefined();
        // zod drops keys it does not know: an example with a field the schema lacks comes back without it.
        expect(parsed.data, `${key} ${status}`).toEqual(example);
      }
    }
  });

  it('show each webhook as we send it', () => {
    for (const [type, doc] of Object.entries(WEBHOOK_REQUEST_DOCS)) {
      const parsed = doc.body.safeParse(doc.example);
      expect(parsed.error, type).toBeUndefined();
      expect(parsed.data, type).toEqual(doc.example);
    }
  });
});
