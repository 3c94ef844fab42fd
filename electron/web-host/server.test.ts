// The web host refuses every connection that is not the page it served holding this launch's
// token, and serves the contract to the one that is.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAppServices, type AppServices } from '../services/app-services.js';
import { startWebHost, type WebHost } from './server.js';

let services: AppServices;
let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-webhost-'));
  staticDir = path.join(home, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Courier</title>');
  fs.writeFileSync(path.join(home, 'secret.txt'), 'not for the web');
  services = createAppServices({ home, host: 'web', version: 'test' });
  host = await startWebHost({ handlers: services.handlers, events: services.events, staticDir });
});

afterAll(async () => {
  await host.close();
  await services.close();
});

/** Opens the RPC socket; resolves with the socket or rejects with the HTTP status of the refusal. */
function connect(opts: { token?: string | null; origin?: string; hostHeader?: string }): Promise<WebSocket> {
  const token = opts.token === undefined ? host.token : opts.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc${query}`, {
    origin: opts.origin ?? `http://127.0.0.1:${host.port}`,
    headers: opts.hostHeader ? { host: opts.hostHeader } : undefined,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

let nextId = 1;
function call(ws: WebSocket, channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const id = nextId++;
  ws.send(JSON.stringify({ id, channel, input }));
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.reply);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('web host', () => {
  it('refuses a socket without the token (401)', async () => {
    await expect(connect({ token: null })).rejects.toThrow('HTTP 401');
    await expect(connect({ token: 'wrong' })).rejects.toThrow('HTTP 401');
  });

  it('refuses a socket from another origin even with the token (403)', async () => {
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('refuses a rebinding Host header (403)', async () => {
    await expect(connect({ hostHeader: `evil.example:${host.port}` })).rejects.toThrow('HTTP 403');
  });

  it('serves the contract to the page holding the token', async () => {
    const ws = await connect({});
    const info = await call(ws, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'web', version: 'test' } });
    const created = await call(ws, 'items.create', { kind: 'collection', parentId: null, name: 'Pets' });
    expect(created).toMatchObject({ ok: true, value: { kind: 'collection', name: 'Pets' } });
    ws.close();
  });

  it('answers bad input, unknown channels and malformed frames with typed errors, not crashes', async () => {
    const ws = await connect({});
    expect(await call(ws, 'items.create', { kind: 'planet', parentId: null, name: '' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await call(ws, 'fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await call(ws, 'items.get', { id: 'no-such-id' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const reply = await new Promise<{ reply: { ok: boolean; error: { code: string } } }>((resolve) => {
      ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      ws.send('{not json');
    });
    expect(reply.reply).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    // Still alive after all that.
    expect(await call(ws, 'app.info', {})).toMatchObject({ ok: true });
    ws.close();
  });

  it('pushes workspace events to connected pages', async () => {
    const ws = await connect({});
    const event = new Promise<{ event: string; payload: unknown }>((resolve) => {
      ws.on('message', (d) => {
        const msg = JSON.parse(d.toString());
        if (msg.event) resolve(msg);
      });
    });
    await call(ws, 'items.create', { kind: 'collection', parentId: null, name: 'Events' });
    expect(await event).toEqual({ event: 'workspace.changed', payload: { what: 'tree' } });
    ws.close();
  });

  it('serves the UI with a CSP and never a file outside it', async () => {
    const res = await fetch(`http://127.0.0.1:${host.port}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>Courier</title>');
    const escape = await fetch(`http://127.0.0.1:${host.port}/..%2fsecret.txt`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('not for the web');
    // fetch() may not set Host; a DNS-rebinding page would arrive with its own name in it.
    const rebindingStatus = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: host.port, path: '/', headers: { host: 'evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    expect(rebindingStatus).toBe(403);
  });
});
