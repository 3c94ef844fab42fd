// The billing server's API contract (DESIGN §6): zod schemas and types for every wire shape.
// Requests are strict (unknown fields are bad input); responses are parsed leniently so a newer
// server may add fields. Credits are integer micro-credits; money is integer minor units.
import { z } from 'zod';
import { PLAN_IDS } from './plans.js';

export const MAX_EVENTS_PER_BATCH = 1000;
export const MAX_CALLS_PER_EVENT = 100;
export const MAX_TOKENS_PER_CALL = 2_000_000;
/** A user's bookings in one cycle stop here (100 million credits): beyond it events are rejected. */
export const MAX_CYCLE_MICRO_PER_USER = 100_000_000 * 1_000_000;

const Micro = z.int().min(0);
const Minor = z.int();
const Instant = z.string();

export const Role = z.enum(['admin', 'billing', 'member']);
export type Role = z.infer<typeof Role>;
export const PlanIdSchema = z.enum(PLAN_IDS);

export const UserRef = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type UserRef = z.infer<typeof UserRef>;

export const TeamRef = z.object({ id: z.string(), name: z.string(), plan: PlanIdSchema, aiAddon: z.boolean() });
export type TeamRef = z.infer<typeof TeamRef>;

export const Team = TeamRef.extend({ billingDay: z.int().min(1).max(31), aiEnabled: z.boolean() });
export type Team = z.infer<typeof Team>;

export const CycleSchema = z.object({ start: Instant, end: Instant });

/** Why AI is off: the Enterprise team switch (an admin changes it) or the user's own switch. */
export const AiOffReason = z.enum(['team_ai_off', 'user_ai_off']);
export type AiOffReason = z.infer<typeof AiOffReason>;

export const AiState = z.object({
  enabled: z.boolean(),
  reason: AiOffReason.nullable(),
  changeableBy: z.enum(['admin', 'self']).nullable(),
  message: z.string().nullable(),
});
export type AiState = z.infer<typeof AiState>;

export const RateCardSchema = z.object({
  version: z.int().min(1),
  inputMicroPerToken: Micro,
  outputMicroPerToken: Micro,
  assetWriteDiscountPercent: z.int().min(0).max(100),
  defaultTier: z.string(),
  tiers: z.array(z.object({ name: z.string(), multiplier: z.int().min(1), models: z.array(z.string()) })),
});

export const Entitlement = z.object({
  user: UserRef,
  team: TeamRef,
  roles: z.array(Role),
  cycle: CycleSchema,
  ai: AiState,
  allotmentMicro: Micro,
  includedUsedMicro: Micro,
  paygEnabled: z.boolean(),
  paygMicro: Micro,
  unfundedMicro: Micro,
  offlineAllowanceMicro: Micro,
  rateCard: RateCardSchema,
  issuedAt: Instant,
});
export type Entitlement = z.infer<typeof Entitlement>;

// ── auth and me ─────────────────────────────────────────────────────────────────────────────────
export const LoginRequest = z.strictObject({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
export type LoginRequest = z.infer<typeof LoginRequest>;
export const LoginResponse = z.object({ token: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const Me = z.object({ user: UserRef, team: TeamRef, roles: z.array(Role), settings: z.object({ aiEnabled: z.boolean() }) });
export type Me = z.infer<typeof Me>;

/** Body of PUT …/payg, PUT /v1/teams/:team/ai and PUT /v1/me/settings/ai. */
export const SwitchRequest = z.strictObject({ enabled: z.boolean() });
export type SwitchRequest = z.infer<typeof SwitchRequest>;

// ── usage ───────────────────────────────────────────────────────────────────────────────────────
export const ModelCallSchema = z.strictObject({
  inputTokens: z.int().min(0).max(MAX_TOKENS_PER_CALL),
  outputTokens: z.int().min(0).max(MAX_TOKENS_PER_CALL),
  assetWrite: z.boolean(),
});

export const UsageEvent = z.strictObject({
  id: z.uuid(),
  deviceId: z.string().min(1).max(200),
  seq: z.int().min(0),
  occurredAt: z.iso.datetime({ offset: true }),
  kind: z.literal('agent.turn'),
  model: z.string().min(1).max(200),
  rateCardVersion: z.int().min(1),
  calls: z.array(ModelCallSchema).max(MAX_CALLS_PER_EVENT),
});
export type UsageEvent = z.infer<typeof UsageEvent>;

export const UsageBatchRequest = z.strictObject({ events: z.array(UsageEvent).max(MAX_EVENTS_PER_BATCH) });
export type UsageBatchRequest = z.infer<typeof UsageBatchRequest>;

export const RejectReason = z.enum(['unknown_rate_card_version', 'occurred_in_future', 'id_reused_with_different_payload', 'cycle_limit_exceeded']);
export type RejectReason = z.infer<typeof RejectReason>;

export const UsageBatchResponse = z.object({
  accepted: z.array(z.string()),
  duplicates: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string(), reason: RejectReason, message: z.string() })),
  entitlement: Entitlement,
});
export type UsageBatchResponse = z.infer<typeof UsageBatchResponse>;

// ── AI Credit Details ───────────────────────────────────────────────────────────────────────────
export const AiCreditDetails = z.object({
  cycle: CycleSchema,
  totals: z.object({
    creditsUsedMicro: Micro,
    includedUsedMicro: Micro,
    paygMicro: Micro,
    unfundedMicro: Micro,
    accruedPaygCostMinor: Minor,
    accruedPaygCostExactMinor: z.string(),
    currency: z.string(),
  }),
  members: z.array(
    z.object({
      userId: z.string(),
      email: z.string(),
      name: z.string(),
      roles: z.array(Role),
      allotmentMicro: Micro,
      includedUsedMicro: Micro,
      paygMicro: Micro,
      unfundedMicro: Micro,
      creditsUsedMicro: Micro,
      paygEnabled: z.boolean(),
      removed: z.boolean(),
    }),
  ),
  daily: z.array(z.object({ date: z.string(), creditsUsedMicro: Micro })),
});
export type AiCreditDetails = z.infer<typeof AiCreditDetails>;

// ── invoices ────────────────────────────────────────────────────────────────────────────────────
export const InvoiceLineKind = z.enum(['seats', 'ai_addon', 'ai_credit_usage']);
export const InvoiceLine = z.object({
  kind: InvoiceLineKind,
  description: z.string(),
  /** Exact decimal: seats as a whole number, credits possibly with decimals ("1234.5"). */
  quantity: z.string(),
  /** Exact decimal price per unit in major currency units ("14.00", "0.035"). */
  unitPrice: z.string(),
  /** Rounded half to even to whole minor units. */
  amountMinor: Minor,
  /** The unrounded amount in minor units, exact ("4320.5"). */
  amountExactMinor: z.string(),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const Invoice = z.object({
  id: z.string(),
  teamId: z.string(),
  cycle: CycleSchema,
  currency: z.string(),
  totalMinor: Minor,
  status: z.literal('final'),
  issuedAt: Instant,
  lines: z.array(InvoiceLine),
});
export type Invoice = z.infer<typeof Invoice>;
export const InvoiceList = z.object({ invoices: z.array(Invoice) });

// ── notifications ───────────────────────────────────────────────────────────────────────────────
export const NotificationKind = z.enum(['credits_75', 'credits_100', 'payg_started']);
export type NotificationKind = z.infer<typeof NotificationKind>;
export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  createdAt: Instant,
  cycle: CycleSchema,
  /** The member the alert is about (the recipient themself, or a member for admins and billing users). */
  subject: UserRef,
  aboutSelf: z.boolean(),
  message: z.string(),
  readAt: Instant.nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationList = z.object({ notifications: z.array(Notification) });
export const MarkNotificationsReadRequest = z.strictObject({ ids: z.array(z.string().min(1).max(64)).max(1000) });

// ── team settings ───────────────────────────────────────────────────────────────────────────────
export const PlanChangeRequest = z.strictObject({ plan: PlanIdSchema, aiAddon: z.boolean().optional() });
export type PlanChangeRequest = z.infer<typeof PlanChangeRequest>;

const Roles = z.array(Role).min(1).max(3);
export const Member = UserRef.extend({ roles: z.array(Role), paygEnabled: z.boolean(), aiEnabled: z.boolean() });
export type Member = z.infer<typeof Member>;
export const MemberList = z.object({ members: z.array(Member) });

export const InviteMemberRequest = z.strictObject({
  email: z.email().max(320),
  name: z.string().min(1).max(200),
  roles: Roles,
  password: z.string().min(8).max(1024).optional(),
});
export type InviteMemberRequest = z.infer<typeof InviteMemberRequest>;
export const InviteMemberResponse = z.object({ user: Member, password: z.string() });
export type InviteMemberResponse = z.infer<typeof InviteMemberResponse>;

export const SetRolesRequest = z.strictObject({ roles: Roles });

export const AuditEntry = z.object({
  id: z.string(),
  at: Instant,
  actor: UserRef.nullable(),
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditList = z.object({ entries: z.array(AuditEntry) });

// ── errors ──────────────────────────────────────────────────────────────────────────────────────
/** RFC 9457 problem details, served as application/problem+json. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
