import { z } from 'zod';

type Json = Record<string, unknown>;

/** Which side of a schema to describe: what a client sends, or what the server answers. */
export type Io = 'input' | 'output';

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as a client sends it (`input`) or
 * as the server answers it (`output`). Named schemas (`.meta({ id })`) inside it are `$ref`s to
 * its `$defs`, where zod puts them.
 */
export function jsonSchemaOf(schema: z.ZodType, io: Io = 'input'): Json {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    // zod spells formats out as long regular expressions too, and bounds every int by the safe
    // integers; the format says it better, and those bounds say nothing.
    override: ({ jsonSchema }) => {
      if (jsonSchema.format && jsonSchema.pattern) delete jsonSchema.pattern;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  });
  return json;
}

const DEFS = '#/$defs/';
const COMPONENT = '#/components/schemas/';

/**
 * The document's `components.schemas`, filled as schemas are converted: each named schema once,
 * every reference to it a `$ref` there. A name must mean one thing: the same id converted to two
 * different JSON Schemas (a request body named like a response, say) is an error.
 */
export function schemaComponents() {
  const schemas = new Map<string, Json>();
  const pointAtComponents = (json: unknown): Json =>
    JSON.parse(JSON.stringify(json), (key, value) =>
      key === '$ref' && typeof value === 'string' && value.startsWith(DEFS)
        ? COMPONENT + value.slice(DEFS.length)
        : value,
    );
  return {
    /** `schema` as JSON Schema whose named parts, itself included, are `$ref`s to components. */
    schemaOf(schema: z.ZodType, io: Io): Json {
      const { $defs, ...json } = jsonSchemaOf(schema, io);
      for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) {
        const component = pointAtComponents(def);
        const known = schemas.get(id);
        if (known && JSON.stringify(known) !== JSON.stringify(component)) {
          throw new Error(`Two different schemas are named '${id}' (one as a client sends it?)`);
        }
        schemas.set(id, component);
      }
      return pointAtComponents(json);
    },
    /** Every named schema met so far, by name. */
    all(): Record<string, Json> {
      // By code point, not locale: the document must not depend on the machine that builds it.
      return Object.fromEntries([...schemas].sort(([a], [b]) => (a < b ? -1 : 1)));
    },
  };
}
export type SchemaComponents = ReturnType<typeof schemaComponents>;
