// A small fetch client for tests: real HTTP to a real listening server.
import { randomUUID } from 'node:crypto';
import type { UsageEvent } from '../../shared/billing/api.js';

export interface Reply<T = unknown> {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: T;
}

export interface ApiClient {
  request<T = unknown>(method: string, path: string, body?: unknown, init?: { token?: string | null; rawBody?: string; contentType?: string }): Promise<Reply<T>>;
  get<T = unknown>(path: string, token?: string | null): Promise<Reply<T>>;
  post<T = unknown>(path: string, body: unknown, token?: string | null): Promise<Reply<T>>;
  put<T = unknown>(path: string, body: unknown, token?: string | null): Promise<Reply<T>>;
  del<T = unknown>(path: string, token?: string | null): Promise<Reply<T>>;
}

export function apiClient(baseUrl: string, defaultToken: string | null = null): ApiClient {
  const request = async <T>(
    method: string,
    path: string,
    body?: unknown,
    init: { token?: string | null; rawBody?: string; contentType?: string } = {},
  ): Promise<Reply<T>> => {
    const token = init.token === undefined ? defaultToken : init.token;
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (init.rawBody !== undefined) payload = init.rawBody;
    else if (body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
    const res = await fetch(baseUrl + path, { method, headers, body: payload });
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    return { status: res.status, contentType, headers: res.headers, body: (text && contentType.includes('json') ? JSON.parse(text) : text) as T };
  };
  return {
    request,
    get: (path, token) => request('GET', path, undefined, { token }),
    post: (path, body, token) => request('POST', path, body, { token }),
    put: (path, body, token) => request('PUT', path, body, { token }),
    del: (path, token) => request('DELETE', path, undefined, { token }),
  };
}

/** A usage event with sensible defaults; 1,000 input + 250 output tokens = 1 credit by default. */
export function usageEvent(over: Partial<UsageEvent> = {}): UsageEvent {
  return {
    id: randomUUID(),
    deviceId: 'device-1',
    seq: 1,
    occurredAt: new Date().toISOString(),
    kind: 'agent.turn',
    model: 'gpt-4o-mini',
    rateCardVersion: 1,
    calls: [{ inputTokens: 1000, outputTokens: 250, assetWrite: false }],
    ...over,
  };
}

/** Calls costing exactly `credits` whole credits at the default tier (2,000 input tokens each). */
export function callsCosting(credits: number): UsageEvent['calls'] {
  return [{ inputTokens: 2000 * credits, outputTokens: 0, assetWrite: false }];
}
