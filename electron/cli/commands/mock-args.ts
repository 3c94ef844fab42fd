// `courier mock` flags: where to listen, latency, CORS and validation, as the Mocks view offers.
import { parseArgs } from 'node:util';
import { badInput } from '../../../shared/errors.js';

export interface MockArgs {
  source: string;
  port: number;
  host: string;
  latencyMs: number;
  cors: boolean;
  validateRequests: boolean;
}

export const MOCK_USAGE = `usage: courier mock <spec file | Postman collection file | collection name or id | spec name or id> [options]

  Serves a mock until Ctrl+C: a spec (answers from its examples and schemas, requests checked
  against it) or a collection's saved examples (the best match by method, path, query, headers, body).

  -p, --port <n>        the port (default 4010; 0: any free port)
  --host <address>      where to listen (default 127.0.0.1; 0.0.0.0 exposes it to other machines)
  --latency <ms>        delay every response by this many milliseconds
  --no-cors             send no CORS headers and answer no preflights
  --no-validate         spec mocks: answer even requests that do not match the spec`;

function integer(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) throw badInput(`${flag} must be a whole number from ${min} to ${max} (got "${value}")`);
  return Number(value);
}

export function parseMockArgs(argv: string[]): MockArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        latency: { type: 'string' },
        'no-cors': { type: 'boolean' },
        'no-validate': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw badInput(`${(err as Error).message}\n\n${MOCK_USAGE}`);
  }
  if (parsed.positionals.length !== 1) throw badInput(`What should the mock serve? Give one spec or collection.\n\n${MOCK_USAGE}`);
  return {
    source: parsed.positionals[0],
    port: integer(parsed.values.port, '--port', 0, 65535, 4010),
    host: parsed.values.host?.trim() || '127.0.0.1',
    latencyMs: integer(parsed.values.latency, '--latency', 0, 600_000, 0),
    cors: parsed.values['no-cors'] !== true,
    validateRequests: parsed.values['no-validate'] !== true,
  };
}
