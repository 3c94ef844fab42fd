// Environments and global variables, through the Workspace facade (environments.ts).
import { describe, expect, it } from 'vitest';
import { expectAppError, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('environments and globals', () => {
  it('creates, lists, updates and deletes environments', () => {
    const prod = ws.createEnvironment({ name: ' Prod ', variables: [{ key: 'host', value: 'p', enabled: true, secret: false }] });
    const dev = ws.createEnvironment({ name: 'dev', variables: [] });
    expect(prod.name).toBe('Prod');
    expect(ws.listEnvironments().map((e) => e.name)).toEqual(['dev', 'Prod']);
    const up = ws.updateEnvironment({ id: dev.id, name: 'Development', variables: [{ key: 'k', value: 'v', enabled: false, secret: true }] });
    expect(up).toMatchObject({ name: 'Development', variables: [{ key: 'k', value: 'v', enabled: false, secret: true }] });
    expect(ws.updateEnvironment({ id: dev.id, name: 'Dev' }).variables).toHaveLength(1);
    expectAppError(() => ws.createEnvironment({ name: '' }), 'BAD_INPUT', /name is required/);
    expectAppError(() => ws.createEnvironment({ name: 'x'.repeat(201) }), 'BAD_INPUT', /at most 200/);
    expectAppError(() => ws.getEnvironment('nope'), 'NOT_FOUND', /Environment nope/);
    expectAppError(() => ws.updateEnvironment({ id: 'nope', name: 'x' }), 'NOT_FOUND');
    ws.deleteEnvironment(prod.id);
    expect(ws.listEnvironments().map((e) => e.name)).toEqual(['Dev']);
    expectAppError(() => ws.deleteEnvironment(prod.id), 'NOT_FOUND');
  });

  it('keeps global variables', () => {
    expect(ws.getGlobals()).toEqual([]);
    const vars = [
      { key: 'a', value: '1', enabled: true, secret: false },
      { key: 'b', value: '2', enabled: false, secret: true },
    ];
    expect(ws.setGlobals(vars)).toEqual(vars);
    expect(ws.getGlobals()).toEqual(vars);
    expect(ws.setGlobals([])).toEqual([]);
    expectAppError(() => ws.setGlobals([{ key: 1 } as never]), 'BAD_INPUT', /variables\.0\.key/);
  });
});
