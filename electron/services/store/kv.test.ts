// The key-value table, through the Workspace facade (kv.ts).
import { describe, expect, it } from 'vitest';
import { useWorkspace, ws } from './workspace.fixture.js';

useWorkspace();

describe('kv', () => {
  it('keeps small values by key', () => {
    expect(ws.getKv('oauth')).toBeNull();
    ws.setKv('oauth', 'a');
    ws.setKv('oauth', 'b');
    ws.setKv('', '');
    expect(ws.getKv('oauth')).toBe('b');
    expect(ws.getKv('')).toBe('');
  });
});
