// The credits service of one running app (or CLI command): the outbox and snapshot in the
// workspace, the sync engine, the billing server in use (the embedded one, or a shared team server
// signed in to) and the TurnMeter Agent Mode calls. It implements CreditsApi for the handlers and
// emits the `credits.meter` event whenever the meter changes.
import { z } from 'zod';
import { Entitlement, LoginResponse, Me } from '../../../shared/billing/api.js';
import type { CreditMeter, CreditServer } from '../../../shared/contract-credits.js';
import { AppError } from '../../../shared/errors.js';
import type { TurnMeter } from '../agent/turn-meter.js';
import type { EventBus } from '../events.js';
import type { Workspace } from '../store/workspace.js';
import { alertLevel, crossedAlerts, type AlertLevel } from './alerts.js';
import { billingCall, BillingRefused, BillingUnreachable } from './billing-client.js';
import { accountKey, CreditState, type Account } from './credit-state.js';
import type { CreditsApi, HttpMethod, SignInInput } from './credits-api.js';
import { initEmbeddedTeam, localUserEmail, startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';
import { buildMeter } from './meter-view.js';
import { Outbox } from './outbox.js';
import { SyncEngine, type SyncEngineOptions, type SyncStatus, type SyncTarget } from './sync-engine.js';
import { TurnMeterService } from './turn-meter-service.js';

export interface CreditsServiceOptions {
  workspace: Workspace;
  events?: EventBus;
  env?: NodeJS.ProcessEnv;
  /** Run the embedded billing server when not signed in to a team server (default true). */
  embedded?: boolean;
  sync?: Pick<SyncEngineOptions, 'backoff' | 'refreshMs' | 'timeoutMs' | 'batchSize'>;
  now?: () => Date;
}

export class CreditsService implements CreditsApi {
  readonly state: CreditState;
  readonly outbox: Outbox;
  readonly engine: SyncEngine;
  readonly turnMeter: TurnMeter & { ready(): Promise<void>; prepare(): Promise<void> };
  private embeddedServer: EmbeddedServer | undefined;
  private embeddedStarting: Promise<EmbeddedServer | undefined> | undefined;
  private connectError: string | undefined;
  private level: { account: string; level: AlertLevel | undefined } | undefined;
  private closed = false;
  private envSignIn: Promise<void> | undefined;
  /** When the embedded server last failed to start: the meter retries it at most every 30 s. */
  private launchFailedAt = 0;
  private readonly env: NodeJS.ProcessEnv;
  private readonly now: () => Date;

  constructor(private readonly options: CreditsServiceOptions) {
    const db = options.workspace.sqlite;
    this.env = options.env ?? process.env;
    this.now = options.now ?? (() => new Date());
    this.state = new CreditState(db);
    const deviceId = this.state.deviceId();
    this.outbox = new Outbox(db, () => deviceId);
    this.engine = new SyncEngine({
      ...options.sync,
      outbox: this.outbox,
      target: () => this.target(),
      onSnapshot: (account, entitlement, at) => this.keepNewer(account, entitlement, at),
      onStatus: () => this.changed(),
      now: this.now,
    });
    this.turnMeter = new TurnMeterService({
      outbox: this.outbox,
      account: () => this.accountKey(),
      snapshot: () => this.snapshot(),
      now: this.now,
      ensureStarted: () => this.ready(),
      afterTurn: () => {
        this.changed();
        this.engine.nudge();
      },
      refresh: () => this.engine.nudge(),
      lastError: () => this.statusNow().lastError,
    });
  }

  /** Batches answer out of order: a snapshot replaces the cached one only when it is not older. */
  private keepNewer(account: string, entitlement: Entitlement, at: string): void {
    const cached = this.state.snapshot(account)?.entitlement;
    const used = (e: Entitlement) => e.includedUsedMicro + e.paygMicro + e.unfundedMicro;
    if (cached && (cached.issuedAt > entitlement.issuedAt || (cached.issuedAt === entitlement.issuedAt && used(cached) > used(entitlement)))) return;
    this.state.setSnapshot(account, entitlement, at);
  }

  // ------------------------------------------------------------------ accounts and servers

  private remote(): Extract<Account, { kind: 'remote' }> | undefined {
    return this.state.remote();
  }

  accountKey(): string {
    const remote = this.remote();
    return remote ? accountKey(remote) : accountKey({ kind: 'embedded' });
  }

  private snapshot(): Entitlement | undefined {
    return this.state.snapshot(this.accountKey())?.entitlement;
  }

  private target(): SyncTarget | undefined {
    const remote = this.remote();
    if (remote) return { url: remote.url, token: remote.token, account: accountKey(remote) };
    const embedded = this.state.embedded();
    if (!this.embeddedServer || !embedded) return undefined;
    return { url: this.embeddedServer.url, token: embedded.token, account: accountKey(embedded) };
  }

  private serverView(): CreditServer {
    const remote = this.remote();
    if (remote) return { url: remote.url, embedded: false, signedIn: true, email: remote.email };
    const embedded = this.state.embedded();
    return {
      url: this.embeddedServer?.url ?? null,
      embedded: true,
      signedIn: !!embedded && !!this.embeddedServer,
      ...(embedded ? { email: embedded.email } : {}),
    };
  }

  /**
   * COURIER_BILLING_URL (+ COURIER_BILLING_EMAIL and COURIER_BILLING_PASSWORD): sign in to that team
   * server at start unless already signed in there as that user (tests start the app this way).
   */
  signInFromEnv(): void {
    const url = this.env.COURIER_BILLING_URL?.trim();
    const email = this.env.COURIER_BILLING_EMAIL?.trim();
    const password = this.env.COURIER_BILLING_PASSWORD;
    if (!url || !email || !password) return;
    const remote = this.remote();
    if (remote && accountKey(remote) === accountKey({ kind: 'remote', url: new URL(url).origin, email })) return;
    this.envSignIn = this.signIn({ url, email, password }).then(
      () => undefined,
      (err: unknown) => {
        this.connectError = `Signing in to ${url} (COURIER_BILLING_URL) failed: ${err instanceof Error ? err.message : String(err)}`;
        this.changed();
      },
    );
  }

  /** Starts what is needed (the embedded server when not signed in) and syncs once. */
  async ready(): Promise<void> {
    if (this.closed) return;
    if (this.envSignIn) await this.envSignIn;
    if (!this.remote() && this.options.embedded !== false) await this.startEmbedded();
    await this.engine.syncNow();
  }

  private startEmbedded(): Promise<EmbeddedServer | undefined> {
    if (this.embeddedServer) return Promise.resolve(this.embeddedServer);
    this.embeddedStarting ??= this.launchEmbedded()
      .then(
        (server) => {
          this.connectError = undefined;
          return server;
        },
        (err: unknown) => {
          this.launchFailedAt = Date.now();
          this.connectError = `The embedded billing server could not start: ${err instanceof Error ? err.message : String(err)}`;
          this.changed();
          return undefined;
        },
      )
      .finally(() => {
        this.embeddedStarting = undefined;
      });
    return this.embeddedStarting;
  }

  private async launchEmbedded(): Promise<EmbeddedServer | undefined> {
    const home = this.options.workspace.home;
    const server = await startEmbeddedServer(home, this.env);
    if (this.closed || this.remote()) {
      await server.stop();
      return undefined;
    }
    try {
      const known = this.state.embedded();
      const works = known ? await this.tokenWorks(server.url, known.token) : false;
      if (!works) {
        // First start, or the billing file was deleted: set up the personal team (again).
        const team = await initEmbeddedTeam(home, localUserEmail(this.env), this.env);
        this.state.setEmbedded({ kind: 'embedded', token: team.adminToken, email: team.adminEmail, teamId: team.teamId }, known !== undefined);
      }
    } catch (err) {
      await server.stop();
      throw err;
    }
    this.embeddedServer = server;
    this.changed();
    return server;
  }

  private async tokenWorks(url: string, token: string): Promise<boolean> {
    try {
      await billingCall(url, { method: 'GET', path: '/v1/me', token }, Me);
      return true;
    } catch (err) {
      if (err instanceof BillingRefused && err.status === 401) return false;
      throw err;
    }
  }

  private async stopEmbedded(): Promise<void> {
    const server = this.embeddedServer ?? (await this.embeddedStarting);
    this.embeddedServer = undefined;
    await server?.stop();
  }

  // ------------------------------------------------------------------ the meter

  meter(): CreditMeter {
    const retry = Date.now() - this.launchFailedAt > 30_000;
    if (!this.remote() && !this.embeddedServer && this.options.embedded !== false && !this.closed && retry) void this.ready().catch(() => {});
    return this.meterNow();
  }

  /** Emits the meter event, with the alerts it crossed. */
  changed(): void {
    if (this.closed || !this.options.events) return;
    const meter = this.meterNow();
    const account = this.accountKey();
    const level = alertLevel(meter);
    const before = this.level?.account === account ? this.level.level : undefined;
    const alerts = crossedAlerts(before, level, meter);
    this.level = { account, level };
    this.options.events.emit('credits.meter', { meter, alerts });
  }

  private meterNow(): CreditMeter {
    const account = this.accountKey();
    const status = this.statusNow();
    return buildMeter({
      snapshot: this.state.snapshot(account)?.entitlement,
      queued: this.outbox.queued(account),
      status,
      rejected: this.outbox.rejected(account),
      server: this.serverView(),
      now: this.now(),
    });
  }

  /** The sync status, or why there is no server to sync with. */
  private statusNow(): SyncStatus {
    const status = this.engine.current;
    if (this.remote()) return status;
    if (this.connectError) return { ...status, state: 'error', lastError: this.connectError };
    if (this.options.embedded === false) return { ...status, state: 'error', lastError: 'Not signed in to a team server: sign in in Settings → Team.' };
    if (!this.embeddedServer) return { ...status, state: 'syncing' };
    return status;
  }

  // ------------------------------------------------------------------ CreditsApi

  async sync(): Promise<CreditMeter> {
    await this.ready();
    return this.meter();
  }

  async signIn(input: SignInInput): Promise<CreditMeter> {
    const url = new URL(input.url).origin;
    const { token } = await this.wrap(() =>
      billingCall(url, { method: 'POST', path: '/v1/auth/login', body: { email: input.email, password: input.password } }, LoginResponse),
    );
    const entitlement = await this.wrap(() => billingCall(url, { method: 'GET', path: '/v1/me/entitlement', token }, Entitlement));
    const account: Extract<Account, { kind: 'remote' }> = { kind: 'remote', url, token, email: entitlement.user.email };
    const previous = this.remote();
    this.state.setRemote(account);
    this.state.setSnapshot(accountKey(account), entitlement, this.now().toISOString());
    if (previous && previous.token !== token) void this.logout(previous);
    await this.stopEmbedded();
    await this.engine.syncNow();
    this.changed();
    return this.meter();
  }

  async signOut(): Promise<CreditMeter> {
    const remote = this.remote();
    this.state.setRemote(undefined);
    if (remote) await this.logout(remote);
    this.changed();
    if (this.options.embedded !== false) await this.ready();
    this.changed();
    return this.meter();
  }

  private async logout(account: Extract<Account, { kind: 'remote' }>): Promise<void> {
    await billingCall(account.url, { method: 'POST', path: '/v1/auth/logout', token: account.token, timeoutMs: 5_000 }, z.unknown()).catch(() => {});
  }

  async setMyAi(enabled: boolean): Promise<CreditMeter> {
    const entitlement = await this.call('PUT', '/v1/me/settings/ai', Entitlement, { enabled });
    this.state.setSnapshot(this.accountKey(), entitlement, this.now().toISOString());
    this.changed();
    return this.meter();
  }

  async teamCall<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const team = this.snapshot()?.team.id ?? (await this.ensureSnapshot()).team.id;
    const answer = await this.call(method, `/v1/teams/${encodeURIComponent(team)}${path}`, schema, body);
    // A change to the team (plan, PAYG, AI switch, roles) may change this user's entitlement.
    if (method !== 'GET') this.engine.nudge();
    return answer;
  }

  async call<S extends z.ZodType>(method: HttpMethod, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const target = await this.currentTarget();
    return this.wrap(() => billingCall(target.url, { method, path, token: target.token, body }, schema));
  }

  private async ensureSnapshot(): Promise<Entitlement> {
    await this.ready();
    const snapshot = this.snapshot();
    if (!snapshot) throw new AppError('INTERNAL', this.meter().lastError ?? 'The billing server could not be reached.');
    return snapshot;
  }

  private async currentTarget(): Promise<SyncTarget> {
    let target = this.target();
    if (!target && !this.remote() && this.options.embedded !== false) {
      await this.startEmbedded();
      target = this.target();
    }
    if (!target) throw new AppError('INTERNAL', this.connectError ?? 'No billing server is available: sign in to your team server in Settings → Team.');
    return target;
  }

  /** Billing failures as errors the UI can show. */
  private async wrap<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof BillingRefused) {
        const code = err.status === 403 ? 'FORBIDDEN' : err.status === 404 ? 'NOT_FOUND' : err.status === 409 || err.status === 422 ? 'CONFLICT' : 'BAD_INPUT';
        const message = err.status === 401 ? `Signing in failed: ${err.message}` : err.message;
        throw new AppError(code, message);
      }
      if (err instanceof BillingUnreachable) throw new AppError('INTERNAL', err.message);
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.engine.stop();
    await this.engine.idle();
    await this.stopEmbedded();
  }
}
