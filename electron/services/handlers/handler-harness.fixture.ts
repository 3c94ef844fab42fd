// One app's handlers over a fresh workspace in a temp folder, for tests that go through the real
// dispatcher (inputs and outputs checked against the contract): `useHandlerHarness()` in a test file
// registers the set-up and tear-down and answers a getter for the current test's harness.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { RpcReply } from '../../../shared/contract.js';
import { EventBus } from '../events.js';
import { createHttpEngine, type HttpEngine } from '../http/engine.js';
import { dispatch } from '../rpc/dispatch.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import type { HandlerContext } from './context.js';
import { createHandlers } from './index.js';

export interface HandlerHarness {
  dir: string;
  ws: Workspace;
  engine: HttpEngine;
  events: EventBus;
  /** The payloads of the workspace.changed events, in order. */
  changed: { what: string }[];
  call(channel: string, input: unknown): Promise<RpcReply>;
}

export function useHandlerHarness(extra: Partial<HandlerContext> = {}): () => HandlerHarness {
  let current: HandlerHarness | undefined;
  beforeEach(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-handlers-'));
    const ws = openWorkspace(dir);
    const engine = createHttpEngine({ dataDir: dir, cookieStore: { load: () => null, save: () => undefined } });
    const events = new EventBus();
    const changed: { what: string }[] = [];
    events.subscribe((name, payload) => name === 'workspace.changed' && changed.push(payload as { what: string }));
    const handlers = createHandlers({ workspace: ws, engine, events, host: 'web', version: 'test', ...extra });
    current = { dir, ws, engine, events, changed, call: (channel, input) => dispatch(handlers, channel, input) };
  });
  afterEach(async () => {
    if (!current) return;
    const { engine, ws, dir } = current;
    current = undefined;
    await engine.close();
    ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('useHandlerHarness: used outside a test');
    return current;
  };
}
