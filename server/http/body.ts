// Request bodies and query strings are checked against the shared zod schemas before a handler
// acts; anything else is a 400 problem that lists each issue.
import type { z } from 'zod';
import { badInput } from './problem.js';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badInput(
    `The ${what} is not valid.`,
    result.error.issues.slice(0, 50).map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
  );
}
