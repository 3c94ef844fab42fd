// The credits part of the IPC contract (DESIGN.md §4–5): the meter, sync, team sign-in and AI Credit
// Details. contract.ts spreads these into the one table, so both transports serve them.
//
// The renderer never sees the billing server's token: the main process holds it and calls the server
// itself; these channels carry only the wire shapes of shared/billing/api.ts.
import { z } from 'zod';
import {
  AiCreditDetails,
  AuditList,
  Entitlement,
  Invoice,
  InvoiceList,
  InviteMemberRequest,
  InviteMemberResponse,
  Member,
  MemberList,
  NotificationKind,
  NotificationList,
  PlanIdSchema,
  RejectReason,
  Role,
  Team,
} from './billing/api.js';

const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const Micro = z.number().int().min(0);
const UserId = z.string().min(1).max(64);

/** synced: nothing queued and the last push answered; syncing: a push is on the wire;
 *  offline: the server could not be reached (retrying with backoff); error: the server refused
 *  (bad token, rejected events) — see lastError. */
export const SyncState = z.enum(['synced', 'syncing', 'offline', 'error']);
export type SyncState = z.infer<typeof SyncState>;

/** A usage event the server rejected: kept in the outbox, never resent, shown with its reason. */
export const RejectedUsage = z.object({
  id: z.string(),
  occurredAt: z.string(),
  credits: Micro,
  reason: RejectReason,
  message: z.string(),
});
export type RejectedUsage = z.infer<typeof RejectedUsage>;

export const CreditServer = z.object({
  /** The billing server in use (null while the embedded one is starting or could not start). */
  url: z.string().nullable(),
  /** true: the personal team of the embedded server on loopback; false: a shared team server. */
  embedded: z.boolean(),
  signedIn: z.boolean(),
  email: z.string().optional(),
});
export type CreditServer = z.infer<typeof CreditServer>;

/** What the next turn would be told: the shared decision on the cached snapshot minus the queue. */
export const MeterDecision = z.object({
  allowed: z.boolean(),
  funding: z.enum(['included', 'payg']).optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

export const CreditMeter = z.object({
  /** The last entitlement snapshot from the server (null before the first one arrived). */
  snapshot: Entitlement.nullable(),
  /** Credits of usage events not yet accepted by the server, and how many events. */
  queuedMicro: Micro,
  queuedEvents: z.number().int().min(0),
  /** Included credits left: allotment − used (server) − queued, never below 0. */
  remainingMicro: Micro,
  decision: MeterDecision,
  state: SyncState,
  lastError: z.string().optional(),
  lastSyncedAt: z.string().optional(),
  rejected: z.array(RejectedUsage),
  server: CreditServer,
});
export type CreditMeter = z.infer<typeof CreditMeter>;

/** Alerts for toasts, raised when the meter crosses them (DESIGN §4: 75%, 100%, PAYG started). */
export const CreditAlert = z.object({ kind: NotificationKind, message: z.string() });
export type CreditAlert = z.infer<typeof CreditAlert>;

export const creditChannels = {
  /** The credit meter as it is now (no network). */
  'credits.meter': channel(Empty, CreditMeter),
  /** Pushes the queued usage now and refreshes the snapshot; answers the meter afterwards. */
  'credits.sync': channel(Empty, CreditMeter),

  /** Signs this workspace in to a shared team server (replaces the embedded one); local data kept. */
  'team.signIn': channel(
    z.object({ url: z.string().trim().url().max(2000), email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }),
    CreditMeter,
  ),
  /** Signs out of the shared server and returns to the embedded personal team. */
  'team.signOut': channel(Empty, CreditMeter),

  /** AI Credit Details (billing, admin). cycle: 'current' (default), 'previous' or a date inside it. */
  'team.creditDetails': channel(z.object({ cycle: z.string().min(1).max(40).optional() }), AiCreditDetails),
  /** Turns pay-as-you-go on or off for a member (billing). */
  'team.setPayg': channel(z.object({ userId: UserId, enabled: z.boolean() }), Member),
  'team.invoices': channel(Empty, InvoiceList),
  'team.invoice': channel(z.object({ id: z.string().min(1).max(64) }), Invoice),
  /** Members and their roles (admin, billing). */
  'team.members': channel(Empty, MemberList),
  'team.invite': channel(InviteMemberRequest, InviteMemberResponse),
  'team.removeMember': channel(z.object({ userId: UserId }), Ok),
  'team.setRoles': channel(z.object({ userId: UserId, roles: z.array(Role).min(1).max(3) }), Member),
  /** Plan and AI add-on (billing). */
  'team.setPlan': channel(z.object({ plan: PlanIdSchema, aiAddon: z.boolean().optional() }), Team),
  /** The team-level AI switch (admin, Enterprise only). */
  'team.setTeamAi': channel(z.object({ enabled: z.boolean() }), Team),
  /** The user's own AI switch (Settings → AI; not on Enterprise). Answers the refreshed meter. */
  'team.setMyAi': channel(z.object({ enabled: z.boolean() }), CreditMeter),
  /** Credit alerts from the server (members' alerts too for admins and billing users). */
  'team.notifications': channel(Empty, NotificationList),
  'team.markNotificationsRead': channel(z.object({ ids: z.array(z.string().min(1).max(64)).max(1000) }), z.object({ marked: z.number().int() })),
  /** Every settings change (admin). */
  'team.audit': channel(Empty, AuditList),
} as const;

export const creditEvents = {
  /** The meter whenever it changes (a turn recorded, a sync, sign-in/out), with alerts crossed. */
  'credits.meter': z.object({ meter: CreditMeter, alerts: z.array(CreditAlert) }),
} as const;
