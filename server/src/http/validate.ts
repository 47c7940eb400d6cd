import type { z } from 'zod';
import { invalidRequest } from './errors.ts';

/** Parses input with a zod schema or throws the 400 `request.invalid` naming the field. */
export function parse<T extends z.ZodType>(schema: T, input: unknown, prefix?: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidRequest(result.error, prefix);
  return result.data;
}
