// The pm prelude: evaluated once per sandbox worker inside its own Compartment, it builds each
// script's world (pm, console, require, timers, legacy globals) and turns the script's effects
// into plain data. It sees only the capabilities the worker hands it (protocol.ts KitCaps and
// ScriptCaps); everything shared between scripts is frozen before any script runs.
import type { Kit, KitCaps, SandboxLimits, ScriptCaps, ScriptWorld } from '../protocol.js';
import { scriptMessage } from '../protocol.js';
import type { ScriptError, ScriptInput, ScriptResult } from '../types.js';
import { atob, btoa } from './base64.js';
import { brands } from './brands.js';
import { Cookie, makeCookieList, makeJar } from './cookies.js';
import { chai, installPostmanAssertions } from './expect.js';
import { makeConsole } from './console.js';
import { makeLegacy } from './legacy.js';
import { Header, Prop, PropertyList, QueryParam } from './list.js';
import { Output } from './output.js';
import { Request, RequestAuth, RequestBody, requestFromSpec, requestToSpec } from './request.js';
import { makeLibraries } from './require.js';
import { Response } from './response.js';
import { makeSendRequest } from './send-request.js';
import { hardenTolerant } from './tame.js';
import { makeTest } from './test.js';
import { Url } from './url.js';
import { makeDynamicVariables, ScopedVariables, VariableScope } from './variables.js';

export function createKit(caps: KitCaps, limits: SandboxLimits): Kit {
  const libs = makeLibraries(caps);
  installPostmanAssertions(() => libs.shared('ajv') as never);
  hardenTolerant(chai);
  for (const c of [Url, Request, RequestBody, RequestAuth, Response, Prop, Header, QueryParam, PropertyList, Cookie, VariableScope, ScopedVariables, Output]) harden(c);
  harden(brands);

  const random = () => {
    const b = caps.randomFill(new Uint8Array(4));
    return (((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0) / 2 ** 32;
  };
  const uuid = () => {
    const b = caps.randomFill(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  const dynamic = harden(makeDynamicVariables(random, uuid));
  const crypto = harden({
    getRandomValues<T extends ArrayBufferView | null>(array: T): T {
      if (!ArrayBuffer.isView(array) || array instanceof DataView) throw new TypeError('crypto.getRandomValues: an integer typed array is required');
      if (array.byteLength > 65536) throw new RangeError('crypto.getRandomValues: at most 65536 bytes');
      const bytes = caps.randomFill(new Uint8Array(array.byteLength));
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(bytes);
      return array;
    },
    randomUUID: uuid,
  });

  function open(input: ScriptInput, sc: ScriptCaps): ScriptWorld {
    const out = new Output(limits, (what) => scriptMessage(input, what), sc.journal);
    const onAsyncError = (err: unknown) => out.fail(err);
    const v = input.variables;
    const globals = new VariableScope(v.globals, { dynamic, what: 'pm.globals' });
    const collection = new VariableScope(v.collection, { dynamic, what: 'pm.collectionVariables' });
    const environment = new VariableScope(v.environment, { dynamic, what: 'pm.environment' });
    const iterationData = new VariableScope(v.iterationData, { dynamic, what: 'pm.iterationData', readOnly: true });
    const local = new VariableScope(v.local, { dynamic, what: 'pm.variables' });
    const variables = new ScopedVariables(local, [iterationData, environment, collection, globals], dynamic);

    let request: Request | undefined;
    let initialSpec: string | undefined;
    const getRequest = () => {
      if (!request) {
        request = requestFromSpec(input.request);
        if (input.kind === 'prerequest') initialSpec = JSON.stringify(requestToSpec(request, input.request));
      }
      return request;
    };
    let response: Response | undefined;
    const getResponse = () => (input.response ? (response ??= new Response(input.response)) : undefined);

    let nextRequest: { value: string | null } | undefined;
    const setNext = (what: unknown) => {
      if (what === undefined) return;
      nextRequest = { value: what === null ? null : String(what) };
    };
    let skipRequest = false;
    const location = Object.assign(
      String(input.location ?? '')
        .replace(/\s*\((?:pre-request|prerequest|test) script\)\s*$/i, '')
        .split(' / ')
        .filter(Boolean),
      { current: input.info.requestName },
    );

    const jar = makeJar(sc.hostCall, onAsyncError);
    let cookies: PropertyList<Cookie> | undefined;
    const getCookies = () => {
      if (!cookies) {
        cookies = makeCookieList(input.cookies);
        Object.defineProperty(cookies, 'jar', { value: () => jar });
      }
      return cookies;
    };

    const pm: Record<string, unknown> = {};
    const self = () => pm;
    const scriptLibs = libs.forScript();
    const define = (name: string, value: unknown) => Object.defineProperty(pm, name, { value, enumerable: true });
    const lazy = (name: string, get: () => unknown) => Object.defineProperty(pm, name, { get, enumerable: true });
    define('info', Object.freeze({ ...input.info }));
    define('globals', globals);
    define('collectionVariables', collection);
    define('environment', environment);
    define('iterationData', iterationData);
    define('variables', variables);
    lazy('request', getRequest);
    lazy('response', getResponse);
    lazy('cookies', getCookies);
    define('test', makeTest(out, self));
    define('expect', chai.expect);
    define('sendRequest', makeSendRequest(sc.hostCall, self, onAsyncError));
    define('require', (name: unknown) => {
      throw new Error(`pm.require('${String(name)}'): package libraries are not supported; use require() for the built-in libraries`);
    });
    define(
      'execution',
      Object.freeze({
        setNextRequest: setNext,
        skipRequest: () => {
          if (input.kind !== 'prerequest') throw new TypeError('pm.execution.skipRequest is not a function');
          skipRequest = true;
        },
        location: Object.freeze(location),
      }),
    );
    define('visualizer', Object.freeze({ set: () => undefined, clear: () => undefined }));

    const legacy = makeLegacy(input, { environment, globals, iterationData }, getRequest, getResponse, setNext);
    const timer = (kind: 'timeout' | 'interval' | 'immediate') =>
      function (fn: unknown, ...rest: unknown[]) {
        if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
        if (kind === 'immediate') return sc.setTimer(kind, fn as (...a: unknown[]) => void, 0, rest);
        const [ms, ...args] = rest;
        return sc.setTimer(kind, fn as (...a: unknown[]) => void, Number(ms) || 0, args);
      };
    const clear = (id: unknown) => sc.clearTimer(Number(id));

    const worldGlobals: Record<string, unknown> = {
      pm,
      console: makeConsole(out),
      require: scriptLibs.require,
      setTimeout: timer('timeout'),
      setInterval: timer('interval'),
      setImmediate: timer('immediate'),
      clearTimeout: clear,
      clearInterval: clear,
      clearImmediate: clear,
      queueMicrotask: (fn: unknown) => {
        if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
        Promise.resolve().then(fn as () => void).catch(onAsyncError);
      },
      atob,
      btoa,
      xml2Json: libs.xml2Json,
      crypto,
      ...legacy.globals,
    };
    const lazyGlobals: Record<string, () => unknown> = {
      _: libs.underscore,
      CryptoJS: () => libs.shared('crypto-js'),
      cheerio: () => libs.shared('cheerio'),
      Buffer: () => (libs.shared('buffer') as { Buffer: unknown }).Buffer,
      tv4: scriptLibs.tv4,
      ...legacy.lazy,
    };

    function finish(stopped?: ScriptError): ScriptResult {
      if (stopped) out.error = stopped;
      try {
        legacy.finish(out);
      } catch (err) {
        out.fail(err);
      }
      for (const t of out.tests) {
        if (t.pending) {
          t.pending = false;
          out.failTest(t, new Error(stopped ? 'the script was stopped before this test finished' : 'the test did not finish: its promise never settled, or done() was never called'));
        }
      }
      if (out.droppedConsole > 0) {
        out.console.push({ level: 'warn', args: [`${out.droppedConsole} more console ${out.droppedConsole === 1 ? 'entry' : 'entries'} dropped`] });
      }
      if (!out.error && out.droppedTests > 0) {
        out.error = { kind: 'output', message: out.describe(`registered more tests than the limit (${out.limits.maxTests}); ${out.droppedTests} were dropped`) };
      }
      if (!out.error && out.overflow) {
        out.error = { kind: 'output', message: out.describe(`wrote more than ${Math.round(out.limits.maxOutputBytes / 1024 / 1024)} MB of console output and test results; the rest was dropped`) };
      }
      const result: ScriptResult = {
        tests: out.tests.map((t) => (t.error === undefined ? { name: t.name, passed: t.passed, skipped: t.skipped } : { name: t.name, passed: t.passed, skipped: t.skipped, error: t.error })),
        console: out.console,
        variables: {
          globals: globals.snapshot(),
          collection: collection.snapshot(),
          environment: environment.snapshot(),
          iterationData: { ...v.iterationData },
          local: local.snapshot(),
        },
      };
      if (input.kind === 'prerequest' && request) {
        try {
          const spec = requestToSpec(request, input.request);
          if (JSON.stringify(spec) !== initialSpec) result.request = spec;
        } catch (err) {
          out.fail(err);
        }
      }
      if (nextRequest) result.nextRequest = nextRequest.value;
      if (skipRequest) result.skipRequest = true;
      if (out.error) result.error = out.error;
      return result;
    }

    return { globals: worldGlobals, lazyGlobals, log: (level, args) => out.log(level, args), fail: (err, kind) => out.fail(err, kind), finish };
  }

  return harden({ open });
}
