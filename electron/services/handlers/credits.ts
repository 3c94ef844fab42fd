// Handlers for the credits channels (shared/contract-credits.ts): the meter, sync, team sign-in and
// the team's billing pages. They hand over to the credits service (electron/services/credits/),
// which holds the billing server's token; the renderer only ever sees the wire shapes.
import { z } from 'zod';
import {
  AiCreditDetails,
  AuditList,
  Invoice,
  InvoiceList,
  InviteMemberResponse,
  Member,
  MemberList,
  NotificationList,
  Team,
} from '../../../shared/billing/api.js';
import type { creditChannels } from '../../../shared/contract-credits.js';
import type { Handlers } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import type { CreditsApi } from '../credits/credits-api.js';
import type { HandlerContext } from './context.js';

const NoContent = z.unknown();

export function creditHandlers(ctx: HandlerContext): Pick<Handlers, keyof typeof creditChannels> {
  const credits = (): CreditsApi => {
    if (!ctx.credits) throw new AppError('INTERNAL', 'Credits are not available in this host.');
    return ctx.credits;
  };
  const seg = encodeURIComponent;
  return {
    'credits.meter': async () => credits().meter(),
    'credits.sync': async () => credits().sync(),
    'team.signIn': async (input) => credits().signIn(input),
    'team.signOut': async () => credits().signOut(),
    'team.setMyAi': async ({ enabled }) => credits().setMyAi(enabled),
    'team.creditDetails': async ({ cycle }) =>
      credits().teamCall('GET', `/ai-credit-details?cycle=${seg(cycle ?? 'current')}`, AiCreditDetails),
    'team.setPayg': async ({ userId, enabled }) => credits().teamCall('PUT', `/members/${seg(userId)}/payg`, Member, { enabled }),
    'team.invoices': async () => credits().teamCall('GET', '/invoices', InvoiceList),
    'team.invoice': async ({ id }) => credits().teamCall('GET', `/invoices/${seg(id)}`, Invoice),
    'team.members': async () => credits().teamCall('GET', '/members', MemberList),
    'team.invite': async (input) => credits().teamCall('POST', '/members', InviteMemberResponse, input),
    'team.removeMember': async ({ userId }) => {
      await credits().teamCall('DELETE', `/members/${seg(userId)}`, NoContent);
      return { ok: true as const };
    },
    'team.setRoles': async ({ userId, roles }) => credits().teamCall('PUT', `/members/${seg(userId)}/roles`, Member, { roles }),
    'team.setPlan': async (input) => credits().teamCall('PUT', '/plan', Team, input),
    'team.setTeamAi': async ({ enabled }) => credits().teamCall('PUT', '/ai', Team, { enabled }),
    'team.notifications': async () => credits().call('GET', '/v1/me/notifications', NotificationList),
    'team.markNotificationsRead': async ({ ids }) =>
      credits().call('POST', '/v1/me/notifications/read', z.object({ marked: z.number().int() }), { ids }),
    'team.audit': async () => credits().teamCall('GET', '/audit', AuditList),
  };
}
