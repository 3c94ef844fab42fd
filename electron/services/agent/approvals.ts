// Tool calls waiting for the user's click, by approval id. agent.approve resolves one; cancelling
// the turn rejects all of its own.
import type { ApprovalDecision } from '../../../shared/contract-agent.js';

interface Pending {
  turnId: string;
  resolve(decision: ApprovalDecision): void;
  reject(reason: Error): void;
}

export class ApprovalBoard {
  private readonly pending = new Map<string, Pending>();

  wait(turnId: string, approvalId: string, signal: AbortSignal): Promise<ApprovalDecision> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new Error('cancelled'));
      const onAbort = () => {
        this.pending.delete(approvalId);
        reject(new Error('cancelled'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.pending.set(approvalId, {
        turnId,
        resolve: (d) => {
          signal.removeEventListener('abort', onAbort);
          resolve(d);
        },
        reject,
      });
    });
  }

  /** False when nothing waits under this id (already answered, or the turn ended). */
  decide(approvalId: string, decision: ApprovalDecision): boolean {
    const p = this.pending.get(approvalId);
    if (!p) return false;
    this.pending.delete(approvalId);
    p.resolve(decision);
    return true;
  }
}
