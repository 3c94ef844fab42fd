// Test fixture for the engine tests: an engine over a temporary data folder, with an in-memory
// cookie store and no proxy variables (so a developer's HTTP_PROXY does not leak into tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRequest, type RequestSpec } from '../../../shared/model.js';
import { createHttpEngine, type HttpEngine, type HttpEngineOptions } from './engine.js';

// The engine's tests run against the shared test server and proxy in test/support.
export { startTestServer, type TestServer } from '../../../test/support/test-server.js';
export { startTestProxy, type TestProxy } from '../../../test/support/test-proxy.js';

export interface EngineFixture {
  engine: HttpEngine;
  dataDir: string;
  savedJar(): string | null;
  dispose(): Promise<void>;
}

export function makeEngine(extra: Partial<HttpEngineOptions> = {}): EngineFixture {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-http-'));
  let saved: string | null = null;
  const engine = createHttpEngine({
    dataDir,
    cookieStore: { load: () => saved, save: (s) => void (saved = s) },
    env: () => ({}),
    ...extra,
  });
  return {
    engine,
    dataDir,
    savedJar: () => saved,
    dispose: async () => {
      await engine.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A request with defaults, as the UI would build it. */
export function req(url: string, overrides: Partial<RequestSpec> = {}): RequestSpec {
  return defaultRequest({ url, auth: { type: 'none' }, ...overrides });
}

export const send = (engine: HttpEngine, spec: RequestSpec, sendId = `s-${Math.random().toString(36).slice(2)}`, limit = 100 * 1024 * 1024) =>
  engine.send(spec, { sendId, bodyLimitBytes: limit });

/** The JSON a /echo response carries. */
export interface Echo {
  method: string;
  path: string;
  url: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: [string, string][];
  body: string;
  bodyBase64: string;
  bodyLength: number;
}

export function echoOf(outcome: Awaited<ReturnType<HttpEngine['send']>>): Echo {
  const body = outcome.response?.body;
  if (!body || body.kind !== 'text') throw new Error(`no text body: ${JSON.stringify(outcome.error ?? body)}`);
  return JSON.parse(body.text) as Echo;
}
