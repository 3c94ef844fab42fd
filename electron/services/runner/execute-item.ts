// One request of one iteration, in Postman's order: the pre-request scripts of the collection, its
// folders and the request; the send (through the app's send path); then the test scripts in the
// same order. Variables flow through every script; the result is a summary without the body.
import path from 'node:path';
import type { RequestSpec, SendResult } from '../../../shared/model.js';
import { effectiveAuth } from '../../../shared/resolve-request.js';
import { flattenScopes, resolveString } from '../../../shared/variables.js';
import type { CollectionNode } from '../formats/item-tree.js';
import type { HttpEngine, SendOptions } from '../http/engine.js';
import { messageWithoutLocation } from '../scripting/protocol.js';
import type { DataValue, ScriptConsoleEntry, ScriptHost, ScriptKind, ScriptResponse, ScriptResult, ScriptRuntime } from '../scripting/types.js';
import { sendResolved } from '../send-request.js';
import { scriptsOf, type PlannedRequest } from './plan.js';
import type { RunVariables } from './run-variables.js';
import { discardBodyFile, toScriptResponse } from './script-response.js';
import type { Execution, RunOptions } from './types.js';

export interface ItemContext {
  engine: HttpEngine;
  runtime: () => Promise<ScriptRuntime>;
  host: ScriptHost;
  variables: RunVariables;
  options: RunOptions & { bodyLimitBytes: number };
  iterationCount: number;
  /** A single send from the app (run-single.ts): keep the whole result, body file included, and report progress. */
  keepResult?: boolean;
  onProgress?: SendOptions['onProgress'];
}

export interface ItemOutcome {
  execution: Execution;
  console: ScriptConsoleEntry[];
  /** undefined: go on in order; null: end this iteration; a name or id: go there next. */
  nextRequest?: string | null;
  failed: boolean;
  /** How many pre-request and test scripts ran (empty ones are not run). */
  scriptsRun: { prerequest: number; test: number };
  /** The whole send result, when the context asked to keep it (keepResult). */
  result?: SendResult;
}

const SCRIPT_LABEL: Record<ScriptKind, string> = { prerequest: 'pre-request script', test: 'test script' };

/** The run's overrides (timeout, TLS) and relative file paths made absolute from the working folder. */
export function prepareRequest(spec: RequestSpec, options: RunOptions): RequestSpec {
  const dir = options.workingDir ?? process.cwd();
  const abs = (p: string) => (p === '' || path.isAbsolute(p) ? p : path.resolve(dir, p));
  let body = spec.body;
  if (body.mode === 'binary') body = { ...body, filePath: abs(body.filePath) };
  if (body.mode === 'formdata') {
    body = { ...body, formdata: body.formdata.map((f) => (f.type === 'file' && f.filePath ? { ...f, filePath: abs(f.filePath) } : f)) };
  }
  return {
    ...spec,
    body,
    settings: {
      ...spec.settings,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.insecure ? { verifyTls: false } : {}),
      ...(options.followRedirects !== undefined ? { followRedirects: options.followRedirects } : {}),
    },
  };
}

function cookiesFor(engine: HttpEngine, url: string) {
  try {
    return engine.cookies.forUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    return []; // not a URL yet (an unresolved variable): no cookies
  }
}

export async function executeItem(
  ctx: ItemContext,
  planned: PlannedRequest,
  run: {
    iteration: number;
    data: Record<string, DataValue>;
    sendId: string;
    /** The first script of the request expected after this one, for the sandbox to compile ahead. */
    upcoming?: string;
  },
): Promise<ItemOutcome> {
  const started = performance.now();
  const { request: node, parents } = planned;
  const chain: CollectionNode[] = [...parents, node];
  const folders = parents.slice(1).map((p) => p.name);
  const inherited = [...parents].reverse().map((p) => p.auth);
  const execution: Execution = {
    id: node.id,
    name: node.name,
    path: folders,
    iteration: run.iteration,
    request: { method: node.request!.method, url: node.request!.url },
    skipped: false,
    tests: [],
    scriptErrors: [],
    durationMs: 0,
  };
  const output: ScriptConsoleEntry[] = [];
  let nextRequest: string | null | undefined;
  let request = prepareRequest({ ...node.request!, auth: effectiveAuth(node.request!.auth, inherited) }, ctx.options);
  let stop = false; // bail: a failure ends this request's scripts
  const scriptsRun = { prerequest: 0, test: 0 };
  let kept: SendResult | undefined;
  const scripts = scriptsOf(planned);
  /** The script expected after this one (ScriptInput.next): the next of this request's, else the next request's first. */
  const nextAfter = (kind: ScriptKind, depth: number) => {
    const i = scripts.findIndex((s) => s.kind === kind && s.depth === depth);
    return scripts[i + 1]?.code ?? run.upcoming;
  };

  const runScripts = async (kind: ScriptKind, response?: ScriptResponse) => {
    for (const [depth, owner] of chain.entries()) {
      const code = owner.scripts[kind];
      if (stop || execution.skipped || code.trim() === '') continue;
      // "Collection", "Folder / Sub-folder" or "Folder / Request": where the script lives.
      const where = depth === 0 ? owner.name : chain.slice(1, depth + 1).map((n) => n.name).join(' / ');
      const location = `${where} (${SCRIPT_LABEL[kind]})`;
      const url = response ? request.url : resolveString(request.url, flattenScopes(ctx.variables.scopes(run.data))).value;
      let result: ScriptResult;
      scriptsRun[kind]++;
      try {
        const runtime = await ctx.runtime();
        result = await runtime.run(
          {
            kind,
            code,
            location,
            request,
            response,
            variables: ctx.variables.forScript(run.data),
            info: { eventName: kind, iteration: run.iteration, iterationCount: ctx.iterationCount, requestName: node.name, requestId: node.id },
            cookies: cookiesFor(ctx.engine, url),
            next: nextAfter(kind, depth),
          },
          ctx.host,
        );
      } catch (err) {
        execution.scriptErrors.push({ kind, location, message: err instanceof Error ? err.message : String(err) });
        if (ctx.options.bail) stop = true;
        continue;
      }
      ctx.variables.update(result.variables);
      execution.tests.push(...result.tests);
      output.push(...result.console);
      if (kind === 'prerequest' && result.request) request = result.request;
      if (result.nextRequest !== undefined) nextRequest = result.nextRequest;
      if (result.error) execution.scriptErrors.push({ kind, location, message: messageWithoutLocation({ kind, location }, result.error.message) });
      if (kind === 'prerequest' && result.skipRequest) execution.skipped = true;
      if (ctx.options.bail && (result.error || result.tests.some((t) => !t.passed && !t.skipped))) stop = true;
    }
  };

  await runScripts('prerequest');
  if (!execution.skipped && !stop) {
    const { result, sent } = await sendResolved(ctx.engine, {
      sendId: run.sendId,
      request,
      inheritedAuth: inherited,
      scopes: ctx.variables.scopes(run.data),
      bodyLimitBytes: ctx.options.bodyLimitBytes,
      onProgress: ctx.onProgress,
    });
    request = sent;
    execution.request = { method: result.sent?.method ?? sent.method, url: result.sent?.url ?? sent.url };
    if (result.error) execution.requestError = { code: result.error.code, message: result.error.message };
    if (result.response) {
      const r = result.response;
      execution.response = { code: r.status, status: r.statusText, responseTime: Math.round(r.timings.total), responseSize: r.size.body };
    }
    if (!(ctx.options.bail && result.error)) await runScripts('test', result.response ? toScriptResponse(result.response) : undefined);
    if (ctx.keepResult) kept = result;
    else discardBodyFile(result.response);
  }
  execution.durationMs = performance.now() - started;
  const failed =
    execution.requestError !== undefined || execution.scriptErrors.length > 0 || execution.tests.some((t) => !t.passed && !t.skipped);
  return { execution, console: output, nextRequest, failed, scriptsRun, ...(kept ? { result: kept } : {}) };
}
