// biome-ignore lint/suspicious/noExplicitAny: samples read the document as the plain JSON it is.
type Json = Record<string, any>;

/** One operation's example call in one language, as OpenAPI's `x-codeSamples` lists them. */
export interface CodeSample {
  lang: 'curl' | 'JavaScript' | 'Python' | 'PHP';
  label: string;
  source: string;
}

/** An operation as the document holds it, with where it lives. */
export interface SampledOperation {
  method: string;
  /** The document's path, `/v1/events/{id}`. */
  path: string;
  operation: Json;
  components: Json;
  serverUrl: string;
}

/**
 * The operation's example request (its parameters' and body's `example`s) as a curl command and as
 * a call of each SDK, the method named by `x-sdk-method`. Operations outside the SDKs get curl only.
 */
export function codeSamplesOf(op: SampledOperation): CodeSample[] {
  const call = exampleCall(op);
  const samples: CodeSample[] = [{ lang: 'curl', label: 'curl', source: curl(op, call) }];
  const method: string | undefined = op.operation['x-sdk-method'];
  if (method) {
    samples.push(
      { lang: 'JavaScript', label: 'JavaScript', source: javascript(method, call) },
      { lang: 'Python', label: 'Python', source: python(method, call) },
      { lang: 'PHP', label: 'PHP', source: php(method, call) },
    );
  }
  return samples;
}

interface ExampleCall {
  /** Path parameters in path order, with their example values. */
  pathParams: [string, string][];
  query: Record<string, unknown>;
  body: unknown;
  /** Whether the call needs the secret key (public and client-secret calls do not). */
  secretKey: boolean;
  /** What to call the answer: `event`, `page`, `session`… */
  answer: string;
}

/** An operation's parameters with every `$ref` to `components.parameters` followed. */
export function resolvedParameters(parameters: Json[], components: Json): Json[] {
  return parameters.map((p) =>
    p.$ref ? components.parameters?.[String(p.$ref).split('/').pop() as string] : p,
  );
}

function exampleCall({ method, path, operation, components }: SampledOperation): ExampleCall {
  const parameters = resolvedParameters(operation.parameters ?? [], components);
  const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => {
    const parameter = parameters.find((p) => p?.in === 'path' && p.name === name);
    return [name, String(parameter?.example ?? `${name}_…`)] as [string, string];
  });
  const query: Record<string, unknown> = {};
  for (const p of parameters) if (p?.in === 'query' && p.example !== undefined) query[p.name] = p.example;
  const security: Json[] = operation.security ?? [];
  const ok = Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'));
  const ref: string | undefined = (ok?.[1] as Json | undefined)?.content?.['application/json']?.schema?.$ref;
  return {
    pathParams,
    query,
    body: operation.requestBody?.content?.['application/json']?.example,
    secretKey: security.length > 0 && !security.some((s) => Object.keys(s).length === 0),
    answer: answerName(ref ? (ref.split('/').pop() as string) : '', method),
  };
}

function answerName(component: string, method: string): string {
  if (component.endsWith('Page')) return 'page';
  if (component === 'CheckoutSession') return 'session';
  if (!component || component.endsWith('Deleted')) return method === 'delete' ? 'deleted' : 'result';
  // A creation's answer with its one-time secret is still the key or the endpoint.
  const name = component.replace(/WithSecret$/, '');
  return name[0]?.toLowerCase() + name.slice(1);
}

const hasBody = (body: unknown) => body !== undefined && !(isObject(body) && Object.keys(body).length === 0);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function curl({ method, path, serverUrl }: SampledOperation, call: ExampleCall): string {
  let url =
    serverUrl +
    path.replace(/\{(\w+)\}/g, (_, name) => call.pathParams.find(([n]) => n === name)?.[1] ?? name);
  const query = new URLSearchParams(
    Object.entries(call.query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  if (query) url += `?${query}`;
  const lines = [`curl${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} ${query ? `'${url}'` : url}`];
  if (call.secretKey) lines.push('-H "Authorization: Bearer $ER_KEY"');
  if (method === 'post') lines.push(`-H "Idempotency-Key: $(uuidgen)"`);
  if (hasBody(call.body)) {
    lines.push('-H "Content-Type: application/json"');
    lines.push(`-d '${JSON.stringify(call.body, null, 2).replaceAll("'", "'\\''")}'`);
  }
  return lines.join(' \\\n  ');
}

/** Arguments of an SDK call: path parameters, then the body (or query) when there is one. */
function argumentsOf(call: ExampleCall): { ids: string[]; params: Record<string, unknown> | null } {
  const params = hasBody(call.body) ? (call.body as Record<string, unknown>) : call.query;
  return {
    ids: call.pathParams.map(([, value]) => value),
    params: isObject(params) && Object.keys(params).length > 0 ? params : null,
  };
}

function javascript(method: string, call: ExampleCall): string {
  const { ids, params } = argumentsOf(call);
  const args = [...ids.map((id) => `'${id}'`), ...(params ? [jsValue(params, 0)] : [])];
  return [
    "import { EntryRate } from '@entryrate/sdk';",
    '',
    call.secretKey ? 'const er = new EntryRate(process.env.ER_KEY);' : 'const er = new EntryRate();',
    `const ${call.answer} = await er.${method}(${args.join(', ')});`,
  ].join('\n');
}

function jsValue(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (Array.isArray(value)) {
    return value.length ? `[\n${value.map((v) => pad + jsValue(v, depth + 1)).join(',\n')},\n${end}]` : '[]';
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(
      ([k, v]) => `${pad}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${jsValue(v, depth + 1)}`,
    );
    return entries.length ? `{\n${entries.join(',\n')},\n${end}}` : '{}';
  }
  return typeof value === 'string'
    ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
    : String(value);
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function python(method: string, call: ExampleCall): string {
  const { ids, params } = argumentsOf(call);
  const args = [
    ...ids.map((id) => pyValue(id, 1)),
    ...Object.entries(params ?? {}).map(([k, v]) => `${snake(k)}=${pyValue(v, 1)}`),
  ];
  const inline = `er.${method.split('.').map(snake).join('.')}(${args.join(', ')})`;
  const source =
    inline.length <= 80 || args.length === 0
      ? inline
      : `er.${method.split('.').map(snake).join('.')}(\n${args.map((a) => `    ${a},`).join('\n')}\n)`;
  return [
    'import os',
    'from entryrate import EntryRate',
    '',
    call.secretKey ? 'er = EntryRate(os.environ["ER_KEY"])' : 'er = EntryRate()',
    `${snake(call.answer)} = ${source}`,
  ].join('\n');
}

function pyValue(value: unknown, depth: number): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) {
    return value.length ? `[\n${value.map((v) => pad + pyValue(v, depth + 1)).join(',\n')},\n${end}]` : '[]';
  }
  if (isObject(value)) {
    const entries = Object.entries(value).map(([k, v]) => `${pad}"${snake(k)}": ${pyValue(v, depth + 1)}`);
    return entries.length ? `{\n${entries.join(',\n')},\n${end}}` : '{}';
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function php(method: string, call: ExampleCall): string {
  const { ids, params } = argumentsOf(call);
  const args = [...ids.map((id) => phpValue(id, 0)), ...(params ? [phpValue(params, 0)] : [])];
  return [
    '<?php',
    "require 'vendor/autoload.php';",
    '',
    call.secretKey
      ? "$er = new \\EntryRate\\EntryRate(getenv('ER_KEY'));"
      : '$er = new \\EntryRate\\EntryRate();',
    `$${call.answer} = $er->${method.split('.').join('->')}(${args.join(', ')});`,
  ].join('\n');
}

function phpValue(value: unknown, depth: number): string {
  const pad = '    '.repeat(depth + 1);
  const end = '    '.repeat(depth);
  if (value === null) return 'null';
  if (Array.isArray(value) || isObject(value)) {
    const entries = Array.isArray(value)
      ? value.map((v) => pad + phpValue(v, depth + 1))
      : Object.entries(value).map(([k, v]) => `${pad}'${k}' => ${phpValue(v, depth + 1)}`);
    return entries.length ? `[\n${entries.join(',\n')},\n${end}]` : '[]';
  }
  return typeof value === 'string'
    ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`
    : String(value);
}
