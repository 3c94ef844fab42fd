// Agent Mode: (1) the executor's own cost per tool step — a 30-step turn (get_request each step,
// then an answer) against the scripted model server answering at once, against a peer measured in
// the same run: the very same request bodies replayed through the same `openai` SDK client, with
// no executor around them; the difference per step is what the loop, zod, redaction, the tool and
// the checkpoint cost (target ≤ 5 ms). (2) building the turn's context on a 10,000-request
// workspace (outline, active tab with a 1 MB JSON response, three @-mentions), against listing the
// tree it is built from (target ≤ 50 ms).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { defaultRequest, type SendResult } from '../shared/model.js';
import { AgentService } from '../electron/services/agent/agent-service.js';
import { buildContext } from '../electron/services/agent/context-builder.js';
import { fixedKeyStore } from '../electron/services/agent/key-store.js';
import { createHttpEngine } from '../electron/services/http/engine.js';
import { openWorkspace, type Workspace } from '../electron/services/store/workspace.js';
import { jsonSendResult } from '../test/support/send-result.js';
import { startModelServer, type ModelStep } from '../test/support/model-server.js';
import type { BenchRow } from './types.js';

const STEPS = 30;
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function seedWorkspace(ws: Workspace, requests: number): { collectionId: string; folderId: string; requestId: string; environmentId: string } {
  return ws.transaction(() => {
    const env = ws.createEnvironment({ name: 'Bench', variables: [{ key: 'baseUrl', value: 'https://api.bench.test', enabled: true, secret: false }, { key: 'token', value: 'bench-secret-token-123', enabled: true, secret: true }] });
    const c = ws.createItem({ kind: 'collection', parentId: null, name: 'Bench API' });
    let folderId = '';
    let requestId = '';
    const folders = 20;
    for (let f = 0; f < folders; f++) {
      const folder = ws.createItem({ kind: 'folder', parentId: c.id, name: `Area ${f}` });
      if (f === 0) folderId = folder.id;
      for (let r = 0; r < requests / folders; r++) {
        const item = ws.createItem({
          kind: 'request',
          parentId: folder.id,
          name: `Get thing ${f}-${r}`,
          request: defaultRequest({ url: `{{baseUrl}}/area/${f}/things/${r}`, headers: [{ key: 'Authorization', value: 'Bearer {{token}}', enabled: true }] }),
        });
        if (!requestId) requestId = item.id;
      }
    }
    return { collectionId: c.id, folderId, requestId, environmentId: env.id };
  });
}

function bigResponse(): SendResult {
  const items = Array.from({ length: 8000 }, (_, i) => ({ id: i, name: `thing ${i}`, description: 'x'.repeat(80), tags: ['a', 'b'] }));
  return jsonSendResult(JSON.stringify({ items, total: items.length }), { url: 'https://api.bench.test/things' });
}

async function benchExecutor(): Promise<BenchRow[]> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-agent-'));
  const model = await startModelServer();
  const ws = openWorkspace(home);
  const engine = createHttpEngine({ dataDir: home, cookieStore: { load: () => null, save: () => undefined } });
  try {
    const { requestId } = seedWorkspace(ws, 200);
    const agent = new AgentService({ workspace: ws, engine, keyStore: fixedKeyStore('sk-bench-0000000000'), emit: () => undefined, maxRetries: 0 });
    agent.updateSettings({ provider: 'compatible', baseUrl: model.url, model: 'bench', maxSteps: STEPS + 1 });
    const script = (): ModelStep[] => [
      ...Array.from({ length: STEPS }, () => ({ kind: 'tool_calls' as const, calls: [{ name: 'get_request', arguments: { id: requestId } }] })),
      { kind: 'text', text: 'done' },
    ];
    const client = new OpenAI({ baseURL: model.url, apiKey: 'sk-bench-0000000000', maxRetries: 0 });
    const turns: number[] = [];
    const replays: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      model.requests.length = 0;
      model.push(...script());
      const t0 = performance.now();
      const summary = await agent.start({ conversationId: null, message: 'read it 30 times' }).done;
      const turnMs = performance.now() - t0;
      if (summary.status !== 'completed') throw new Error(`bench turn ${summary.status}: ${summary.error}`);
      const bodies = model.requests.map((r) => r.body!);
      model.push(...script());
      const t1 = performance.now();
      for (const body of bodies) {
        const stream = await client.chat.completions.create({ ...(body as unknown as OpenAI.ChatCompletionCreateParamsStreaming), stream: true });
        for await (const chunk of stream) void chunk;
      }
      const replayMs = performance.now() - t1;
      if (run > 0) {
        turns.push(turnMs);
        replays.push(replayMs);
      }
    }
    await agent.close();
    const turn = median(turns);
    const replay = median(replays);
    return [
      {
        name: `agent: turn of ${STEPS} tool steps, zero-latency model`,
        value: turn,
        unit: 'ms',
        peer: 'same bodies replayed through the SDK',
        peerValue: replay,
        ratio: turn / replay,
        note: `executor overhead ${((turn - replay) / (STEPS + 1)).toFixed(2)} ms/step (target ≤ 5)`,
      },
    ];
  } finally {
    await engine.close();
    ws.close();
    await model.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

function benchContext(): BenchRow[] {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-context-'));
  const ws = openWorkspace(home);
  try {
    const ids = seedWorkspace(ws, 10_000);
    const input = {
      activeTab: { requestId: ids.requestId, lastResponse: bigResponse() },
      mentions: [
        { kind: 'collection' as const, id: ids.collectionId },
        { kind: 'folder' as const, id: ids.folderId },
        { kind: 'environment' as const, id: ids.environmentId },
      ],
      environmentId: ids.environmentId,
    };
    const builds: number[] = [];
    const trees: number[] = [];
    let size = 0;
    for (let run = 0; run < RUNS + 2; run++) {
      const t0 = performance.now();
      size = buildContext(ws, input).length;
      builds.push(performance.now() - t0);
      const t1 = performance.now();
      ws.tree();
      trees.push(performance.now() - t1);
    }
    const build = median(builds.slice(2));
    const tree = median(trees.slice(2));
    return [
      {
        name: 'agent: context for a 10,000-request workspace',
        value: build,
        unit: 'ms',
        peer: 'listing the tree (tree.list)',
        peerValue: tree,
        ratio: build / tree,
        note: `${size} characters, 1 MB response as shape + sample (target ≤ 50 ms)`,
      },
    ];
  } finally {
    ws.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export async function benchAgent(): Promise<BenchRow[]> {
  return [...(await benchExecutor()), ...benchContext()];
}
