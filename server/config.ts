// Configuration from the environment (DESIGN §3, §6).
//   PORT (4080), HOST (127.0.0.1), BILLING_DB (./billing.sqlite), DATABASE_URL (PostgreSQL when set),
//   BILLING_PG_SCHEMA (optional PostgreSQL schema for the tables), BILLING_NOW (ISO start of the clock).
import { clockStartingAt, parseInstant, systemClock, type Clock } from './clock.js';
import type { StoreConfig } from './db/store.js';

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly store: StoreConfig;
  readonly clock: Clock;
}

export type Env = Readonly<Record<string, string | undefined>>;

export function storeConfigFrom(env: Env): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url, schema: env.BILLING_PG_SCHEMA?.trim() || null };
  return { kind: 'sqlite', file: env.BILLING_DB?.trim() || './billing.sqlite' };
}

export function clockFrom(env: Env): Clock {
  const now = env.BILLING_NOW?.trim();
  return now ? clockStartingAt(parseInstant(now, 'BILLING_NOW')) : systemClock;
}

export function serverConfigFrom(env: Env): ServerConfig {
  const port = env.PORT?.trim() ? Number(env.PORT) : 4080;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env.PORT}`);
  return { host: env.HOST?.trim() || '127.0.0.1', port, store: storeConfigFrom(env), clock: clockFrom(env) };
}
