// Validates a call against the contract, runs its handler and turns any failure into a typed
// RpcError. Both transports (Electron IPC and the web host) go through here, so a bad input never
// reaches a handler and an exception never crashes the main process.
import { ZodError } from 'zod';
import { contract, type ChannelName, type Handlers, type RpcError, type RpcReply } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function toRpcError(err: unknown): RpcError {
  if (err instanceof AppError) return { code: err.code, message: err.message, issues: err.issues };
  if (err instanceof ZodError) {
    return {
      code: 'BAD_INPUT',
      message: err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
      issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}

export async function dispatch(handlers: Handlers, channel: unknown, input: unknown): Promise<RpcReply> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel ${String(channel)}` } };
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: toRpcError(parsed.error) };
  try {
    const handler = handlers[channel] as (i: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (err) {
    const error = toRpcError(err);
    if (error.code === 'INTERNAL') console.error(`[courier] ${channel} failed:`, err);
    return { ok: false, error };
  }
}
