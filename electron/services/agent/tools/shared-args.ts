// Argument pieces several tools share, and the conversions between what the model sends and the
// workspace's request model.
import { z } from 'zod';
import { MASK } from '../../../../shared/agent/redact.js';
import { AppError } from '../../../../shared/errors.js';
import { Auth, Body, HttpMethod, type Item, type RequestSpec } from '../../../../shared/model.js';
import type { Workspace } from '../../store/workspace.js';

export const ItemId = z.string().min(1).max(64).describe('The id of a collection, folder or request (from list_items or search_workspace)');
export const Pair = z.object({ key: z.string(), value: z.string(), enabled: z.boolean().optional() });

export const RequestFields = {
  method: HttpMethod.optional().describe('GET, POST, PUT, PATCH, DELETE, …'),
  url: z.string().max(100_000).optional().describe('May use {{variables}}, e.g. {{baseUrl}}/users'),
  headers: z.array(Pair).optional().describe('Replaces all headers'),
  params: z.array(Pair).optional().describe('Query parameters; replaces those in the URL'),
  body: Body.optional(),
  auth: Auth.optional(),
};

export const pairs = (list: z.infer<typeof Pair>[] | undefined) => list?.map((p) => ({ key: p.key, value: p.value, enabled: p.enabled ?? true }));

/**
 * A redacted value the model echoes back (it saw `[redacted]` instead of a token) must not
 * overwrite the real one: every string holding the mask takes the stored value at the same path.
 */
export function unmask<T>(next: T, prev: unknown, path = 'value'): T {
  if (typeof next === 'string') {
    if (!next.includes(MASK)) return next;
    if (typeof prev === 'string') return prev as T;
    throw new AppError('BAD_INPUT', `${path} holds "${MASK}", a hidden secret; use a {{variable}} or the real value instead`);
  }
  if (Array.isArray(next)) {
    const before = Array.isArray(prev) ? prev : [];
    return next.map((v, i) => {
      const key = v && typeof v === 'object' ? (v as { key?: unknown }).key : undefined;
      const match = key !== undefined ? before.find((b) => b && typeof b === 'object' && (b as { key?: unknown }).key === key) : before[i];
      return unmask(v, match, `${path}[${i}]`);
    }) as T;
  }
  if (next && typeof next === 'object') {
    const p = prev && typeof prev === 'object' ? (prev as Record<string, unknown>) : {};
    return Object.fromEntries(Object.entries(next).map(([k, v]) => [k, unmask(v, p[k], `${path}.${k}`)])) as T;
  }
  return next;
}

/** "Collection / Folder / Request" for an item. */
export function pathOf(workspace: Workspace, item: Item): string {
  return [...workspace.ancestors(item.id).reverse().map((a) => a.name), item.name].join(' / ');
}

export function requestOf(item: Item): RequestSpec {
  if (item.kind !== 'request' || !item.request) throw new AppError('BAD_INPUT', `${item.id} is a ${item.kind}, not a request`);
  return item.request;
}
