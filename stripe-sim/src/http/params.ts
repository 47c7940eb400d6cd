import type { ParsedQs } from 'qs';
import { invalidRequest, missingParam, unknownParam } from './stripe-error.ts';

/** Request parameters as `qs` parses Stripe's bracket notation (`metadata[order]=1`). */
export type Params = ParsedQs;
type Value = Params[string];

/** Rejects top-level parameters Stripe would not accept on this endpoint, so typos fail here as they would there. */
export function rejectUnknown(params: Params, known: ReadonlySet<string>): void {
  for (const name of Object.keys(params)) {
    if (!known.has(name)) throw unknownParam(name);
  }
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalidRequest(`Invalid string: ${name}`, name, 'parameter_invalid_string');
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') throw missingParam(name);
  return value;
}

export function optionalInteger(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d+$/.test(value)) {
    throw invalidRequest(`Invalid integer: ${String(value)}`, name, 'parameter_invalid_integer');
  }
  return Number(value);
}

export function requiredInteger(params: Params, name: string): number {
  const value = optionalInteger(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

/** Stripe's form booleans are the strings "true" and "false". */
export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalidRequest(`Invalid boolean: ${String(value)}`, name, 'parameter_invalid_boolean');
}

/** A nested hash such as `automatic_payment_methods[enabled]`; an empty string means "unset". */
export function optionalHash(params: Params, name: string): Params | undefined {
  const value: Value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest(`Invalid object`, name, 'parameter_invalid_empty');
  }
  return value;
}

/**
 * Applies `metadata[...]` to existing metadata with Stripe's rules: an empty value removes a key,
 * `metadata=""` clears them all, at most 50 keys of 40 characters with values of 500.
 */
export function mergeMetadata(current: Record<string, string>, params: Params): Record<string, string> {
  const value = params.metadata;
  if (value === undefined) return current;
  if (value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest('Invalid metadata: must be a hash of string keys and values', 'metadata');
  }
  const merged = { ...current };
  for (const [key, raw] of Object.entries(value)) {
    if (typeof raw !== 'string')
      throw invalidRequest(`Invalid metadata value for key ${key}`, `metadata[${key}]`);
    if (key.length > 40) {
      throw invalidRequest('Metadata keys can have up to 40 characters.', `metadata[${key}]`);
    }
    if (raw.length > 500) {
      throw invalidRequest('Metadata values can have up to 500 characters.', `metadata[${key}]`);
    }
    if (raw === '') delete merged[key];
    else merged[key] = raw;
  }
  if (Object.keys(merged).length > 50) {
    throw invalidRequest('You can specify up to 50 keys in metadata.', 'metadata');
  }
  return merged;
}

/** Whether `expand[]` names `field`, as stripe-node sends it (`expand[0]=refunds`). */
export function expands(params: Params, field: string): boolean {
  const value = params.expand;
  return Array.isArray(value) ? value.includes(field) : value === field;
}

/** A timestamp filter as Stripe takes it: `created=123`, or `created[gte]=…&created[lt]=…`. */
export interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

export function optionalRange(params: Params, name: string): Range | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string') {
    const exact = optionalInteger(params, name) as number;
    return { gte: exact, lte: exact };
  }
  const hash = optionalHash(params, name) as Params;
  const range: Range = {};
  for (const key of Object.keys(hash)) {
    if (key !== 'gt' && key !== 'gte' && key !== 'lt' && key !== 'lte') throw unknownParam(`${name}[${key}]`);
    const bound = hash[key];
    if (typeof bound !== 'string' || !/^-?\d+$/.test(bound)) {
      throw invalidRequest(
        `Invalid integer: ${String(bound)}`,
        `${name}[${key}]`,
        'parameter_invalid_integer',
      );
    }
    range[key] = Number(bound);
  }
  return range;
}

/** Whether a timestamp falls in a range (an absent range lets everything through). */
export function inRange(value: number, range: Range | undefined): boolean {
  if (!range) return true;
  return (
    (range.gt === undefined || value > range.gt) &&
    (range.gte === undefined || value >= range.gte) &&
    (range.lt === undefined || value < range.lt) &&
    (range.lte === undefined || value <= range.lte)
  );
}
