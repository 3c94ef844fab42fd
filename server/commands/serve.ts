// npm run server: serves the billing API on HOST:PORT (127.0.0.1:4080) until SIGINT or SIGTERM.
// Prints one JSON line once listening: {"url","store"}.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { ServerConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { openStore } from '../db/store.js';

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  stop(): Promise<void>;
}

export async function serve(config: ServerConfig): Promise<RunningServer> {
  const store = openStore(config.store);
  await migrateToLatest(store);
  const app = buildApp({ store, clock: config.clock });
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.host}:${port}`,
    app,
    stop: () => (stopping ??= app.close().then(() => store.close())),
  };
}
