// A real billing server process (node scripts/server.mjs, SQLite or PostgreSQL) with a team made by
// `init`, and a workspace whose credits service is signed in to it — for the credits tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AiCreditDetails, type PlanIdSchema } from '../../shared/billing/api.js';
import { CreditsService, type CreditsServiceOptions } from '../../electron/services/credits/credits-service.js';
import { EventBus } from '../../electron/services/events.js';
import { openWorkspace, type Workspace } from '../../electron/services/store/workspace.js';
import { apiClient, type ApiClient } from '../../server/test-support/http.js';
import { oneJsonLine, runServerCommand, startServerProcess, type ServerProcess } from '../../server/test-support/processes.js';
import { createTestStore, type TestStore } from '../../server/test-support/stores.js';
import type { z } from 'zod';

export interface Billing {
  url: string;
  process: ServerProcess;
  store: TestStore;
  teamId: string;
  admin: { email: string; password: string; token: string };
  api: ApiClient;
  /** AI Credit Details of the current cycle, as the admin sees them. */
  details(): Promise<AiCreditDetails>;
  /** Adds a member (password "member-password"); answers their id and email. */
  invite(email: string, roles?: string[]): Promise<{ id: string; email: string; password: string }>;
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startBilling(options: { kind?: 'sqlite' | 'postgres'; plan?: z.infer<typeof PlanIdSchema>; aiAddon?: boolean } = {}): Promise<Billing> {
  const store = await createTestStore(options.kind ?? 'sqlite');
  const args = ['init', '--team', 'Acme', '--plan', options.plan ?? 'free', '--admin-email', 'bill@acme.test', '--admin-password', 'bill-password'];
  if (options.aiAddon) args.push('--ai-addon');
  const init = await runServerCommand(args, store.env);
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  const out = oneJsonLine(init.stdout) as { teamId: string; adminEmail: string; adminPassword: string; adminToken: string };
  const proc = await startServerProcess(store.env);
  const api = apiClient(proc.url, out.adminToken);
  return {
    url: proc.url,
    process: proc,
    store,
    teamId: out.teamId,
    admin: { email: out.adminEmail, password: out.adminPassword, token: out.adminToken },
    api,
    details: async () => {
      const reply = await api.get(`/v1/teams/${out.teamId}/ai-credit-details`);
      if (reply.status !== 200) throw new Error(`details: ${reply.status} ${JSON.stringify(reply.body)}`);
      return AiCreditDetails.parse(reply.body);
    },
    invite: async (email, roles = ['member']) => {
      const reply = await api.post<{ user: { id: string; email: string } }>(`/v1/teams/${out.teamId}/members`, {
        email,
        name: email.split('@')[0],
        roles,
        password: 'member-password',
      });
      if (reply.status !== 201) throw new Error(`invite: ${reply.status} ${JSON.stringify(reply.body)}`);
      return { id: reply.body.user.id, email, password: 'member-password' };
    },
    stop: async () => void (await proc.stop()),
    close: async () => {
      await proc.stop();
      await store.drop();
    },
  };
}

export function tempHome(prefix = 'courier-credits-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Client {
  home: string;
  workspace: Workspace;
  events: EventBus;
  credits: CreditsService;
  close(): Promise<void>;
}

/** A workspace with its credits service (no embedded server unless asked). */
export function openClient(options: { home?: string } & Partial<Omit<CreditsServiceOptions, 'workspace' | 'events'>> = {}): Client {
  const home = options.home ?? tempHome();
  const workspace = openWorkspace(home);
  const events = new EventBus();
  const credits = new CreditsService({
    embedded: false,
    sync: { backoff: { baseMs: 20, capMs: 200 }, refreshMs: 0 },
    ...options,
    workspace,
    events,
  });
  return {
    home,
    workspace,
    events,
    credits,
    close: async () => {
      await credits.close();
      workspace.close();
    },
  };
}

/** A finished turn of `calls` calls (default: 1,000 input and 200 output tokens, no asset write). */
export function turn(n: number, calls: { inputTokens: number; outputTokens: number; assetWrite: boolean }[] = [{ inputTokens: 1000, outputTokens: 200, assetWrite: false }]) {
  return { turnId: `turn-${n}`, model: 'gpt-4o-mini', occurredAt: new Date().toISOString(), status: 'completed' as const, calls };
}

/** Records a turn the way the agent executor does: inside one workspace transaction. */
export function recordTurn(client: Client, t: ReturnType<typeof turn>): void {
  client.workspace.transaction(() => client.credits.turnMeter.recordTurn(t));
}
