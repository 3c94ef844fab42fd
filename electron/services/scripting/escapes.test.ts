// The known ways out of a JavaScript sandbox, tried against the real one (SES in a worker). Each
// attempt must end as a clear error in that script's result, and the runtime must go on: every
// test runs a normal script right after and checks it is unaffected.
import { afterAll, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../shared/model.js';
import { createScriptRuntime } from './index.js';
import { input, noHost, variables } from './test-helpers.fixture.js';
import type { ScriptHost, ScriptInput, ScriptResult } from './types.js';

const TIMEOUT_MS = 1000;
const rt = createScriptRuntime({ timeoutMs: TIMEOUT_MS });
// Filling the heap up to its limit makes V8 collect garbage over and over: seconds, not ms.
const memoryRt = createScriptRuntime({ timeoutMs: 20_000 });
afterAll(() => Promise.all([rt.close(), memoryRt.close()]));

const run = (code: string, over: Partial<ScriptInput> = {}, host: ScriptHost = noHost, runtime = rt): Promise<ScriptResult> => runtime.run(input(code, over), host);

/** A normal script: its test passes and it sees clean intrinsics. */
async function expectHealthy(runtime = rt): Promise<void> {
  const r = await run(
    `
    const list = []; list.push(1, 2);
    pm.test('healthy', () => {
      pm.response.to.have.status(200);
      pm.expect(pm.response.json().id).to.eql(7);
      pm.expect(JSON.stringify({ a: list })).to.equal('{"a":[1,2]}');
      pm.expect(Object.prototype.toJSON).to.be.undefined;
      pm.expect(({}).polluted).to.be.undefined;
      pm.expect(typeof _.get).to.equal('function');
      pm.expect(_.get({ a: 1 }, 'a')).to.equal(1);
    });
  `,
    {},
    noHost,
    runtime,
  );
  expect(r.error).toBeUndefined();
  expect(r.tests).toEqual([{ name: 'healthy', passed: true, skipped: false }]);
}

/** The host process is untouched too. */
function expectHostClean(): void {
  expect((Object.prototype as Record<string, unknown>).toJSON).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Array.prototype.push.toString()).toContain('[native code]');
}

async function expectError(code: string, kind: string, message: RegExp | string, runtime = rt): Promise<ScriptResult> {
  const r = await run(code, {}, noHost, runtime);
  expect(r.error?.kind).toBe(kind);
  if (typeof message === 'string') expect(r.error?.message).toBe(message);
  else expect(r.error?.message).toMatch(message);
  await expectHealthy(runtime);
  return r;
}

const NOT_A_CONSTRUCTOR = 'TypeError: Function.prototype.constructor is not a valid constructor.';

describe('constructor chains to Function and process', () => {
  it.each([
    ['this.constructor.constructor', `this.constructor.constructor('return process')().mainModule.require('fs')`],
    ['pm.constructor.constructor', `pm.constructor.constructor('return process')().exit(1)`],
    ['a function literal', `(function () {}).constructor('return globalThis')().process.exit(1)`],
    ['an arrow function', `(() => 1).constructor('return process')().exit(1)`],
    ['an async function', `(async function () {}).constructor('return process')()`],
    ['a generator', `(function* () {}).constructor('return process')()`],
    ['an async generator', `(async function* () {}).constructor('return process')()`],
    ['a pm method', `pm.test.constructor('return process')().exit(1)`],
    ['console.log', `console.log.constructor('return process')().exit(1)`],
    ['a caught error', `try { null.x } catch (e) { e.constructor.constructor('return process')().exit(1) }`],
    ['a lazy-global getter', `Object.getOwnPropertyDescriptor(globalThis, '_').get.constructor('return process')()`],
    ['a library function', `require('lodash').map.constructor('return process')()`],
    ['chai', `pm.expect.constructor('return process')()`],
    ['a response method', `pm.response.json.constructor('return process')()`],
  ])('%s', async (_name, code) => {
    await expectError(code, 'runtime', NOT_A_CONSTRUCTOR);
  });

  it("the compartment's own Function, eval and Compartment see no process", async () => {
    await expectError(`Function('return process')().mainModule`, 'runtime', "TypeError: Cannot read properties of undefined (reading 'mainModule')");
    await expectError(`eval('process').exit(1)`, 'runtime', "TypeError: Cannot read properties of undefined (reading 'exit')");
    await expectError(`new Compartment().evaluate('process').exit(1)`, 'runtime', "TypeError: Cannot read properties of undefined (reading 'exit')");
    await expectError(`globalThis.process.binding('fs')`, 'runtime', "TypeError: Cannot read properties of undefined (reading 'binding')");
    await expectError(`process.binding('fs')`, 'runtime', "TypeError: Cannot read properties of undefined (reading 'binding')");
    await expectError(`lockdown()`, 'runtime', /^TypeError: Already locked down/);
  });

  it('arguments.callee / caller are poisoned (scripts are strict)', async () => {
    await expectError(`(function () { return arguments.callee.caller; })()`, 'runtime', /^TypeError: 'caller', 'callee', and 'arguments' properties may not be accessed/);
    await expectError(`setTimeout(function () { this.constructor; }, 0)`, 'runtime', "TypeError: Cannot read properties of undefined (reading 'constructor')");
  });
});

describe('stack-trace tricks', () => {
  it('Error.prepareStackTrace cannot hand out call sites', async () => {
    const r = await run(`
      Error.prepareStackTrace = (err, frames) => frames.map((f) => f.getThis && f.getThis());
      const stack = new Error('x').stack;
      if (typeof stack !== 'string') throw new Error('call sites leaked: ' + typeof stack);
      if (Error.prepareStackTrace !== undefined && typeof Error.prepareStackTrace === 'function' && Error.prepareStackTrace.toString().includes('getThis')) throw new Error('prepareStackTrace was installed');
      throw new Error('no call sites: stack is ' + JSON.stringify(stack));
    `);
    expect(r.error).toEqual({ kind: 'runtime', message: 'Error: no call sites: stack is ""' });
    await expectHealthy();
  });

  it('Error.captureStackTrace and stackTraceLimit give nothing', async () => {
    const r = await run(`
      const o = {}; Error.captureStackTrace(o);
      Error.stackTraceLimit = Infinity;
      throw new Error('stack: ' + JSON.stringify(o.stack) + ' ' + JSON.stringify(new Error().stack));
    `);
    expect(r.error?.message).toBe('Error: stack: "" ""');
    await expectHealthy();
  });
});

describe('modules', () => {
  it.each([
    ['fs', `require('fs').readFileSync('/etc/passwd')`, /^Error: Cannot find module 'fs': scripts can require only lodash, moment/],
    ['node:fs', `require('node:fs')`, /^Error: Cannot find module 'node:fs'/],
    ['child_process', `require('child_process').execSync('id')`, /^Error: Cannot find module 'child_process'/],
    ['a path', `require('../../../../package.json')`, /^Error: Cannot find module '\.\.\/\.\.\/\.\.\/\.\.\/package\.json'/],
    ['pm.require', `pm.require('npm:fs')`, /^Error: pm\.require\('npm:fs'\): package libraries are not supported/],
  ])('require(%s)', async (_name, code, message) => {
    await expectError(code, 'runtime', message);
  });

  it('import() is a syntax error, however it is written', async () => {
    for (const code of [`import('fs')`, `import ('fs').then((fs) => fs.readFileSync('/etc/passwd'))`, `import/**/('fs')`, `Function("return import('fs')")()`]) {
      const r = await run(code);
      expect(r.error?.message, code).toMatch(/import\(\) is not available in scripts|SyntaxError/);
      expect(['syntax', 'runtime']).toContain(r.error?.kind);
    }
    await expectError(`import fs from 'fs';`, 'syntax', /^SyntaxError: /);
    await expectHealthy();
  });
});

describe('prototype poisoning', () => {
  it.each([
    ['Object.prototype.toJSON', `Object.prototype.toJSON = () => 'pwned'`, "TypeError: Cannot add property toJSON, object is not extensible"],
    ['Array.prototype.push', `Array.prototype.push = () => 0`, /^TypeError: Cannot assign to read only property 'push'/],
    ['__proto__ assignment', `({}).__proto__.polluted = true`, 'TypeError: Cannot add property polluted, object is not extensible'],
    ['Object.defineProperty', `Object.defineProperty(Object.prototype, 'polluted', { value: 1 })`, 'TypeError: Cannot define property polluted, object is not extensible'],
    ['JSON.stringify', `JSON.stringify = () => '{}'`, /^TypeError: Cannot assign to read only property 'stringify'/],
    ['Promise.prototype.then', `Promise.prototype.then = function () {}`, /^TypeError: Cannot assign to read only property 'then'/],
    ['String.prototype via a literal', `'x'.constructor.prototype.includes = () => true`, /^TypeError: Cannot assign to read only property 'includes'/],
    ['setPrototypeOf', `Object.setPrototypeOf(Object.prototype, { polluted: 1 })`, /^TypeError: (#<Object> is not extensible|Immutable prototype object)/],
    ['a pm class', `pm.response.constructor.prototype.json = () => ({ id: 'evil' })`, /^TypeError: Cannot assign to read only property 'json'/],
    ['a pm list class', `Object.getPrototypeOf(pm.response.headers).get = () => 'evil'`, /^TypeError: Cannot assign to read only property 'get'/],
    ['chai', `pm.expect(1).constructor.prototype.eql = function () {}`, /^TypeError: Cannot (assign to read only property 'eql'|add property eql)/],
    ['chai.Assertion.addMethod', `require('chai').Assertion.addMethod('eql', () => {})`, /^TypeError: /],
    ['lodash', `_.get = () => 'evil'`, /^TypeError: Cannot assign to read only property 'get' of a shared library object/],
    ['a library prototype', `Object.getPrototypeOf(require('moment')()).format = () => 'evil'`, /^TypeError: Cannot assign to read only property 'format'/],
    ['an ES-module library (cheerio)', `require('cheerio').load.evil = 1`, 'TypeError: Cannot add property evil, object is not extensible'],
    ['a cheerio class its exports do not reach', `Object.getPrototypeOf(Object.getPrototypeOf(require('cheerio').load('<a></a>')('a'))).attr = () => 'evil'`, /^TypeError: Cannot assign to read only property 'attr'/],
    ['an Ajv internal class', `const ajv = new (require('ajv'))(); Object.getPrototypeOf(ajv.scope).name = () => 'evil'`, /^TypeError: Cannot assign to read only property 'name'/],
    ['a moment locale', `Object.getPrototypeOf(require('moment')().localeData()).months = () => 'evil'`, /^TypeError: Cannot assign to read only property 'months'/],
    ['uuid', `require('uuid').v4 = () => 'fixed'`, /^TypeError: Cannot (assign to read only property 'v4'|add property v4)/],
    ['crypto-js', `CryptoJS.SHA256 = () => 'evil'`, /^TypeError: Cannot assign to read only property 'SHA256'/],
    ['Buffer', `Buffer.prototype.toString = () => 'evil'`, /^TypeError: Cannot assign to read only property 'toString'/],
    ['Intl', `Intl.NumberFormat.prototype.resolvedOptions = () => 'evil'`, /^TypeError: Cannot assign to read only property 'resolvedOptions'/],
    ['Intl itself', `Intl.evil = 1`, 'TypeError: Cannot add property evil, object is not extensible'],
  ])('%s', async (_name, code, message) => {
    await expectError(code, 'runtime', message);
    expectHostClean();
  });

  it('a library heir can still override (the libraries keep working)', async () => {
    const r = await run(`const heir = Object.create(_); heir.get = () => 'own'; pm.test('heir', () => { pm.expect(heir.get()).to.equal('own'); pm.expect(_.get({ a: 2 }, 'a')).to.equal(2); });`);
    expect(r.error).toBeUndefined();
    expect(r.tests[0].passed).toBe(true);
  });

  it('a script may change its own globals without affecting the next one', async () => {
    const r = await run(`pm.helper = () => 1; globalThis.console = null; _ = null; require = null; tests = null;`);
    expect(r.error).toBeUndefined();
    await expectHealthy();
  });

  it("pm's own members are read-only, as in Postman", async () => {
    await expectError(`pm.test = () => {}`, 'runtime', /^TypeError: Cannot assign to read only property 'test'/);
  });
});

describe('__proto__ and other odd variable names', () => {
  it('are ordinary keys, in the script and in the result', async () => {
    const r = await run(
      `
      pm.environment.set('__proto__', { polluted: true });
      pm.environment.set('constructor', 'c');
      pm.globals.set('hasOwnProperty', 'h');
      pm.variables.set('__proto__', 'local');
      postman.setEnvironmentVariable('toString', 't');
      pm.test('in the script', () => {
        pm.expect(pm.environment.get('__proto__')).to.eql({ polluted: true });
        pm.expect(pm.environment.get('constructor')).to.equal('c');
        pm.expect(({}).polluted).to.be.undefined;
        pm.expect(pm.environment.toObject().__proto__).to.eql({ polluted: true });
        pm.expect(pm.environment.has('__proto__')).to.be.true;
        pm.expect(pm.variables.get('__proto__')).to.equal('local');
      });
    `,
      { variables: variables({ environment: { __proto__: 'x' } as unknown as Record<string, string> }) },
    );
    expect(r.error).toBeUndefined();
    expect(r.tests[0]).toEqual({ name: 'in the script', passed: true, skipped: false });
    const env = r.variables.environment;
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
    expect(Object.keys(env)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(env, '__proto__')?.value).toBe('{"polluted":true}');
    expect(env.constructor).toBe('c');
    expect(Object.getOwnPropertyDescriptor(r.variables.globals, 'hasOwnProperty')?.value).toBe('h');
    expect(Object.getOwnPropertyDescriptor(r.variables.local, '__proto__')?.value).toBe('local');
    expectHostClean();
    await expectHealthy();
  });
});

describe('Proxy traps on objects handed across', () => {
  it('a hostile Proxy as a variable value, test name, console argument or request', async () => {
    const sent: RequestSpec[] = [];
    const host: ScriptHost = {
      async sendRequest(spec) {
        sent.push(spec);
        return { error: 'stop' };
      },
    };
    const r = await run(
      `
      const trap = new Proxy({}, {
        get(t, k) { if (k === Symbol.toPrimitive || k === 'toString' || k === 'toJSON') return () => { throw new Error('trap ' + String(k)); }; return 1; },
        ownKeys() { throw new Error('trap ownKeys'); },
        getPrototypeOf() { throw new Error('trap getPrototypeOf'); },
        getOwnPropertyDescriptor() { throw new Error('trap gOPD'); },
      });
      pm.environment.set('proxy', trap);
      console.log('proxy:', trap);
      try { pm.test(trap, () => {}); } catch (e) { console.log('test name:', e.message); }
      pm.sendRequest(new Proxy({ url: 'http://api.test/x' }, { get(t, k) { return k === 'url' ? 'http://api.test/from-proxy' : undefined; } }), () => {});
      pm.variables.set('fn', () => 'code');
    `,
      {},
      host,
    );
    expect(r.error).toBeUndefined();
    expect(r.console[0].args[0]).toBe('proxy:');
    expect(typeof r.console[0].args[1]).toBe('string');
    expect(r.tests.map((t) => t.name)).toEqual(['[unprintable]']);
    expect(typeof r.variables.environment.proxy).toBe('string');
    expect(r.variables.local.fn).toBe("() => 'code'");
    expect(sent.map((s) => s.url)).toEqual(['http://api.test/from-proxy']);
    await expectHealthy();
  });

  it('a Proxy pretending to be a typed array cannot reach the random source', async () => {
    await expectError(`crypto.getRandomValues(new Proxy(new Uint8Array(4), {}))`, 'runtime', /^TypeError: /);
  });
});

describe('time limit', () => {
  const message = `The test script of "Users / Get user" ran longer than ${TIMEOUT_MS} ms and was stopped`;

  it.each([
    ['an infinite loop', 'while (true) {}'],
    ['an infinite loop inside a test', `pm.test('spins', () => { for (;;) {} })`],
    ['an infinite async loop (microtasks)', '(async () => { while (true) await null; })()'],
    ['an infinite timer chain', 'const tick = () => setTimeout(tick, 0); tick();'],
    ['an interval never cleared', 'setInterval(() => {}, 1)'],
    ['an endless setImmediate chain', 'const again = () => setImmediate(again); again();'],
    ['a test that never calls done (with a timer still pending)', `pm.test('waits', (done) => {}); setTimeout(() => {}, 60_000);`],
  ])('%s', async (_name, code) => {
    const started = Date.now();
    const r = await run(code);
    expect(r.error).toEqual({ kind: 'timeout', message });
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    await expectHealthy();
  });

  it('an infinite promise chain (stopped by the time or the memory limit, whichever comes first)', async () => {
    const r = await run('const loop = () => Promise.resolve().then(loop); loop();');
    expect(r.error?.message).toMatch(/^The test script of "Users \/ Get user" (ran longer than 1000 ms|used more than 128 MB of memory) and was stopped$/);
    await expectHealthy();
  });

  it('there is no Atomics.wait to block on (no Atomics, no SharedArrayBuffer)', async () => {
    await expectError('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)', 'runtime', "TypeError: Cannot read properties of undefined (reading 'wait')");
    await expectError('new SharedArrayBuffer(4)', 'runtime', 'TypeError: SharedArrayBuffer is not a constructor');
  });

  it('keeps the tests and console entries of a script stopped in a loop (the worker is terminated)', async () => {
    const r = await run(`console.log('before'); pm.test('passed first', () => {}); pm.test('failed first', () => pm.expect(1).to.equal(2)); pm.test('pending', (done) => {}); while (true) {}`);
    expect(r.error?.kind).toBe('timeout');
    expect(r.console).toEqual([{ level: 'log', args: ['before'] }]);
    expect(r.tests).toEqual([
      { name: 'passed first', passed: true, skipped: false },
      { name: 'failed first', passed: false, skipped: false, error: 'expected 1 to equal 2' },
      { name: 'pending', passed: false, skipped: false, error: 'Error: the script was stopped before this test finished' },
    ]);
    await expectHealthy();
  });

  it('keeps the tests of a script stopped while waiting', async () => {
    const r = await run(`pm.test('before', () => {}); pm.test('pending', (done) => setTimeout(done, 60_000));`);
    expect(r.error?.kind).toBe('timeout');
    expect(r.tests).toEqual([
      { name: 'before', passed: true, skipped: false },
      { name: 'pending', passed: false, skipped: false, error: 'Error: the script was stopped before this test finished' },
    ]);
  });

  it('names the pre-request script', async () => {
    const r = await run('while (true) {}', { kind: 'prerequest', location: 'Folder / Req (pre-request script)' });
    expect(r.error).toEqual({ kind: 'timeout', message: `The pre-request script of "Folder / Req" ran longer than ${TIMEOUT_MS} ms and was stopped` });
  });
});

describe('memory limit', () => {
  const message = 'The test script of "Users / Get user" used more than 128 MB of memory and was stopped';

  it('a memory bomb on the heap', async () => {
    const r = await expectError("pm.test('before the bomb', () => {}); const a = []; while (1) a.push(new Array(1e6).fill(1));", 'memory', message, memoryRt);
    expect(r.tests).toEqual([{ name: 'before the bomb', passed: true, skipped: false }]);
  });

  it('a string bomb', async () => {
    await expectError(`const keep = []; for (;;) keep.push('x'.repeat(1e6) + Math.random());`, 'memory', message, memoryRt);
    await expectError(`let s = 'x'; for (;;) s += s;`, 'runtime', 'RangeError: Invalid string length', memoryRt);
  });

  it('a typed-array bomb outside the V8 heap', async () => {
    await expectError('const keep = []; while (1) { const b = new Uint8Array(64 * 1024 * 1024); b.fill(1); keep.push(b); }', 'memory', message, memoryRt);
  });

  it('deep recursion is an ordinary error', async () => {
    await expectError('const f = () => f(); f();', 'runtime', 'RangeError: Maximum call stack size exceeded');
  });
});

describe('output limits', () => {
  it('a flood of console output is cut with one note', async () => {
    const r = await run(`for (let i = 0; i < 100000; i++) console.log('line', i); pm.test('after', () => {});`);
    expect(r.error).toBeUndefined();
    expect(r.console).toHaveLength(1001);
    expect(r.console[999]).toEqual({ level: 'log', args: ['line', '999'] });
    expect(r.console[1000]).toEqual({ level: 'warn', args: ['99000 more console entries dropped'] });
    expect(r.tests).toEqual([{ name: 'after', passed: true, skipped: false }]);
    await expectHealthy();
  });

  it('output over the byte limit is an output error', async () => {
    const r = await run(`const big = 'x'.repeat(90_000); for (let i = 0; i < 200; i++) console.log(big);`);
    expect(r.error).toEqual({ kind: 'output', message: 'The test script of "Users / Get user" wrote more than 4 MB of console output and test results; the rest was dropped' });
    expect(r.console.length).toBeLessThan(50);
    await expectHealthy();
  });

  it('a huge console argument is cut', async () => {
    const r = await run(`console.log('y'.repeat(500_000))`);
    expect(r.console[0].args[0]).toHaveLength(100_000 + '… (400000 more characters)'.length);
  });

  it('a huge number of tests is an output error', async () => {
    const r = await run(`for (let i = 0; i < 20000; i++) pm.test('t' + i, () => {});`);
    expect(r.tests).toHaveLength(10_000);
    expect(r.error).toEqual({ kind: 'output', message: 'The test script of "Users / Get user" registered more tests than the limit (10000); 10000 were dropped' });
    await expectHealthy();
  });

  it('maxConsoleEntries is configurable', async () => {
    const small = createScriptRuntime({ maxConsoleEntries: 3 });
    try {
      const r = await small.run(input(`for (let i = 0; i < 10; i++) console.log(i)`), noHost);
      expect(r.console.map((c) => c.args[0])).toEqual(['0', '1', '2', '7 more console entries dropped']);
    } finally {
      await small.close();
    }
  });
});

describe('the network', () => {
  it.each([
    ['file://', 'file:///etc/passwd', 'pm.sendRequest: only http:// and https:// URLs are allowed, not file:'],
    ['FILE:// in capitals', 'FILE:///etc/passwd', 'pm.sendRequest: only http:// and https:// URLs are allowed, not file:'],
    ['file: without slashes', 'file:/etc/passwd', 'pm.sendRequest: only http:// and https:// URLs are allowed, not file:'],
    ['data:', 'data:text/plain,hi', 'pm.sendRequest: only http:// and https:// URLs are allowed, not data:'],
    ['ftp://', 'ftp://example.com/x', 'pm.sendRequest: only http:// and https:// URLs are allowed, not ftp:'],
    ['javascript:', 'javascript:alert(1)', 'pm.sendRequest: only http:// and https:// URLs are allowed, not javascript:'],
  ])('pm.sendRequest to %s is refused', async (_name, url, message) => {
    const sent: RequestSpec[] = [];
    const host: ScriptHost = {
      async sendRequest(spec) {
        sent.push(spec);
        return { error: 'should not be called' };
      },
    };
    const r = await run(
      `
      pm.sendRequest(${JSON.stringify(url)}, (err, res) => pm.test('callback', () => { pm.expect(res).to.be.undefined; throw err; }));
      pm.sendRequest({ url: { toString: () => ${JSON.stringify(url)} } }).catch((e) => console.log(e.message));
    `,
      {},
      host,
    );
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([{ name: 'callback', passed: false, skipped: false, error: `Error: ${message}` }]);
    expect(r.console.map((c) => c.args[0])).toEqual([message]);
    expect(sent).toEqual([]);
  });

  it('there is no fetch, XMLHttpRequest, WebSocket or require("http")', async () => {
    const r = await run(`console.log(typeof fetch, typeof XMLHttpRequest, typeof WebSocket, typeof process, typeof Buffer.constructor, typeof setTimeout(() => {}, 0));`);
    expect(r.console[0].args).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'function', 'number']);
    await expectError(`require('http').get('http://example.com')`, 'runtime', /^Error: Cannot find module 'http'/);
  });

  it('a flood of pm.sendRequest calls is bounded', async () => {
    let calls = 0;
    const host: ScriptHost = {
      async sendRequest() {
        calls++;
        return { error: 'x' };
      },
    };
    const r = await run(`let refused = 0; const all = []; for (let i = 0; i < 1500; i++) all.push(pm.sendRequest('http://api.test/').catch((e) => { if (/Too many requests/.test(e.message)) refused++; })); await Promise.all(all); console.log(refused);`, {}, host);
    expect(r.console[0].args).toEqual(['500']);
    expect(calls).toBe(1000);
  });
});
