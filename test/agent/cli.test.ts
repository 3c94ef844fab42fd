// `courier agent` as a user runs it: the CLI bundled, a real process, the scripted model server on
// loopback, the embedded billing server metering the turn — the same AgentService as the app.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../electron/services/store/workspace.js';
import { bundle } from '../credits/bundles.js';
import { tempHome } from '../support/app.js';
import { lastToolResult, startModelServer, type ModelServer } from '../support/model-server.js';
import { PETS_SPEC } from '../support/pets-spec.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let cli: string;
let model: ModelServer;
let api: TestServer;
const home = tempHome('courier-agent-cli-');

beforeAll(async () => {
  [cli, model, api] = await Promise.all([bundle('electron/cli/main.ts', 'agent-cli'), startModelServer(), startTestServer()]);
}, 120_000);
afterAll(async () => {
  await model?.close();
  await api?.close();
  if (cli) fs.rmSync(cli, { force: true });
  fs.rmSync(home, { recursive: true, force: true });
});

function courier(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, COURIER_HOME: home, COURIER_USER_EMAIL: 'me@courier.local', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const provider = () => ['--provider-url', model.url, '--model', 'scripted-model', '--api-key', 'sk-cli-key-000011112222'];

describe('courier agent', () => {
  it('runs one turn on the workspace, prints JSON lines, and meters it like the app', async () => {
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'create_collection', arguments: { name: 'From the CLI' } }], usage: { prompt_tokens: 2000, completion_tokens: 500 } },
      (req) => ({ kind: 'tool_calls', calls: [{ name: 'create_request', arguments: { parentId: lastToolResult(req).id, name: 'Ping', url: `${api.url}/json` } }] }),
      { kind: 'text', text: 'Made it.' },
    );
    const out = await courier('agent', 'Make a collection with a ping request', ...provider(), '--json');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type).filter((t) => t !== 'text.delta')).toEqual([
      'turn.start', 'tool.start', 'tool.end', 'tool.start', 'tool.end', 'turn.checkpoint', 'turn.done', 'result',
    ]);
    expect(lines.at(-1)).toMatchObject({ type: 'result', status: 'completed', answer: 'Made it.' });
    expect(JSON.stringify(model.requests.map((r) => r.headers.authorization))).toContain('sk-cli-key-000011112222');

    const ws = openWorkspace(home);
    try {
      expect(ws.tree().map((n) => [n.kind, n.name])).toEqual([['collection', 'From the CLI'], ['request', 'Ping']]);
    } finally {
      ws.close();
    }
    const credits = await courier('credits');
    expect(credits.code).toBe(0);
    const meter = JSON.parse(credits.stdout) as { includedUsedMicro: number; queued: { micro: number } };
    // 2000 input + 500 output tokens, an asset write (half price): (2000×500 + 500×2000) / 2 micro-credits, plus the other calls.
    expect(meter.includedUsedMicro + meter.queued.micro).toBeGreaterThanOrEqual(1_000_000);
  }, 60_000);

  it('denies what needs approval with --approve none (the default), in readable lines', async () => {
    const before = api.hits('/echo/cli');
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'send_request', arguments: { request: { method: 'POST', url: `${api.url}/echo/cli` } } }] },
      { kind: 'text', text: 'It was not sent.' },
    );
    const out = await courier('agent', 'post to echo', ...provider());
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`? POST ${api.url}/echo/cli needs approval`);
    expect(out.stdout).toContain('denied (pass --approve all to allow)');
    expect(out.stdout.trim().endsWith('It was not sent.')).toBe(true);
    expect(api.hits('/echo/cli')).toBe(before);
  }, 60_000);

  it('/design runs whole: its test run goes only to the mock it started, so --approve none lets it through; the mock lives for the turn', async () => {
    const mock = { url: '', collectionId: '' };
    model.push(
      { kind: 'tool_calls', calls: [{ name: 'write_spec', arguments: { name: 'Pets', text: PETS_SPEC, generateCollection: true } }] },
      (req) => ({ kind: 'tool_calls', calls: [{ name: 'start_mock', arguments: { specId: lastToolResult(req).id } }] }),
      (req) => {
        Object.assign(mock, { url: String(lastToolResult(req).url), collectionId: String(lastToolResult(req).collectionId) });
        return { kind: 'tool_calls', calls: [{ name: 'set_variable', arguments: { scope: 'collection', collectionId: mock.collectionId, key: 'petId', value: '1' } }] };
      },
      () => ({ kind: 'tool_calls', calls: [{ name: 'run_tests', arguments: { id: mock.collectionId, baseUrl: mock.url } }] }),
      (req) => ({ kind: 'text', text: `Tests: ${String(lastToolResult(req).passed)} passed, ${String(lastToolResult(req).failed)} failed.` }),
    );
    const out = await courier('agent', '/design a pets API', ...provider());
    expect(out.code).toBe(0);
    expect(out.stdout).not.toContain('needs approval');
    expect(out.stdout).toContain('Saved spec Pets (3 operations), generated its collection (3 requests)');
    expect(out.stdout).toMatch(/Tests: \d+ passed, 0 failed\.\s*$/);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${mock.url}/pets`)).rejects.toThrow();
    const ws = openWorkspace(home);
    try {
      expect(ws.listSpecs().map((s) => [s.name, s.collectionId])).toEqual([['Pets', mock.collectionId]]);
    } finally {
      ws.close();
    }
  }, 60_000);

  it('fails with a clear message when the provider is down, and on bad flags', async () => {
    const down = await startModelServer();
    const url = down.url;
    await down.close();
    const out = await courier('agent', 'hi', '--provider-url', url, '--model', 'm', '--api-key', 'k-123456789');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(`courier agent: Cannot reach the AI provider at ${url}`);
    const bad = await courier('agent', 'hi', '--approve', 'maybe');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--approve takes all or none');
  }, 60_000);
});
