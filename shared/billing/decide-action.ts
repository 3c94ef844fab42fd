// The decision before an AI action (DESIGN §4): may this user start one now, and if not, why and
// who can change it. Pure: the app calls it with its cached entitlement snapshot and the credits
// still queued in its outbox; the server's snapshot already counts everything it has booked.
import type { AiOffReason, Entitlement, Role } from './api.js';
import { formatCredits } from './money.js';
import { PLANS, planTerms } from './plans.js';

export type RefusalReason = 'team_ai_off' | 'user_ai_off' | 'allotment_used' | 'offline_allowance_used';
export type ChangeableBy = 'admin' | 'billing' | 'self';

export type Decision =
  | {
      readonly allowed: true;
      /** What the next action's cost draws on first. */
      readonly funding: 'included' | 'payg';
      /** Included micro-credits left after what is queued (0 once on PAYG). */
      readonly remainingIncludedMicro: number;
    }
  | {
      readonly allowed: false;
      readonly reason: RefusalReason;
      readonly changeableBy: ChangeableBy;
      readonly message: string;
    };

export type DecisionSnapshot = Pick<
  Entitlement,
  'team' | 'roles' | 'cycle' | 'ai' | 'allotmentMicro' | 'includedUsedMicro' | 'paygEnabled' | 'offlineAllowanceMicro'
>;

/** Why AI is off and who can turn it on, for a user holding `roles`. */
export function aiOffMessage(reason: AiOffReason, roles: readonly Role[]): string {
  if (reason === 'team_ai_off') {
    return roles.includes('admin')
      ? 'AI is turned off for your team. You can turn it on in Team Settings → AI.'
      : 'AI is turned off for your team. An admin can turn it on in Team Settings → AI.';
  }
  return 'AI is turned off in your settings. You can turn it on in Settings → AI.';
}

const CREDIT_DETAILS = 'Team Settings → Resource Usage → AI Credit Details';

function refuse(reason: RefusalReason, changeableBy: ChangeableBy, message: string): Decision {
  return { allowed: false, reason, changeableBy, message };
}

/**
 * @param queuedMicro credits of usage events not yet accepted by the server
 * @param now when given and past the snapshot's cycle end, the allotment has renewed
 */
export function decideAction(snapshot: DecisionSnapshot, queuedMicro = 0, now?: Date | string): Decision {
  const isBilling = snapshot.roles.includes('billing');

  if (!snapshot.ai.enabled) {
    const reason = snapshot.ai.reason ?? 'user_ai_off';
    return refuse(reason, reason === 'team_ai_off' ? 'admin' : 'self', aiOffMessage(reason, snapshot.roles));
  }

  const renewed = now !== undefined && new Date(now).getTime() >= Date.parse(snapshot.cycle.end);
  const usedMicro = (renewed ? 0 : snapshot.includedUsedMicro) + Math.max(0, queuedMicro);
  const remainingIncludedMicro = Math.max(0, snapshot.allotmentMicro - usedMicro);
  if (remainingIncludedMicro > 0) return { allowed: true, funding: 'included', remainingIncludedMicro };

  const terms = planTerms(snapshot.team.plan, snapshot.team.aiAddon && PLANS[snapshot.team.plan].aiAddonAvailable);
  const allotment = formatCredits(snapshot.allotmentMicro);
  if (snapshot.paygEnabled && terms.paygAvailable) {
    const beyondIncluded = usedMicro - snapshot.allotmentMicro;
    // Queued PAYG spend is capped by the offline allowance until the server has booked it.
    if (beyondIncluded <= 0 || beyondIncluded < snapshot.offlineAllowanceMicro) {
      return { allowed: true, funding: 'payg', remainingIncludedMicro: 0 };
    }
    return refuse(
      'offline_allowance_used',
      'self',
      `You have used the ${formatCredits(snapshot.offlineAllowanceMicro)} pay-as-you-go credits allowed before syncing. ` +
        'Connect to your team server so your usage can sync.',
    );
  }

  const used = `Your ${allotment} monthly credits are used.`;
  if (!terms.paygAvailable) {
    return refuse(
      'allotment_used',
      'billing',
      isBilling
        ? `${used} Pay-as-you-go is not available on the ${terms.planName} plan; you can add the AI add-on or upgrade the plan in Team Settings → Billing.`
        : `${used} Pay-as-you-go is not available on the ${terms.planName} plan; a billing user can add the AI add-on or upgrade the plan in Team Settings → Billing.`,
    );
  }
  return refuse(
    'allotment_used',
    'billing',
    isBilling
      ? `${used} You can turn on pay-as-you-go for yourself in ${CREDIT_DETAILS}.`
      : `${used} A billing user can turn on pay-as-you-go for you in ${CREDIT_DETAILS}.`,
  );
}
