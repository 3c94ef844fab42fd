// Settings, through the Workspace facade (settings.ts).
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectAppError, useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('settings', () => {
  it('validates settings, and deleting the active environment clears it', () => {
    expect(ws.getSettings()).toEqual({
      theme: 'system',
      responseBodyLimitBytes: 100 * 1024 * 1024,
      activeEnvironmentId: null,
      defaultTimeoutMs: 30_000,
    });
    expect(ws.updateSettings({ theme: 'dark' })).toMatchObject({ theme: 'dark', defaultTimeoutMs: 30_000 });
    expect(ws.updateSettings({ defaultTimeoutMs: 5000 })).toMatchObject({ theme: 'dark', defaultTimeoutMs: 5000 });
    expectAppError(() => ws.updateSettings({ theme: 'pink' as never }), 'BAD_INPUT', /theme/);
    expectAppError(() => ws.updateSettings({ responseBodyLimitBytes: 10 }), 'BAD_INPUT', /responseBodyLimitBytes/);
    expectAppError(() => ws.updateSettings({ colour: 'red' } as never), 'BAD_INPUT', /Unknown setting: colour/);
    expectAppError(() => ws.updateSettings({ activeEnvironmentId: 'nope' }), 'NOT_FOUND', /Environment nope/);
    expect(ws.getSettings().theme).toBe('dark');

    const env = ws.createEnvironment({ name: 'E' });
    const other = ws.createEnvironment({ name: 'Other' });
    expect(ws.updateSettings({ activeEnvironmentId: env.id }).activeEnvironmentId).toBe(env.id);
    ws.deleteEnvironment(other.id);
    expect(ws.getSettings().activeEnvironmentId).toBe(env.id);
    ws.deleteEnvironment(env.id);
    expect(ws.getSettings()).toMatchObject({ activeEnvironmentId: null, theme: 'dark', defaultTimeoutMs: 5000 });
  });

  it('falls back to defaults for a stored setting that no longer validates', () => {
    ws.updateSettings({ theme: 'light', defaultTimeoutMs: 1234 });
    const db = (ws as unknown as { db: Database.Database }).db;
    db.prepare("UPDATE documents SET json = ? WHERE key = 'settings'").run('{"theme":"neon","defaultTimeoutMs":1234}');
    expect(ws.getSettings()).toMatchObject({ theme: 'system', defaultTimeoutMs: 1234 });
    db.prepare("UPDATE documents SET json = ? WHERE key = 'settings'").run('not json');
    expect(ws.getSettings().theme).toBe('system');
  });
});
