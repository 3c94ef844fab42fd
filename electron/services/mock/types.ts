// What a mock's engine sees of a request and what it answers, independent of node:http, so the
// spec and collection engines are plain functions a test can call without a socket.

export interface MockRequest {
  method: string;
  /** The path as received, without the query (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** What answered: the example's name or the operation (`GET /pets/{petId}`), null when nothing matched. */
  match: string | null;
  /** Why the request was refused or what did not match, one plain line each. */
  problems: string[];
}

/** A prepared mock: its name and the function that answers each request. */
export interface MockEngine {
  name: string;
  handle(request: MockRequest): MockResponse;
}
