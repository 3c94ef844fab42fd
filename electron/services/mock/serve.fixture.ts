// Tests serve an engine on a real loopback port and keep what the server reported.
import { startMockServer, type AnsweredRequest, type MockServerOptions, type RunningMockServer } from './mock-server.js';
import type { MockEngine } from './types.js';

export interface Served extends RunningMockServer {
  answered: AnsweredRequest[];
}

export async function serve(engine: MockEngine, options: Partial<MockServerOptions> = {}): Promise<Served> {
  const answered: AnsweredRequest[] = [];
  const server = await startMockServer(engine, { host: '127.0.0.1', port: 0, latencyMs: 0, cors: true, ...options }, (e) => answered.push(e));
  return { ...server, answered };
}
