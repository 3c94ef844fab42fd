// The TurnMeter on a real workspace: the usage event is written in the caller's transaction (a throw
// rolls back both), failed turns book nothing, cancelled ones their completed calls, the rate card's
// asset discount applies, and beforeTurn decides on the cached snapshot minus the queue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageEvent } from '../../../shared/billing/api.js';
import type { CompletedTurn } from '../agent/turn-meter.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { CreditsService } from './credits-service.js';
import { entitlement, M } from '../../../shared/billing/entitlement.fixture.js';
import { NO_SNAPSHOT_MESSAGE } from './meter-view.js';

let home: string;
let workspace: Workspace;
let credits: CreditsService;

const NOW = new Date('2026-11-24T12:00:00.000Z');
const turn = (over: Partial<CompletedTurn> = {}): CompletedTurn => ({
  turnId: 'turn-1',
  model: 'gpt-4o-mini',
  occurredAt: NOW.toISOString(),
  status: 'completed',
  calls: [{ inputTokens: 1000, outputTokens: 200, assetWrite: false }],
  ...over,
});
const queued = () => credits.outbox.queued(credits.accountKey());

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-meter-'));
  workspace = openWorkspace(home);
  credits = new CreditsService({ workspace, embedded: false, now: () => NOW });
  credits.state.setSnapshot(credits.accountKey(), entitlement(), NOW.toISOString());
});
afterEach(async () => {
  await credits.close();
  workspace.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('recordTurn', () => {
  it('writes the usage event in the caller’s transaction: a throw after it rolls back the turn and the event', () => {
    expect(() =>
      workspace.transaction(() => {
        workspace.createItem({ kind: 'collection', parentId: null, name: 'made by the agent' });
        credits.turnMeter.recordTurn(turn());
        throw new Error('the turn could not be stored');
      }),
    ).toThrow('the turn could not be stored');
    expect(workspace.tree()).toEqual([]);
    expect(queued()).toEqual({ events: 0, micro: 0 });

    workspace.transaction(() => {
      workspace.createItem({ kind: 'collection', parentId: null, name: 'made by the agent' });
      credits.turnMeter.recordTurn(turn());
    });
    expect(workspace.tree()).toHaveLength(1);
    expect(queued()).toEqual({ events: 1, micro: 900_000 });
  });

  it('prices each call with the rate card: the asset discount halves (half to even), larger models multiply', () => {
    workspace.transaction(() =>
      credits.turnMeter.recordTurn(
        turn({
          calls: [
            { inputTokens: 1000, outputTokens: 200, assetWrite: false },
            { inputTokens: 1, outputTokens: 0, assetWrite: true },
            { inputTokens: 3, outputTokens: 0, assetWrite: true },
          ],
        }),
      ),
    );
    workspace.transaction(() => credits.turnMeter.recordTurn(turn({ turnId: 't2', model: 'gpt-4o', calls: [{ inputTokens: 10, outputTokens: 1, assetWrite: false }] })));
    // 900,000 + round(500/2 = 250) + round(1500/2 = 750); gpt-4o is the large tier (×4): (5,000 + 2,000) × 4.
    expect(queued()).toEqual({ events: 2, micro: 900_000 + 250 + 750 + 28_000 });
    const [first, second] = credits.outbox.nextBatch(credits.accountKey(), 10);
    expect(first.event).toMatchObject({ kind: 'agent.turn', seq: 1, model: 'gpt-4o-mini', rateCardVersion: 1, occurredAt: NOW.toISOString() });
    expect(first.event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.event.seq).toBe(2);
    expect(second.event.deviceId).toBe(first.event.deviceId);
  });

  it('books nothing for a failed turn and only the completed calls of a cancelled one', () => {
    workspace.transaction(() => credits.turnMeter.recordTurn(turn({ status: 'failed' })));
    expect(queued()).toEqual({ events: 0, micro: 0 });
    workspace.transaction(() =>
      credits.turnMeter.recordTurn(turn({ status: 'cancelled', calls: [{ inputTokens: 2000, outputTokens: 0, assetWrite: false }] })),
    );
    expect(queued()).toEqual({ events: 1, micro: 1_000_000 });
  });

  it('splits a turn of more than 100 model calls into events of at most 100 calls (the wire limit)', () => {
    const calls = Array.from({ length: 250 }, () => ({ inputTokens: 2, outputTokens: 0, assetWrite: false }));
    workspace.transaction(() => credits.turnMeter.recordTurn(turn({ calls })));
    const batch = credits.outbox.nextBatch(credits.accountKey(), 10);
    expect(batch.map((b) => b.event.calls.length)).toEqual([100, 100, 50]);
    expect(queued().micro).toBe(250 * 1000);
  });

  it('books what the wire accepts when the executor reports nonsense (negative, fractional or huge token counts, a bad date)', () => {
    workspace.transaction(() =>
      credits.turnMeter.recordTurn(
        turn({
          occurredAt: 'not a date',
          calls: [
            { inputTokens: -5, outputTokens: 10.6, assetWrite: false },
            { inputTokens: Number.NaN, outputTokens: 9_000_000, assetWrite: false },
          ],
        }),
      ),
    );
    const [only] = credits.outbox.nextBatch(credits.accountKey(), 10);
    expect(UsageEvent.safeParse(only.event).success).toBe(true);
    expect(only.event.calls).toEqual([
      { inputTokens: 0, outputTokens: 11, assetWrite: false },
      { inputTokens: 0, outputTokens: 2_000_000, assetWrite: false },
    ]);
    expect(only.creditsMicro).toBe(11 * 2000 + 2_000_000 * 2000);
  });

  it('keeps the sequence across a restart of the service on the same workspace', async () => {
    workspace.transaction(() => credits.turnMeter.recordTurn(turn()));
    const deviceId = credits.state.deviceId();
    await credits.close();
    credits = new CreditsService({ workspace, embedded: false, now: () => NOW });
    workspace.transaction(() => credits.turnMeter.recordTurn(turn({ turnId: 't2' })));
    const batch = credits.outbox.nextBatch(credits.accountKey(), 10);
    expect(batch.map((b) => [b.event.seq, b.event.deviceId])).toEqual([
      [1, deviceId],
      [2, deviceId],
    ]);
  });
});

describe('beforeTurn', () => {
  it('allows while included credits remain after what is queued, then refuses with who can change it', () => {
    credits.state.setSnapshot(credits.accountKey(), entitlement({ includedUsedMicro: 399 * M }), NOW.toISOString());
    expect(credits.turnMeter.beforeTurn()).toEqual({ allowed: true });
    workspace.transaction(() => credits.turnMeter.recordTurn(turn({ calls: [{ inputTokens: 2000, outputTokens: 0, assetWrite: false }] })));
    expect(credits.turnMeter.beforeTurn()).toEqual({
      allowed: false,
      reason: 'allotment_used',
      message: 'Your 400 monthly credits are used. A billing user can turn on pay-as-you-go for you in Team Settings → Resource Usage → AI Credit Details.',
    });
    expect(credits.meter()).toMatchObject({ remainingMicro: 0, queuedEvents: 1, decision: { allowed: false, reason: 'allotment_used' } });
  });

  it('tells a billing user they can turn pay-as-you-go on themselves', () => {
    credits.state.setSnapshot(credits.accountKey(), entitlement({ roles: ['billing'], includedUsedMicro: 400 * M }), NOW.toISOString());
    expect(credits.turnMeter.beforeTurn()).toMatchObject({
      allowed: false,
      message: 'Your 400 monthly credits are used. You can turn on pay-as-you-go for yourself in Team Settings → Resource Usage → AI Credit Details.',
    });
  });

  it('lets a PAYG member go on past the allotment until the offline allowance is queued', () => {
    credits.state.setSnapshot(
      credits.accountKey(),
      entitlement({ includedUsedMicro: 400 * M, paygEnabled: true, offlineAllowanceMicro: 25 * M }),
      NOW.toISOString(),
    );
    expect(credits.turnMeter.beforeTurn()).toEqual({ allowed: true });
    workspace.transaction(() => credits.turnMeter.recordTurn(turn({ calls: [{ inputTokens: 0, outputTokens: 12_500, assetWrite: false }] })));
    expect(credits.turnMeter.beforeTurn()).toEqual({
      allowed: false,
      reason: 'offline_allowance_used',
      message: 'You have used the 25 pay-as-you-go credits allowed before syncing. Connect to your team server so your usage can sync.',
    });
  });

  it('refuses when AI is off, saying who can turn it on', () => {
    credits.state.setSnapshot(
      credits.accountKey(),
      entitlement({ team: { id: 't', name: 'Acme', plan: 'enterprise', aiAddon: false }, ai: { enabled: false, reason: 'team_ai_off', changeableBy: 'admin', message: null } }),
      NOW.toISOString(),
    );
    expect(credits.turnMeter.beforeTurn()).toEqual({
      allowed: false,
      reason: 'team_ai_off',
      message: 'AI is turned off for your team. An admin can turn it on in Team Settings → AI.',
    });
  });

  it('refuses, saying why, before any snapshot ever arrived', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-meter-'));
    const ws = openWorkspace(fresh);
    const other = new CreditsService({ workspace: ws, embedded: false });
    expect(other.turnMeter.beforeTurn()).toEqual({
      allowed: false,
      reason: 'no_snapshot',
      message: `${NO_SNAPSHOT_MESSAGE} Not signed in to a team server: sign in in Settings → Team.`,
    });
    await other.close();
    ws.close();
  });
});
