// A tool call waiting for the user's click: what it would do and why it asks; approve, deny, or
// always allow sends to this host.
import { decideApproval } from './agentStore';
import type { ChatApproval } from './turnReducer';

const DECIDED: Record<string, string> = { approve: 'Approved', deny: 'Denied', always: 'Always allowed for this host' };

export function ApprovalCard({ turnId, approval }: { turnId: string; approval: ChatApproval }) {
  const decide = (d: 'approve' | 'deny' | 'always') => void decideApproval(turnId, approval.approvalId, d);
  return (
    <div className="agent-approval" role="group" aria-label={`Approval: ${approval.summary}`} data-testid="agent-approval">
      <div className="agent-approval-title">
        <strong>{approval.summary}</strong>
      </div>
      <div className="agent-approval-reason muted">Waits for you: {approval.reason}</div>
      {approval.decision ? (
        <div className="agent-approval-decision">{DECIDED[approval.decision]}</div>
      ) : (
        <div className="agent-approval-actions">
          <button type="button" className="button primary small" onClick={() => decide('approve')}>
            Approve
          </button>
          <button type="button" className="button small" onClick={() => decide('deny')}>
            Deny
          </button>
          {approval.host && (
            <button type="button" className="button ghost small" onClick={() => decide('always')}>
              Always allow {approval.host}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
