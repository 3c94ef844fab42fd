// Secrets never leave (DESIGN.md §7): after a turn that reads requests with secret headers, sends
// one (the echo server answers the secret back), and gets the active tab with a response holding a
// token, nothing the scripted model server received contains a secret value. A mask the model
// passes back in a tool call becomes the real value again on this side. The key stays in the main
// process: owner-only file, only first-4…last-4 in what the UI gets.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRequest } from '../../shared/model.js';
import { KEY_FILE } from '../../electron/services/agent/key-store.js';
import { lastToolResult } from '../support/model-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { agentHarness, TEST_KEY } from './harness.js';
import { jsonSendResult } from '../support/send-result.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(async () => {
  await api.close();
});

const SECRETS = {
  envToken: 'sk-live-ENVTOKEN-9f8e7d6c5b4a',
  globalPassword: 'hunter2-global-PASSWORD',
  literalApiKey: 'literal-API-KEY-1234567',
  urlToken: 'URLTOKENabcdef123456',
  bearerInTab: 'tab-bearer-TOKEN-77665544',
  cookie: 'session=COOKIE-VALUE-0099887766',
  collectionSecret: 'collection-SECRET-5566',
};

describe('secrets never reach the model', () => {
  it('scans everything the model server received and finds no secret value', async () => {
    const h = await agentHarness([], { deps: { autoApprove: 'all' } });
    const ws = h.workspace;
    const env = ws.createEnvironment({
      name: 'Prod',
      variables: [
        { key: 'baseUrl', value: api.url, enabled: true, secret: false },
        { key: 'token', value: SECRETS.envToken, enabled: true, secret: true },
      ],
    });
    ws.updateSettings({ activeEnvironmentId: env.id });
    ws.setGlobals([{ key: 'dbPassword', value: SECRETS.globalPassword, enabled: true, secret: true }]);
    const collection = ws.createItem({
      kind: 'collection',
      parentId: null,
      name: 'Secret API',
      variables: [{ key: 'clientSecret', value: SECRETS.collectionSecret, enabled: true, secret: true }],
    });
    const request = ws.createItem({
      kind: 'request',
      parentId: collection.id,
      name: 'Echo secrets',
      request: defaultRequest({
        method: 'GET',
        url: `{{baseUrl}}/echo?access_token=${SECRETS.urlToken}&page=2`,
        headers: [
          { key: 'Authorization', value: 'Bearer {{token}}', enabled: true },
          { key: 'X-Api-Key', value: SECRETS.literalApiKey, enabled: true },
          { key: 'Cookie', value: SECRETS.cookie, enabled: true },
          { key: 'X-Global', value: '{{dbPassword}}', enabled: true },
          { key: 'X-Coll', value: '{{clientSecret}}', enabled: true },
        ],
      }),
    });
    h.model.push(
      { kind: 'tool_calls', calls: [{ name: 'get_request', arguments: { id: request.id } }] },
      { kind: 'tool_calls', calls: [{ name: 'send_request', arguments: { id: request.id } }] },
      { kind: 'tool_calls', calls: [{ name: 'get_last_response', arguments: { id: request.id } }] },
      { kind: 'text', text: 'The echo shows your headers.' },
    );
    const tabResponse = jsonSendResult(JSON.stringify({ access_token: SECRETS.bearerInTab, user: 'ada' }), {
      url: `${api.url}/login`,
      headers: [['set-cookie', SECRETS.cookie], ['content-type', 'application/json']],
    });
    const { summary } = await h.turn({
      message: `Why does this fail? I use Authorization: Bearer ${SECRETS.bearerInTab} and ${SECRETS.envToken}`,
      activeTab: {
        requestId: request.id,
        draft: { ...ws.getItem(request.id).request!, auth: { type: 'bearer', token: SECRETS.bearerInTab } },
        lastResponse: tabResponse,
      },
      mentions: [{ kind: 'environment', id: env.id }, { kind: 'collection', id: collection.id }],
    });
    expect(summary.status).toBe('completed');
    expect(api.hits('/echo')).toBe(1); // the real request went out with the real values…
    expect(api.requests.at(-1)!.headers['x-api-key']).toBe(SECRETS.literalApiKey);
    const received = h.model.requests.map((r) => r.raw).join('\n');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(received.includes(value), `${name} reached the model`).toBe(false);
      expect(received.includes(value.replace(/^session=/, '')), `${name} reached the model`).toBe(false);
    }
    // …and the model still got something useful: names for named secrets, the rest of the response.
    expect(received).toContain('{{token}}');
    const echoed = lastToolResult(h.model.requests[2].body!);
    expect(echoed).toMatchObject({ response: { status: 200 } });
    expect(JSON.stringify(echoed)).toContain('page=2');
  });

  it('puts a mask the model passes back into a tool call back to the real value', async () => {
    const h = await agentHarness([], { deps: { autoApprove: 'all' } });
    const collection = h.workspace.createItem({ kind: 'collection', parentId: null, name: 'Pasted' });
    const curl = `curl -X POST ${api.url}/echo -H 'Authorization: Bearer ${SECRETS.bearerInTab}' -d '{"a":1}'`;
    h.model.push(
      (req) => {
        const user = req.messages.find((m) => m.role === 'user')!.content!;
        expect(user).toMatch(/Bearer \[redacted-[a-z0-9]+-\d+\]/); // what the model saw
        return { kind: 'tool_calls', calls: [{ name: 'import_curl', arguments: { parentId: collection.id, curl: user } }] };
      },
      { kind: 'text', text: 'Imported.' },
    );
    await h.turn({ message: `/request ${curl}` });
    expect(h.model.requests.map((r) => r.raw).join('').includes(SECRETS.bearerInTab)).toBe(false);
    const created = h.workspace.tree().find((n) => n.kind === 'request')!;
    expect(h.workspace.getItem(created.id).request!.headers).toContainEqual({ key: 'Authorization', value: `Bearer ${SECRETS.bearerInTab}`, enabled: true });
  });

  it('keeps the key in an owner-only file and shows only its first and last 4 characters', async () => {
    const h = await agentHarness([{ kind: 'text', text: 'ok' }]);
    const file = path.join(h.home, KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const view = h.agent.settingsView();
    expect(view.keyMasked).toBe(`${TEST_KEY.slice(0, 4)}…${TEST_KEY.slice(-4)}`);
    expect(JSON.stringify(view)).not.toContain(TEST_KEY);
    expect(JSON.stringify(h.agent.setKey('sk-another-key-000000001111'))).toBe('{"keyMasked":"sk-a…1111"}');
    expect(h.agent.setKey(null)).toEqual({ keyMasked: null });
    expect(fs.existsSync(file)).toBe(false);
  });
});
