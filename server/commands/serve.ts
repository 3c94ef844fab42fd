// npm run server: serves the billing API on HOST:PORT (127.0.0.1:4080) until SIGINT or SIGTERM, then
// stops gracefully.
// Prints one JSON line once listening: {"url","store"}.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import type { ServerConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { openStore } from '../db/store.js';

/** Requests in flight at Ctrl+C get this long to finish before their connections are cut. */
export const STOP_GRACE_MS = 10_000;

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
    // Stop listening, let requests in flight finish (their transactions commit and they are answered),
    // then close the store — never under a handler that still uses it.
    stop: () =>
      (stopping ??= (async () => {
        const cut = setTimeout(() => app.server.closeAllConnections(), STOP_GRACE_MS);
        try {
          await app.close();
        } finally {
          clearTimeout(cut);
        }
        await store.close();
      })()),
  };
}
