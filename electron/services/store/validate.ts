// Checks on what callers hand the store. A failure is BAD_INPUT with a message meant for people
// (and, for schema failures, the zod issues attached).
import { z } from 'zod';
import { AppError, badInput } from '../../../shared/errors.js';
import { Variable } from '../../../shared/model.js';
import { DESCRIPTION_MAX, NAME_MAX } from './limits.js';

export const Variables = z.array(Variable);

/** Validates input; a failure is BAD_INPUT with the zod issues attached. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, label: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({
    path: [label, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new AppError('BAD_INPUT', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

export function cleanName(name: unknown, max = NAME_MAX): string {
  if (typeof name !== 'string') throw badInput('A name is required.');
  const trimmed = name.trim();
  if (trimmed === '') throw badInput('A name is required.');
  if (trimmed.length > max) throw badInput(`A name can be at most ${max} characters (this one has ${trimmed.length}).`);
  return trimmed;
}

export function cleanDescription(description: unknown): string {
  if (typeof description !== 'string') throw badInput('description must be text.');
  if (description.length > DESCRIPTION_MAX) throw badInput(`A description can be at most ${DESCRIPTION_MAX} characters.`);
  return description;
}
