import { escapeHtml } from '../lib/html.ts';
import { type CodeSample, codeSamplesOf, resolvedParameters } from './openapi.samples.ts';

// biome-ignore lint/suspicious/noExplicitAny: the page reads the document as the plain JSON it is.
type Json = Record<string, any>;

/** Escapes text and turns its `code spans` into <code>, as the descriptions write them. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

/** A description and constraints as one line: "Where events go; max length 2000". */
const notesOf = (description: string | undefined, constraints: string[]) =>
  [description ? prose(description.replace(/\.$/, '')) : '', ...constraints].filter(Boolean).join('; ');

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;

function typeOf(schema: Json): string {
  if (schema.$ref) return String(schema.$ref).split('/').pop() as string;
  if (schema.enum) return schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).map(typeOf).join(' | ');
  if (schema.type === 'array') {
    const item = typeOf(schema.items ?? {});
    return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
  }
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

function constraintsOf(schema: Json): string[] {
  const out: string[] = [];
  for (const [key, label] of [
    ['minimum', 'min'],
    ['maximum', 'max'],
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minItems', 'min items'],
    ['maxItems', 'max items'],
  ] as const) {
    if (schema[key] !== undefined && !(key === 'maximum' && schema[key] >= Number.MAX_SAFE_INTEGER)) {
      out.push(`${label} ${schema[key]}`);
    }
  }
  if (schema.pattern) out.push(`pattern <code>${escapeHtml(schema.pattern)}</code>`);
  if (schema.default !== undefined)
    out.push(`default <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  return out;
}

/** A property table of an object schema, nested for objects and arrays of objects. */
function schemaTable(schema: Json): string {
  const properties: Record<string, Json> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const rows = Object.entries(properties).map(([name, property]) => {
    const inner = property.type === 'array' ? property.items : property;
    const nested = inner?.type === 'object' && inner.properties ? schemaTable(inner) : '';
    const notes = notesOf(property.description, constraintsOf(property));
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td>
<td><code>${escapeHtml(typeOf(property))}</code></td><td>${notes}${nested}</td></tr>`;
  });
  return rows.length ? `<table><tbody>${rows.join('\n')}</tbody></table>` : '';
}

function parametersTable(parameters: Json[], components: Json): string {
  const resolved = resolvedParameters(parameters, components);
  if (resolved.length === 0) return '';
  const rows = resolved.map(
    (
      p: Json,
    ) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td>
<td>${escapeHtml(p.in)}</td><td><code>${escapeHtml(typeOf(p.schema ?? {}))}</code></td>
<td>${notesOf(p.description, constraintsOf(p.schema ?? {}))}</td></tr>`,
  );
  return `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th></th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

/** The schema of a JSON answer, by name (`Event`). */
function answerOf(response: Json): string {
  const schema = response.content?.['application/json']?.schema;
  return schema ? ` <code>${escapeHtml(typeOf(schema))}</code>` : '';
}

function responsesList(responses: Json): string {
  const items = Object.entries(responses).map(([status, response]: [string, Json]) => {
    const codes: string[] | undefined = response['x-error-codes'];
    const text = codes
      ? codes
          .map((code) => `<a href="/docs#${escapeHtml(code)}"><code>${escapeHtml(code)}</code></a>`)
          .join(', ')
      : `${prose(response.description ?? '')}${answerOf(response)}`;
    return `<li><strong>${escapeHtml(status)}</strong> ${text}</li>`;
  });
  return `<h4>Responses</h4><ul class="responses">${items.join('\n')}</ul>`;
}

const LANGUAGES: CodeSample['lang'][] = ['curl', 'JavaScript', 'Python', 'PHP'];
const langClass = (lang: string) => `lang-${lang.toLowerCase()}`;

/** The example request in every language (the page's language switch shows one) and the example answer. */
function examplesHtml(samples: CodeSample[], op: Json): string {
  const ok = Object.entries(op.responses ?? {}).find(([status]) => status.startsWith('2')) as
    | [string, Json]
    | undefined;
  const example = ok?.[1].content?.['application/json']?.example;
  const blocks = samples.map(
    (sample) =>
      `<pre class="sample ${langClass(sample.lang)}" aria-label="${escapeHtml(sample.label)}"><code>${escapeHtml(sample.source)}</code></pre>`,
  );
  // Operations outside the SDKs show curl whatever language is chosen.
  const fallback = samples.length === 1 ? ' only' : '';
  return `<h4>Example</h4><div class="samples${fallback}">${blocks.join('')}</div>${
    example === undefined
      ? ''
      : `<details><summary>Example answer (${escapeHtml(ok?.[0] ?? '')})</summary><pre><code>${escapeHtml(JSON.stringify(example, null, 2))}</code></pre></details>`
  }`;
}

function operationHtml(
  method: string,
  path: string,
  op: Json,
  components: Json,
  id: string,
  serverUrl: string,
): string {
  const auth = op.security?.length
    ? op.security.some((s: Json) => Object.keys(s).length === 0)
      ? 'Secret key, or the checkout session’s client secret'
      : 'Secret key (<code>Authorization: Bearer er_test_…</code>)'
    : 'None';
  const body = op.requestBody?.content?.['application/json']?.schema;
  return `<article id="${escapeHtml(id)}"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p>${prose(op.summary ?? '')}</p>${op.description ? `<p>${prose(op.description)}</p>` : ''}
<p class="auth">Authentication: ${auth}</p>
${parametersTable(op.parameters ?? [], components)}
${body ? `<h4>Body${op.requestBody.required ? '' : ' (optional)'}</h4>${schemaTable(body) || `<p><code>${escapeHtml(typeOf(body))}</code></p>`}` : ''}
${responsesList(op.responses ?? {})}
${serverUrl ? examplesHtml(codeSamplesOf({ method, path, operation: op, components, serverUrl }), op) : ''}</article>`;
}

/** The human-readable API reference, rendered from the OpenAPI document itself. */
export function renderApiReference(document: Json): string {
  const components = document.components ?? {};
  const serverUrl: string = document.servers?.[0]?.url ?? '';
  const byTag = new Map<string, string[]>();
  const nav = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {}) as [string, Json][]) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? 'Other';
      const id = op.operationId ?? `${method}-${path}`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(method, path, op, components, id, serverUrl)]);
      nav.set(tag, [
        ...(nav.get(tag) ?? []),
        `<li><a href="#${escapeHtml(id)}"><span class="method ${method}">${method.toUpperCase()}</span> ${escapeHtml(path)}</a></li>`,
      ]);
    }
  }
  const webhooks = (Object.entries(document.webhooks ?? {}) as [string, Json][]).map(([name, item]) =>
    operationHtml('post', name, item.post, components, `webhook-${name}`, ''),
  );
  const sections = [...byTag].map(
    ([tag, ops]) =>
      `<section><h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('\n')}</section>`,
  );
  const navHtml = [...nav]
    .map(
      ([tag, links]) =>
        `<h3><a href="#tag-${escapeHtml(tag)}">${escapeHtml(tag)}</a></h3><ul>${links.join('')}</ul>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>EntryRate API reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1a1a1a;display:grid;grid-template-columns:18rem 1fr}
nav{position:sticky;top:0;height:100vh;overflow:auto;padding:1rem;border-right:1px solid #ddd;font-size:.85rem}
nav ul{list-style:none;padding:0;margin:0 0 1rem}nav h3{font-size:.95rem;margin:.75rem 0 .25rem}
main{max-width:60rem;padding:1rem 2rem}article{border-top:1px solid #ddd;padding:1rem 0;scroll-margin-top:5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-top:1px solid #eee;padding:.3rem .5rem;vertical-align:top;text-align:left}
td table{margin-top:.4rem}.method{display:inline-block;min-width:3.5rem;font-weight:600;font-size:.8rem}
.get{color:#0b6b2b}.post{color:#1a4fa0}.patch,.put{color:#8a5a00}.delete{color:#a11}
.req{color:#a11;font-size:.8rem}.auth{color:#555;font-size:.9rem}a{color:#1a4fa0}
pre{background:#f5f5f5;padding:.75rem;overflow:auto}@media(max-width:50rem){body{display:block}nav{position:static;height:auto}}
.langs{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd;z-index:1}
.langs label{margin-right:1rem;white-space:nowrap}.sample{display:none}
${LANGUAGES.map((l) => `body:has(#${langClass(l)}:checked) .${langClass(l)}`).join(',')},.samples.only .sample{display:block}
summary{cursor:pointer;color:#1a4fa0}
@media(prefers-color-scheme:dark){body{background:#121212;color:#e8e8e8}nav,article,.langs{border-color:#333}
.langs{background:#121212}pre{background:#1e1e1e}td,th{border-color:#2a2a2a}a,summary{color:#8ab4f8}
.get{color:#6fcf8f}.post{color:#8ab4f8}.patch,.put{color:#f0c36b}.delete,.req{color:#f28b82}.auth{color:#aaa}}</style>
</head><body><nav aria-label="Operations">${navHtml}<h3><a href="#webhooks">Webhooks we send</a></h3></nav><main>
<h1>${escapeHtml(document.info?.title ?? 'API')} reference</h1>
<p>${prose(document.info?.description ?? '')}</p>
<p>Version <code>${escapeHtml(document.info?.version ?? '')}</code> ·
<a href="/v1/openapi.json">OpenAPI 3.1 document</a> · <a href="/docs">Error codes</a></p>
<fieldset class="langs"><legend>Examples in</legend>${LANGUAGES.map(
    (l, i) =>
      `<label><input type="radio" name="lang" id="${langClass(l)}"${i === 0 ? ' checked' : ''}> ${l}</label>`,
  ).join('')}</fieldset>
<h2>Conventions</h2>
<ul><li>Base URL <code>${escapeHtml(document.servers?.[0]?.url ?? '')}</code>; JSON in and out; money in minor units (<code>1200</code> is £12.00).</li>
<li>Send <code>Idempotency-Key</code> on every POST to retry it safely, and <code>EntryRate-Version</code> to pin a version.</li>
<li>Errors are <code>{ "error": { "code", "message", "param", "docs", "requestId" } }</code>; every code is on <a href="/docs">the error page</a>.</li>
<li>Lists take <code>?page=&amp;limit=</code> (limit up to 100) and answer <code>{ data, pagination: { page, limit, total, pages } }</code>.</li></ul>
${sections.join('\n')}
<section><h2 id="webhooks">Webhooks we send</h2>
<p>Each is a POST of the raw JSON body <code>{ id, type, createdAt, data }</code>. Verify it before trusting it:</p>
<pre><code>const sig = req.headers['entryrate-signature'];
const expected = crypto.createHmac('sha256', process.env.WEBHOOK_SECRET).update(req.rawBody).digest('hex');
if (!crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return res.status(400).end();</code></pre>
${webhooks.join('\n')}</section>
</main></body></html>`;
}
