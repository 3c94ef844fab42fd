// `courier run` with newman's flags, in-process against the loopback test server (fake script
// runtime): exit codes, environments and globals, data files, folders, bail, exports, reporters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseStringPromise } from 'xml2js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { parseRunArgs } from '../../electron/cli/commands/run-args.js';
import { courier, folder, request, writeCollection, writeJson } from './cli-support.js';

let server: TestServer;
let dir: string;
let home: string;
beforeAll(async () => {
  server = await startTestServer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-cli-run-'));
  home = path.join(dir, 'home');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
const run = (...args: string[]) => courier(['run', ...args], { cwd: dir, home });
const ok = "pm.test('status 200', () => pm.expect(pm.response.code).to.equal(200));";

describe('exit codes', () => {
  it('0 when everything passes, 1 when a test fails, a request fails or a script breaks; -x keeps 0', async () => {
    const pass = writeCollection(dir, 'pass', [request('A', `${server.url}/small`, { test: ok })]);
    expect((await run(pass)).code).toBe(0);
    const failing = writeCollection(dir, 'failing', [request('A', `${server.url}/status/500`, { test: ok })]);
    expect((await run(failing)).code).toBe(1);
    expect((await run(failing, '-x')).code).toBe(0);
    const refused = writeCollection(dir, 'refused', [request('Down', 'http://127.0.0.1:1/')]);
    expect((await run(refused)).code).toBe(1);
    const broken = writeCollection(dir, 'broken', [request('A', `${server.url}/small`, { test: 'this is (not js' })]);
    expect((await run(broken)).code).toBe(1);
  });

  it('1 with a clear message for bad input, naming the place', async () => {
    const bad = writeJson(dir, 'bad.json', { info: { name: 'x' }, item: 'not a list' });
    expect(await run(bad)).toMatchObject({ code: 1, stderr: `courier run: ${bad}: item: expected a list of items\n` });
    expect(await run('no-such-thing')).toMatchObject({ code: 1, stderr: expect.stringContaining('"no-such-thing" is neither a file nor a collection of the workspace') });
    expect(await run(bad, '--bogus')).toMatchObject({ code: 1, stderr: expect.stringContaining("Unknown option '--bogus'") });
    expect(await run(bad, '-n', 'zero')).toMatchObject({ code: 1, stderr: expect.stringContaining('-n must be a whole number from 1 (got "zero")') });
    expect(await run(bad, '-r', 'cli,xml')).toMatchObject({ code: 1 });
  });
});

describe('a malformed collection', () => {
  it('a request that cannot be read is left out, named, and counted as a failure; the rest runs', async () => {
    const file = writeCollection(dir, 'malformed', [
      request('First', `${server.url}/small`, { test: ok }),
      folder('Folder', [{ name: 'Broken', request: { url: 42 } }, request('Inside', `${server.url}/small`, { test: ok })]),
      request('Last', `${server.url}/small`, { test: ok }),
    ]);
    const r = await run(file, '--color', 'off', '-r', 'cli,json', '--reporter-json-export', 'malformed.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'malformed.json'), 'utf8'));
    expect(report.run.executions.map((e: { item: { name: string } }) => e.item.name)).toEqual(['First', 'Inside', 'Last']);
    expect(report.run.stats.assertions).toMatchObject({ total: 3, failed: 0 });
    expect(r.stdout).toContain('Folder / Broken: cannot be read (request.url: expected a string or object); it is left out of the run');
  });
});

describe("newman's other flags", () => {
  it('options of reporters Courier lacks are ignored with a note; --ignore-redirects; --timeout-script is parsed', async () => {
    const file = writeCollection(dir, 'redirects', [request('Redirect', `${server.url}/redirect/1`, { test: "pm.test('302 answered as is', () => pm.expect(pm.response.code).to.equal(302));" })]);
    const r = await run(file, '--ignore-redirects', '--reporter-cli-no-summary', '--reporter-htmlextra-title', 'My report', '--verbose', '--timeout-script', '1000');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'courier run: --reporter-cli-no-summary is an option of a newman reporter Courier does not have; ignored\n' +
        'courier run: --reporter-htmlextra-title My report is an option of a newman reporter Courier does not have; ignored\n',
    );
    expect((await run(file)).code).toBe(1); // followed to /echo: 200
    expect(parseRunArgs(['c.json', '--timeout-script', '250', '--reporter-json-export', 'x.json'])).toMatchObject({ scriptTimeoutMs: 250, exports: { json: 'x.json' }, ignored: [] });
  });
});

describe('files in bodies', () => {
  it('relative paths come from --working-dir; a missing file part fails that request only, naming it', async () => {
    const files = fs.mkdtempSync(path.join(dir, 'files-'));
    fs.writeFileSync(path.join(files, 'there.txt'), 'file content');
    const form = (name: string, src: string) => ({
      name,
      request: { method: 'POST', url: `${server.url}/echo`, body: { mode: 'formdata', formdata: [{ key: 'doc', type: 'file', src }] } },
      event: [{ listen: 'test', script: { exec: ["pm.test('uploaded', () => pm.expect(pm.response.json().body).to.include('file content'));"] } }],
    });
    const file = writeCollection(dir, 'files', [form('Upload', 'there.txt'), form('Missing part', 'not-there.txt'), request('After', `${server.url}/small`, { test: ok })]);
    const r = await run(file, '--working-dir', files, '--color', 'off', '-r', 'cli,json', '--reporter-json-export', 'files.json');
    expect(r.code).toBe(1);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'files.json'), 'utf8'));
    expect(report.run.executions.map((e: { item: { name: string } }) => e.item.name)).toEqual(['Upload', 'Missing part', 'After']);
    expect(report.run.executions[0].assertions).toEqual([{ assertion: 'uploaded', skipped: false }]);
    expect(report.run.executions[1].requestError).toEqual({ code: 'FILE', message: expect.stringContaining('not-there.txt') });
    expect(report.run.failures.map((f: { source: { name: string }; error: { name: string } }) => [f.source.name, f.error.name])).toEqual([
      ['Missing part', 'RequestError'],
      ['Missing part', 'AssertionError'],
    ]);
    expect(r.stdout).toMatch(/RequestError +FILE: .*not-there\.txt[\s\S]*at Missing part/);
  });
});

describe('variables', () => {
  it('-e and -g files, --env-var and --global-var on top, exported at the end', async () => {
    const env = writeJson(dir, 'env.json', {
      id: 'env-1',
      name: 'Local',
      values: [{ key: 'base', value: 'http://wrong', type: 'default', enabled: true }, { key: 'keep', value: 'k', type: 'secret', enabled: true }],
      _postman_variable_scope: 'environment',
    });
    const globals = writeJson(dir, 'globals.json', { name: 'G', values: [{ key: 'g', value: '1', enabled: true }], _postman_variable_scope: 'globals' });
    const file = writeCollection(dir, 'vars', [
      request('Echo', '{{base}}/echo?g={{g}}&x={{x}}', {
        test: "pm.test('saw', () => pm.expect(pm.response.json().query).to.eql({ g: '2', x: 'X' })); pm.environment.set('token', 't1'); pm.globals.set('later', 'L');",
      }),
    ]);
    const r = await run(file, '-e', env, '-g', globals, '--env-var', `base=${server.url}`, '--global-var', 'g=2', '--env-var', 'x=X',
      '--export-environment', 'out/env.json', '--export-globals', 'out/globals.json', '--export-collection', 'out/collection.json');
    expect(r.code).toBe(0);
    const exported = JSON.parse(fs.readFileSync(path.join(dir, 'out/env.json'), 'utf8'));
    expect(exported).toMatchObject({ id: 'env-1', name: 'Local', _postman_variable_scope: 'environment' });
    expect(exported.values).toEqual([
      { key: 'base', value: server.url, type: 'default', enabled: true },
      { key: 'keep', value: 'k', type: 'secret', enabled: true },
      { key: 'x', value: 'X', type: 'default', enabled: true },
      { key: 'token', value: 't1', type: 'default', enabled: true },
    ]);
    const c = JSON.parse(fs.readFileSync(path.join(dir, 'out/collection.json'), 'utf8'));
    expect(c).toMatchObject({ info: { name: 'vars' }, item: [{ name: 'Echo' }] });
    const g = JSON.parse(fs.readFileSync(path.join(dir, 'out/globals.json'), 'utf8'));
    expect(g).toMatchObject({ _postman_variable_scope: 'globals' });
    expect(g.values.map((v: { key: string; value: string }) => [v.key, v.value])).toEqual([['g', '2'], ['later', 'L']]);
  });
});

describe('the workspace', () => {
  it('runs a workspace collection by name with a workspace environment by name, and its globals', async () => {
    const home2 = path.join(dir, 'home-ws');
    const file = writeCollection(dir, 'Workspace API', [
      request('Echo', '{{baseUrl}}/echo?g={{g}}', { test: "pm.test('env and globals', () => pm.expect(pm.response.json().query.g).to.equal('from-globals'));" }),
    ]);
    const env = writeJson(dir, 'ws-env.json', { name: 'Staging', values: [{ key: 'baseUrl', value: server.url }], _postman_variable_scope: 'environment' });
    const globals = writeJson(dir, 'ws-globals.json', { name: 'G', values: [{ key: 'g', value: 'from-globals' }], _postman_variable_scope: 'globals' });
    for (const f of [file, env, globals]) expect((await courier(['import', f], { cwd: dir, home: home2 })).code).toBe(0);
    const r = await courier(['run', 'workspace api', '-e', 'Staging', '--color', 'off'], { cwd: dir, home: home2 });
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('✓  env and globals') });
    expect(await courier(['run', 'Workspace API', '-e', 'Nope'], { cwd: dir, home: home2 })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('"Nope" is neither a file nor an environment of the workspace'),
    });
  });
});

describe('data files, folders, bail', () => {
  it('a CSV with a broken row: the row is named, the other rows run, exit code 1', async () => {
    const data = path.join(dir, 'rows.csv');
    fs.writeFileSync(data, 'id,name\n1,Ada\n"2"x,Broken\n3,Grace\n');
    const file = writeCollection(dir, 'data', [request('Row', `${server.url}/echo?id={{id}}&name={{name}}`, { test: "pm.test('row ' + pm.iterationData.get('id'), () => {});" })]);
    const r = await run(file, '-d', data, '--color', 'off');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1. rows.csv row 2 (line 3): Invalid Closing Quote');
    expect(r.stdout).toContain('Iteration 1/2');
    expect(r.stdout).toContain('✓  row 1');
    expect(r.stdout).toContain('✓  row 3');
    expect(r.stdout).toContain('DataFileError');
  });

  it('--folder runs only that folder; --bail stops at the first failure', async () => {
    const file = writeCollection(dir, 'folders', [
      folder('One', [request('A', `${server.url}/small`, { test: ok }), request('B', `${server.url}/status/404`, { test: ok }), request('C', `${server.url}/small`, { test: ok })]),
      folder('Two', [request('D', `${server.url}/small`, { test: ok })]),
    ]);
    const only = await run(file, '--folder', 'Two', '-r', 'json', '--reporter-json-export', 'two.json');
    expect(only.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'two.json'), 'utf8'));
    expect(report.run.executions.map((e: { item: { name: string } }) => e.item.name)).toEqual(['D']);
    const bailed = await run(file, '--bail', '-r', 'json', '--reporter-json-export', 'bail.json');
    expect(bailed.code).toBe(1);
    const bailReport = JSON.parse(fs.readFileSync(path.join(dir, 'bail.json'), 'utf8'));
    expect(bailReport.run.executions.map((e: { item: { name: string } }) => e.item.name)).toEqual(['A', 'B']);
    expect(bailReport.run.stoppedByBail).toBe(true);
    expect((await run(file, '--bail', 'failure', '--folder', 'One', '--silent')).code).toBe(1); // newman's modifier is accepted
    expect(await run(file, '--folder', 'Three')).toMatchObject({ code: 1, stderr: expect.stringContaining('No folder or request named "Three"') });
  });
});

describe('reporters', () => {
  const collection = () =>
    writeCollection(dir, 'Reported API', [
      folder('Users', [
        folder('Admin', [
          request('List users', `${server.url}/json`, {
            test: "pm.test('is json', () => pm.response.json()); pm.test('has hello', () => pm.expect(pm.response.json().hello).to.equal('nope'));",
          }),
        ]),
      ]),
      request('Top', `${server.url}/small`, { test: "pm.test.skip('later'); pm.test('ok', () => {});" }),
      request('Down', 'http://127.0.0.1:1/'),
    ]);

  it('junit: one testsuite per request named by its path, one testcase per test, failure when it failed', async () => {
    const r = await run(collection(), '-r', 'junit', '--reporter-junit-export', 'reports/junit.xml', '-n', '2');
    expect(r.code).toBe(1);
    const xml = await parseStringPromise(fs.readFileSync(path.join(dir, 'reports/junit.xml'), 'utf8'));
    const root = xml.testsuites;
    expect(root.$).toMatchObject({ name: 'Reported API', tests: '8' });
    const suites = root.testsuite as { $: Record<string, string>; testcase?: { $: Record<string, string>; failure?: { $: Record<string, string>; _: string }[] }[]; 'system-err'?: string[] }[];
    expect(suites.map((s) => s.$.name)).toEqual(['Users / Admin / List users', 'Top', 'Down']);
    const [list, top, down] = suites;
    expect(list.$).toMatchObject({ tests: '2', failures: '2', errors: '0' });
    expect(list.testcase!.map((t) => [t.$.name, t.$.classname, t.failure ? 'failed' : 'passed'])).toEqual([
      ['is json', 'UsersAdminListUsers', 'passed'],
      ['has hello', 'UsersAdminListUsers', 'failed'],
    ]);
    const failure = list.testcase![1].failure![0];
    expect(failure.$).toEqual({ type: 'AssertionFailure', message: "expected 'world' to equal 'nope'" });
    expect(failure._).toContain('Failed 2 times.');
    expect(failure._).toContain('Request name: Users / Admin / List users.');
    expect(top.testcase!.map((t) => t.$.name)).toEqual(['later', 'ok']);
    expect(top.testcase!.every((t) => !t.failure)).toBe(true);
    expect(down.$).toMatchObject({ tests: '0', errors: '2' });
    expect(down['system-err']![0]).toContain('RequestError: CONNECTION_REFUSED');
    expect(Number(root.$.time)).toBeGreaterThanOrEqual(0);
  });

  it('json and html files; the cli table and failures; colors only when asked', async () => {
    const r = await run(collection(), '-r', 'cli,json,html', '--reporter-json-export', 'r.json', '--reporter-html-export', 'r.html', '--color', 'off');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(json.run.stats).toMatchObject({ iterations: { total: 1 }, requests: { total: 3, failed: 1 }, assertions: { total: 4, failed: 1, pending: 1 } });
    expect(json.run.executions[0]).toMatchObject({ item: { name: 'List users', path: 'Users / Admin / List users' }, response: { code: 200 } });
    expect(json.run.executions[0].response).not.toHaveProperty('body');
    expect(json.run.failures).toEqual([
      { error: { name: 'AssertionError', message: "expected 'world' to equal 'nope'", test: 'has hello' }, source: { name: 'Users / Admin / List users' }, cursor: { iteration: 0 }, kind: 'assertion' },
      { error: { name: 'RequestError', message: expect.stringContaining('CONNECTION_REFUSED') }, source: { name: 'Down' }, cursor: { iteration: 0 }, kind: 'request' },
    ]);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<h1>Reported API</h1>');
    expect(html).toContain('Users / Admin / List users');
    expect(r.stdout).toMatch(/│ +assertions │ +4 │ +1 │/);
    expect(r.stdout).toContain('❏ Users / Admin');
    expect(r.stdout).toContain('AssertionError');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const colored = await run(collection(), '--color', 'on');
    expect(colored.stdout).toMatch(/\u001b\[/);
  });

  it('default export paths land in ./newman/, as newman\'s do', async () => {
    const cwd = fs.mkdtempSync(path.join(dir, 'cwd-'));
    const file = writeCollection(cwd, 'p', [request('A', `${server.url}/small`)]);
    expect((await courier(['run', file, '-r', 'junit'], { cwd, home })).code).toBe(0);
    expect(fs.readdirSync(path.join(cwd, 'newman'))).toEqual([expect.stringMatching(/^courier-run-report-.*\.xml$/)]);
  });
});
