import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Context, Next } from 'koa';

type Json = Record<string, any>;

// ajv-formats is CommonJS: its function is the default export's own default.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOCUMENT_ID = 'https://entryrate.test/openapi.json';
const METHODS = new Set(['get', 'post', 'patch', 'put', 'delete']);

/** One answer the document does not describe, with the request it answered. */
export interface Violation {
  request: string;
  status: number;
  problem: string;
}

interface Operation {
  path: string;
  method: string;
  pattern: RegExp;
  /** Literal segments count more: `/tickets/sw.js` beats `/tickets/{orderId}`. */
  params: number;
  responses: Json;
}

/** A JSON pointer segment inside a URI fragment (RFC 6901 and RFC 3986). */
const segment = (part: string) => encodeURIComponent(part.replaceAll('~', '~0').replaceAll('/', '~1'));

/**
 * The schemas of an OpenAPI document, validated by ajv (JSON Schema 2020-12 in strict mode, with
 * formats): `at(pointer)` compiles the schema at a JSON pointer into the document, once.
 */
export function schemasOf(document: Json): (pointer: string) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // The document's own keys are no JSON Schema keywords; strict mode holds for every schema in it.
  ajv.addVocabulary(Object.keys(document));
  ajv.addSchema(document, DOCUMENT_ID);
  const validators = new Map<string, ValidateFunction>();
  return (pointer) => {
    let validate = validators.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  };
}

/**
 * Checks answers against an OpenAPI document: the operation (method and path template) must list
 * the status, a JSON body must meet that status's schema (by ajv, JSON Schema 2020-12 with
 * formats), and an error's code must be one its status lists in `x-error-codes`. A request no
 * operation answers must still get the `Error` shape.
 */
export function contractChecker(document: Json): (answer: Answer) => string[] {
  const validatorAt = schemasOf(document);
  const operations: Operation[] = Object.entries(document.paths as Record<string, Json>).flatMap(
    ([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, op]) => ({
          path,
          method,
          // The routers are not strict: `/v1/events/` is `/v1/events`.
          pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+').replaceAll('.', '\\.')}/?$`),
          params: path.match(/\{\w+\}/g)?.length ?? 0,
          responses: op.responses,
        })),
  );
  const problemsOf = (pointer: string, body: unknown): string[] => {
    const validate = validatorAt(pointer);
    return validate(body)
      ? []
      : (validate.errors ?? []).map(
          (e) => `${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`,
        );
  };

  return (answer) => {
    const method = answer.method.toLowerCase();
    const operation = operations
      .filter((op) => op.method === method && op.pattern.test(answer.path))
      .sort((a, b) => a.params - b.params)[0];
    const json = answer.contentType.includes('json');
    if (!operation) {
      return json ? problemsOf('/components/schemas/Error', answer.body) : [];
    }
    const where = `/paths/${segment(operation.path)}/${method}/responses/${answer.status}`;
    const response = operation.responses[String(answer.status)];
    if (!response) {
      return [`status ${answer.status} is not documented for ${method.toUpperCase()} ${operation.path}`];
    }
    if (answer.status === 204) return [];
    const documented = Object.keys(response.content ?? {});
    const contentType = documented.find((type) => answer.contentType.startsWith(type));
    if (!contentType) {
      return [
        `answered ${answer.contentType || 'nothing'}, documented ${documented.join(', ') || 'nothing'}`,
      ];
    }
    if (!json) return [];
    const problems = problemsOf(`${where}/content/${segment(contentType)}/schema`, answer.body);
    const codes: string[] | undefined = response['x-error-codes'];
    const code = (answer.body as { error?: { code?: unknown } } | undefined)?.error?.code;
    if (codes && typeof code === 'string' && !codes.includes(code)) {
      problems.push(
        `error code ${code} is not among those documented for ${answer.status}: ${codes.join(', ')}`,
      );
    }
    return problems;
  };
}

/** What the checker reads of one answer. */
export interface Answer {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: unknown;
}

/** The JSON value of a Koa body, when it is JSON: an object, or JSON text (`/v1/openapi.json`). */
function jsonBodyOf(ctx: Context): unknown {
  if (typeof ctx.body === 'string') return JSON.parse(ctx.body);
  if (Buffer.isBuffer(ctx.body)) return JSON.parse(ctx.body.toString('utf-8'));
  return ctx.body;
}

/**
 * Koa middleware, outermost, that checks each answer as it leaves against the app's OpenAPI
 * document (built on first use, once every router is mounted) and reports what the document does
 * not describe. It never changes an answer.
 */
export function responseContract(options: {
  document: () => Json;
  onViolation: (violation: Violation) => void;
}) {
  let check: ((answer: Answer) => string[]) | undefined;
  return async function checkResponse(ctx: Context, next: Next) {
    await next();
    if (ctx.method === 'HEAD' || ctx.method === 'OPTIONS') return;
    const request = `${ctx.method} ${ctx.path}`;
    try {
      check ??= contractChecker(options.document());
      const contentType = ctx.response.type;
      const body = contentType.includes('json') ? jsonBodyOf(ctx) : undefined;
      for (const problem of check({
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        contentType,
        body,
      })) {
        options.onViolation({ request, status: ctx.status, problem });
      }
    } catch (error) {
      options.onViolation({ request, status: ctx.status, problem: `could not be checked: ${String(error)}` });
    }
  };
}
