// HTTP calls to a billing server (DESIGN §6) with undici. Failures come in two kinds the sync engine
// treats differently: BillingUnreachable (connection refused or reset, a timeout, a 5xx, a 429 —
// try again later) and BillingRefused (the server answered no: 4xx with its problem+json).
import { Agent, request } from 'undici';
import type { z } from 'zod';
import { Problem } from '../../../shared/billing/api.js';

export class BillingUnreachable extends Error {
  constructor(message: string, readonly retryAfterMs?: number) {
    super(message);
    this.name = 'BillingUnreachable';
  }
}

export class BillingRefused extends Error {
  constructor(readonly status: number, message: string, readonly problem?: Problem) {
    super(message);
    this.name = 'BillingRefused';
  }
}

export interface BillingCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  timeoutMs?: number;
}

const dispatcher = new Agent({ keepAliveTimeout: 4_000, connect: { timeout: 5_000 } });

const describe = (err: unknown): string => {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(err);
};

/** One call; the answer parsed by `schema` (a 204 answers undefined without parsing). */
export async function billingCall<S extends z.ZodType>(baseUrl: string, call: BillingCall, schema: S): Promise<z.output<S>> {
  const url = new URL(call.path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const timeoutMs = call.timeoutMs ?? 30_000;
  let response;
  try {
    response = await request(url, {
      method: call.method,
      dispatcher,
      headers: {
        accept: 'application/json',
        ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
        ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: call.body !== undefined ? JSON.stringify(call.body) : undefined,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (err) {
    throw new BillingUnreachable(`The billing server at ${url.origin} could not be reached (${describe(err)}).`);
  }
  let text: string;
  try {
    text = await response.body.text();
  } catch (err) {
    throw new BillingUnreachable(`The billing server at ${url.origin} cut its answer short (${describe(err)}).`);
  }
  const status = response.statusCode;
  if (status >= 500 || status === 429) {
    const retryAfter = Number(response.headers['retry-after']);
    throw new BillingUnreachable(
      `The billing server at ${url.origin} answered ${status}${problemDetail(text)}.`,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
    );
  }
  if (status >= 400) {
    const problem = parseProblem(text);
    throw new BillingRefused(status, problem?.detail ?? problem?.title ?? `The billing server answered ${status}.`, problem);
  }
  if (status === 204) return undefined as z.output<S>;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BillingUnreachable(`The billing server at ${url.origin} sent an answer that is not JSON (status ${status}).`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BillingRefused(status, `The billing server at ${url.origin} sent an answer Courier does not understand: ${parsed.error.message}`);
  return parsed.data;
}

function parseProblem(text: string): Problem | undefined {
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function problemDetail(text: string): string {
  const problem = parseProblem(text);
  return problem ? `: ${problem.detail ?? problem.title}` : '';
}
