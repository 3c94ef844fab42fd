// One connection-pooled undici dispatcher per combination of settings that changes how a
// connection is made (TLS verification on/off, which proxy), kept for the engine's lifetime so
// sequential requests to one host reuse their keep-alive connections.
import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { createTimedConnector } from './connector.js';
import { proxyFor, type ProxyEnv } from './proxy.js';

// The engine enforces the request's own timeout (settings.timeoutMs, 0 = none), so undici's
// header and body timeouts are off.
const COMMON = { headersTimeout: 0, bodyTimeout: 0, keepAliveTimeout: 10_000, pipelining: 1 } as const;

export class DispatcherPool {
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(private readonly env: () => ProxyEnv) {}

  /** The dispatcher for a request to `target`, and the proxy it goes through (null: direct). */
  for(target: URL, verifyTls: boolean): { dispatcher: Dispatcher; proxy: string | null } {
    const proxy = proxyFor(target, this.env());
    const key = `${proxy ?? 'direct'}|${verifyTls ? 'verify' : 'insecure'}`;
    let dispatcher = this.dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = proxy
        ? new ProxyAgent({
            uri: proxy,
            ...COMMON,
            requestTls: { rejectUnauthorized: verifyTls },
            proxyTls: { rejectUnauthorized: verifyTls },
          })
        : new Agent({ ...COMMON, connect: createTimedConnector({ rejectUnauthorized: verifyTls }) });
      this.dispatchers.set(key, dispatcher);
    }
    return { dispatcher, proxy };
  }

  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.destroy().catch(() => undefined)));
  }
}
