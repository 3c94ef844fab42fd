// Scripts share one warm worker; each runs in a fresh Compartment made while the worker waits
// (worker/script-compartment.ts). Nothing a script does to its global object — new globals,
// replaced or deleted built-ins, a changed prototype, a frozen global object — may be seen by the
// next script, and a function it leaves in a shared library must not reach the next script's
// world. Each global-object case runs the same probe before and after the script and expects
// identical answers.
import { afterAll, describe, expect, it } from 'vitest';
import { createScriptRuntime } from './index.js';
import { input, noHost, variables } from './test-helpers.fixture.js';
import type { ScriptResult } from './types.js';

const rt = createScriptRuntime({ timeoutMs: 2000 });
afterAll(() => rt.close());

const run = (code: string): Promise<ScriptResult> => rt.run(input(code), noHost);

/** What a script sees of its global object, as one console line. */
const PROBE = `
  const own = Reflect.ownKeys(globalThis).map(String).sort();
  console.log(JSON.stringify({
    own,
    extensible: Object.isExtensible(globalThis),
    proto: Object.getPrototypeOf(Object.getPrototypeOf(globalThis)) === Object.prototype,
    leaked: typeof leaked, viaThis: typeof globalThis.viaThis, sym: Object.getOwnPropertySymbols(globalThis).length,
    json: typeof JSON.stringify, object: typeof Object.keys, array: typeof Array, self: globalThis.globalThis === globalThis,
    pm: typeof pm.test, lodash: typeof _.get, console: typeof console.log, require: typeof require, tests: typeof tests,
    undef: typeof undefined, toStr: typeof toString, hasOwn: typeof hasOwnProperty,
  }));
`;

async function probe(): Promise<string> {
  const r = await run(PROBE);
  expect(r.error).toBeUndefined();
  return r.console[0].args[0];
}

describe('a script cannot leave anything behind for the next one', () => {
  it.each([
    ['a sloppy global (assignment without a declaration)', 'leaked = 42;'],
    ['a property of globalThis', 'globalThis.viaThis = { secret: 1 }; this.leaked = 2;'],
    ['a symbol-keyed property', "globalThis[Symbol('x')] = 1; globalThis[Symbol.for('y')] = 2;"],
    ['built-ins replaced', 'JSON = { stringify: () => "evil" }; Object = null; globalThis.Array = 1; globalThis.globalThis = null;'],
    ['built-ins deleted', 'delete globalThis.JSON; delete globalThis.Object; delete globalThis.Array; delete globalThis.globalThis;'],
    ['pm, console, require, the legacy globals and lazy libraries replaced', 'pm = null; console = null; require = null; tests = null; _ = null;'],
    ['a getter put on the global object', "Object.defineProperty(globalThis, 'leaked', { get: () => 'evil', configurable: true });"],
    ['a non-configurable property', "Object.defineProperty(globalThis, 'leaked', { value: 'evil' });"],
    ['a non-configurable built-in', "Object.defineProperty(globalThis, 'JSON', { value: { stringify: 1 }, configurable: false, writable: false });"],
    ['the global object frozen', "leaked = 1; Object.freeze(globalThis);"],
    ['the global object made non-extensible', "Object.preventExtensions(globalThis);"],
    ['the prototype of the global object replaced', "Object.setPrototypeOf(globalThis, { leaked: 'evil', viaThis: 'evil' });"],
    ['the prototype of the global object written to', "try { Object.getPrototypeOf(globalThis).leaked = 'evil'; } catch {} try { Object.defineProperty(Object.getPrototypeOf(globalThis), 'leaked', { value: 1 }); } catch {}"],
    ['the prototype of the global object set to null', 'Object.setPrototypeOf(globalThis, null);'],
  ])('%s', async (_name, code) => {
    const before = await probe();
    const r = await run(code);
    expect(r.error).toBeUndefined();
    expect(await probe()).toBe(before);
    // A plain script still works afterwards.
    const after = await run(`pm.test('fine', () => pm.expect(pm.response.json().id).to.equal(7));`);
    expect(after.tests).toEqual([{ name: 'fine', passed: true, skipped: false }]);
  });

  it('the probe itself sees a clean world', async () => {
    const seen = JSON.parse(await probe()) as Record<string, unknown>;
    expect(seen).toMatchObject({ extensible: true, proto: true, leaked: 'undefined', viaThis: 'undefined', sym: 1, json: 'function', object: 'function', array: 'function', self: true, pm: 'function', lodash: 'function', console: 'function', require: 'function', tests: 'object', undef: 'undefined', toStr: 'function', hasOwn: 'function' });
  });

  it('the same script text run twice starts from scratch each time', async () => {
    const code = `var count = (typeof count === 'number' ? count : 0) + 1; counter = (typeof counter === 'number' ? counter : 0) + 1; console.log(count, counter);`;
    const first = await run(code);
    const second = await run(code);
    expect(first.console[0].args).toEqual(['1', '1']);
    expect(second.console[0].args).toEqual(['1', '1']);
  });

  it('code a script left to run while its result is made (a getter on tests[…], then microtasks) does not reach the next script', async () => {
    const r = await run(`
      Object.defineProperty(tests, 'late', {
        enumerable: true,
        get() {
          Promise.resolve().then(() => { globalThis.leaked = 'from a microtask'; }).then(() => { globalThis.viaThis = 'two ticks later'; });
          return true;
        },
      });
    `);
    expect(r.error).toBeUndefined();
    const later = await run(`console.log(typeof leaked, typeof viaThis);`);
    expect(later.console[0].args).toEqual(['undefined', 'undefined']);
  });

  it("a function a script leaves in a library's state cannot reach the next script's pm or variables", async () => {
    const hook = await run(`
      require('moment').updateLocale('en', { ordinal: function (n) {
        const seen = typeof pm === 'undefined' ? 'no pm' : String(pm.environment.get('secret'));
        return n + '|' + seen + '|' + typeof leaked;
      } });
      leaked = 'from the first script';
    `);
    expect(hook.error).toBeUndefined();
    const victim = await rt.run(input(`console.log(require('moment')('2020-01-02').format('Do'));`, { variables: variables({ environment: { secret: 'B-SECRET' } }) }), noHost);
    expect(victim.console[0].args[0]).not.toContain('B-SECRET');
    expect(victim.console[0].args[0]).toBe('2|undefined|string'); // the hook still sees its own script's world only
    await run(`require('moment').updateLocale('en', null);`);
  });

  it('a timer a script left behind does not run in the next script', async () => {
    const r = await run(`setTimeout(() => { globalThis.leaked = 'late'; }, 50); throw new Error('stop');`);
    expect(r.error?.message).toBe('Error: stop');
    const later = await run(`setTimeout(() => console.log(typeof leaked), 150);`);
    expect(later.console[0].args).toEqual(['undefined']);
  });

  it('sloppy-mode globals work as in Postman: assignment creates a global, unknown names read as undefined', async () => {
    const r = await run(`
      total = 2; total += 3;
      function bump() { total++; }
      bump();
      pm.test('sloppy', () => {
        pm.expect(total).to.equal(6);
        pm.expect(globalThis.total).to.equal(6);
        pm.expect(typeof neverDeclared).to.equal('undefined');
        pm.expect(Object.keys(globalThis)).to.include('total');
      });
    `);
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([{ name: 'sloppy', passed: true, skipped: false }]);
  });
});

// The runner tells the sandbox which script it expects next (ScriptInput.next), and the worker
// compiles that one into the next fresh compartment while the request is on the wire. Compiling
// runs none of its code, and the compartment is used only by a script with exactly that source.
describe('a script compiled ahead (ScriptInput.next)', () => {
  const runWithNext = (code: string, next: string, over: Parameters<typeof input>[1] = {}) => rt.run(input(code, { ...over, next }), noHost);

  it('is never run when another script comes next, and leaves nothing for it', async () => {
    const hinted = `leaked = 'from the hint'; console.log('the hinted script ran'); pm.test('hinted', () => {});`;
    const first = await runWithNext(`console.log('first');`, hinted);
    expect(first.console.map((c) => c.args[0])).toEqual(['first']);
    const other = await run(`console.log(typeof leaked, Object.keys(globalThis).includes('leaked'));`);
    expect(other.console.map((c) => c.args.join(' '))).toEqual(['undefined false']);
    expect(other.tests).toEqual([]);
  });

  it('runs as it would have without the hint, in a world of its own', async () => {
    const next = `console.log(pm.environment.get('secret'), typeof leaked, pm.info.requestName); pm.test('json', () => pm.expect(pm.response.json().id).to.equal(7));`;
    const first = await runWithNext(`leaked = 'from the first script'; pm.environment.set('secret', 'A-SECRET');`, next);
    expect(first.error).toBeUndefined();
    const second = await rt.run(input(next, { variables: variables({ environment: { secret: 'B-SECRET' } }) }), noHost);
    expect(second.error).toBeUndefined();
    expect(second.console[0].args).toEqual(['B-SECRET', 'undefined', 'Get user']);
    expect(second.tests).toEqual([{ name: 'json', passed: true, skipped: false }]);
  });

  it('the same text hinted and run again and again starts from scratch each time', async () => {
    const code = `var count = (typeof count === 'number' ? count : 0) + 1; counter = (typeof counter === 'number' ? counter : 0) + 1; console.log(count, counter);`;
    const results = [await runWithNext(code, code), await runWithNext(code, code), await runWithNext(code, code)];
    expect(results.map((r) => r.console[0].args)).toEqual([['1', '1'], ['1', '1'], ['1', '1']]);
  });

  it('a hinted script that does not parse reports the same syntax error when it runs, and another script is not affected', async () => {
    const broken = 'pm.test("x", () => {';
    const plain = await run(broken);
    await runWithNext(`console.log('before');`, broken);
    const hinted = await run(broken);
    expect(hinted.error).toEqual(plain.error);
    expect(hinted.error?.kind).toBe('syntax');
    await runWithNext(`console.log('before');`, broken);
    const other = await run(`pm.test('fine', () => {});`);
    expect(other.error).toBeUndefined();
    expect(other.tests).toEqual([{ name: 'fine', passed: true, skipped: false }]);
  });

  it('a hinted source that closes the function wrapper early runs none of its code ahead, and runs as before when its turn comes', async () => {
    // Compiled naively ahead, the loop would run during the first script's finish and the next
    // script would be stopped by the time limit.
    const breakOut = `}); for (;;) {} (function () {`;
    await runWithNext(`console.log('first');`, breakOut);
    const next = await run(`console.log('second');`);
    expect(next.error).toBeUndefined();
    expect(next.console[0].args).toEqual(['second']);
    const printing = `}); console.log('outside', typeof pm); (function () {`;
    const plain = await run(printing);
    await runWithNext(`console.log('first');`, printing);
    const hinted = await run(printing);
    expect(hinted).toEqual(plain);
    expect(hinted.console[0]?.args).toEqual(['outside', 'object']);
  });

  it('a hinted script with top-level await runs as an async script', async () => {
    const next = `const v = await new Promise((resolve) => setTimeout(() => resolve(5), 5)); pm.test('awaited', () => pm.expect(v).to.equal(5));`;
    await runWithNext(`console.log('before');`, next);
    const r = await run(next);
    expect(r.error).toBeUndefined();
    expect(r.tests).toEqual([{ name: 'awaited', passed: true, skipped: false }]);
  });

  it("a function a script leaves in a library's state cannot reach the world of the script compiled ahead", async () => {
    const victimCode = `console.log(require('moment')('2020-01-02').format('Do'));`;
    const hook = await runWithNext(
      `require('moment').updateLocale('en', { ordinal: function (n) {
        const seen = typeof pm === 'undefined' ? 'no pm' : String(pm.environment.get('secret'));
        return n + '|' + seen + '|' + typeof leaked;
      } });
      leaked = 'from the first script';`,
      victimCode,
    );
    expect(hook.error).toBeUndefined();
    const victim = await rt.run(input(victimCode, { variables: variables({ environment: { secret: 'B-SECRET' } }) }), noHost);
    expect(victim.console[0].args[0]).toBe('2|undefined|string');
    await run(`require('moment').updateLocale('en', null);`);
  });
});
