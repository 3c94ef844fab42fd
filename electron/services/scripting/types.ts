// The boundary between the collection runner and the script sandbox. The runner hands a script
// and plain JSON data in; the sandbox answers plain JSON out. Nothing but data crosses: no host
// object, function or prototype ever reaches a script.
import type { Cookie, RequestSpec } from '../../../shared/model.js';

export type ScriptKind = 'prerequest' | 'test';

/**
 * A value of a data file row as newman hands it to scripts: text, a number (CSV: unquoted numbers
 * are cast) or any JSON value (JSON data files).
 */
export type DataValue = string | number | boolean | null | DataValue[] | { [key: string]: DataValue };

/** Variable scopes as flat maps; the sandbox returns them changed by the script. */
export interface ScriptVariables {
  globals: Record<string, string>;
  collection: Record<string, string>;
  environment: Record<string, string>;
  /** pm.iterationData: read-only for scripts; values typed as newman gives them. */
  iterationData: Record<string, DataValue>;
  /** pm.variables.set: local to this request's run. */
  local: Record<string, string>;
}

/** The response as a test script sees it (pm.response). */
export interface ScriptResponse {
  code: number;
  status: string;
  headers: [string, string][];
  /** The body as text (binary bodies as latin1 text, as Postman does). */
  body: string;
  responseTime: number;
  responseSize: number;
  cookies: Cookie[];
}

export interface ScriptInput {
  kind: ScriptKind;
  /** The script's source, as the user wrote it. */
  code: string;
  /** Where the script lives, for messages: "Folder / Request (test script)". */
  location: string;
  /** pm.request: mutable in pre-request scripts (url, headers, body, auth). */
  request: RequestSpec;
  response?: ScriptResponse;
  variables: ScriptVariables;
  info: {
    eventName: ScriptKind;
    iteration: number;
    iterationCount: number;
    requestName: string;
    requestId: string;
  };
  /** pm.cookies: the cookies for the request's URL. */
  cookies: Cookie[];
  /**
   * The source of the script the runner expects to run next, if it knows (a hint, never run from
   * here): the sandbox compiles it ahead, while the runner sends the next request.
   */
  next?: string;
}

export interface ScriptTestResult {
  name: string;
  passed: boolean;
  skipped: boolean;
  error?: string;
}

export interface ScriptConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  /** Each argument formatted as text. */
  args: string[];
}

export interface ScriptError {
  kind: 'syntax' | 'runtime' | 'timeout' | 'memory' | 'output';
  message: string;
}

export interface ScriptResult {
  tests: ScriptTestResult[];
  console: ScriptConsoleEntry[];
  variables: ScriptVariables;
  /** The request after a pre-request script changed it (pre-request scripts only). */
  request?: RequestSpec;
  /** pm.execution.setNextRequest / postman.setNextRequest: a name or id; null stops the run. */
  nextRequest?: string | null;
  /** pm.execution.skipRequest() in a pre-request script. */
  skipRequest?: boolean;
  /** Set when the script failed; the tests it registered before failing are still reported. */
  error?: ScriptError;
}

/** What a script may ask of the host: pm.sendRequest and the cookie jar, nothing else. */
export interface ScriptHost {
  sendRequest(request: RequestSpec): Promise<{
    error?: string;
    response?: ScriptResponse;
  }>;
  cookieJar?: {
    get(url: string, name: string): Promise<string | null>;
    set(url: string, name: string, value: string): Promise<void>;
    unset(url: string, name: string): Promise<void>;
    clear(url: string): Promise<void>;
  };
}

export interface ScriptRuntimeOptions {
  /** Wall-clock limit for one script, including its pm.sendRequest calls. */
  timeoutMs?: number;
  /** Heap limit of the sandbox. */
  memoryLimitMb?: number;
  /** Console entries kept per script; the rest are dropped with one note saying how many. */
  maxConsoleEntries?: number;
}

/** One warm sandbox per run: libraries and the pm shims are loaded once, not per script. */
export interface ScriptRuntime {
  run(input: ScriptInput, host: ScriptHost): Promise<ScriptResult>;
  close(): Promise<void>;
}
