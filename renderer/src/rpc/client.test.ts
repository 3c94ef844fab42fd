import { describe, expect, it } from 'vitest';
import type { RpcReply } from '../../../shared/contract';
import { createClient, RpcCallError, subscribe } from './client';
import type { Transport } from './transport';

function fakeTransport(answer: (channel: string, input: unknown) => RpcReply | Promise<RpcReply>) {
  const listeners = new Map<string, (p: unknown) => void>();
  const calls: { channel: string; input: unknown }[] = [];
  const transport: Transport = {
    host: 'web',
    invoke: async (channel, input) => {
      calls.push({ channel, input });
      return answer(channel, input);
    },
    on: (event, cb) => {
      listeners.set(event, cb);
      return () => listeners.delete(event);
    },
  };
  return { transport, calls, emit: (e: string, p: unknown) => listeners.get(e)?.(p) };
}

describe('rpc client', () => {
  it('has one method per channel and unwraps values', async () => {
    const { transport, calls } = fakeTransport(() => ({ ok: true, value: { nodes: [] } }));
    const client = createClient(transport);
    await expect(client['tree.list']({})).resolves.toEqual({ nodes: [] });
    expect(typeof client['http.send']).toBe('function');
    expect(calls).toEqual([{ channel: 'tree.list', input: {} }]);
  });

  it('throws a typed RpcCallError with the code and message', async () => {
    const { transport } = fakeTransport(() => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Item x was not found' } }));
    const err = await createClient(transport)['items.get']({ id: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RpcCallError);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'Item x was not found', channel: 'items.get' });
  });

  it('turns a transport failure into a TRANSPORT error', async () => {
    const { transport } = fakeTransport(() => Promise.reject(new Error('socket closed')));
    await expect(createClient(transport)['env.list']({})).rejects.toMatchObject({ code: 'TRANSPORT', message: 'socket closed' });
  });

  it('delivers valid push events and drops malformed ones', () => {
    const { transport, emit } = fakeTransport(() => ({ ok: true, value: null }));
    const got: unknown[] = [];
    const off = subscribe(transport, 'workspace.changed', (p) => got.push(p));
    emit('workspace.changed', { what: 'tree' });
    emit('workspace.changed', { what: 'nonsense' });
    off();
    emit('workspace.changed', { what: 'history' });
    expect(got).toEqual([{ what: 'tree' }]);
  });
});
