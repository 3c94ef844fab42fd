// Team Settings: the team server signed in to (Team), Resource Usage → AI Credit Details (billing
// users and admins), Billing — plan and invoices (billing users) — and members and roles (admins). Opened from the credit
// meter's details or Settings; which section is open lives in state/credits.ts.
import '../styles/credits.css';
import { Dialog } from '../common/Dialog';
import { TabStrip, type TabSpec } from '../common/TabStrip';
import { useCredits, type TeamSection } from '../state/credits';
import { CreditDetailsSection } from './CreditDetailsSection';
import { InvoicesSection } from './InvoicesSection';
import { MembersSection } from './MembersSection';
import { PlanSection } from './PlanSection';
import { TeamAccountSection } from './TeamAccountSection';

export function TeamSettingsDialog() {
  const section = useCredits((s) => s.teamSection);
  const meter = useCredits((s) => s.meter);
  const roles = meter?.snapshot?.roles ?? [];
  const isAdmin = roles.includes('admin');
  const isBilling = roles.includes('billing');
  const close = () => useCredits.getState().openTeam(null);
  if (!section) return null;

  const tabs: TabSpec<TeamSection>[] = [{ key: 'team', label: 'Team' }];
  if (isAdmin || isBilling) tabs.push({ key: 'usage', label: 'Resource Usage' });
  if (isBilling) tabs.push({ key: 'billing', label: 'Billing' });
  if (isAdmin) tabs.push({ key: 'members', label: 'Members' });
  const active = tabs.some((t) => t.key === section) ? section : 'team';
  // the section is keyed by the signed-in user so a sign-in elsewhere reloads everything
  const who = `${meter?.server.url ?? ''}|${meter?.snapshot?.user.id ?? ''}`;

  return (
    <Dialog title="Team Settings" onClose={close} width={900} className="team-dialog" testId="team-settings">
      <TabStrip tabs={tabs} active={active} onChange={(k) => useCredits.getState().openTeam(k)} label="Team Settings sections" idPrefix="team" />
      <div className="team-panel" role="tabpanel" id={`team-panel-${active}`} aria-labelledby={`team-tab-${active}`} key={`${active}|${who}`}>
        {active === 'team' && <TeamAccountSection />}
        {active === 'usage' && <CreditDetailsSection canSetPayg={isBilling} canSetPlan={isBilling} />}
        {active === 'billing' && (
          <div className="team-section">
            <PlanSection canChange />
            <InvoicesSection />
          </div>
        )}
        {active === 'members' && <MembersSection />}
      </div>
    </Dialog>
  );
}
