// Errors as RFC 9457 problem details (application/problem+json), with a status that means what it
// says: 400 bad input, 401 no or bad token, 403 wrong role or team, 404, 409 conflict, 413 body
// too large, 422 a rule refused, 429 too many login attempts.
import type { Problem } from '../../shared/billing/api.js';

export const PROBLEM_TYPE_BASE = 'https://courier.dev/problems/';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    /** A short stable slug for the problem type, e.g. "bad-input". */
    readonly slug: string,
    readonly detail: string,
    readonly errors?: { path: string; message: string }[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }

  toJSON(instance?: string): Problem {
    return {
      type: PROBLEM_TYPE_BASE + this.slug,
      title: TITLES[this.status] ?? 'Error',
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const badInput = (detail: string, errors?: { path: string; message: string }[]) => new HttpProblem(400, 'bad-input', detail, errors);
export const unauthorized = (detail = 'A valid bearer token is required.') =>
  new HttpProblem(401, 'unauthorized', detail, undefined, { 'www-authenticate': 'Bearer' });
export const forbidden = (detail: string) => new HttpProblem(403, 'forbidden', detail);
export const notFound = (detail: string) => new HttpProblem(404, 'not-found', detail);
export const conflict = (detail: string) => new HttpProblem(409, 'conflict', detail);
export const refused = (detail: string) => new HttpProblem(422, 'rule-refused', detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, 'too-many-requests', detail, undefined, { 'retry-after': String(retryAfterSeconds) });
