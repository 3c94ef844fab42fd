// The runs the app has going (to cancel them) and the last few it finished (for runner.get, the
// report export and re-running the failed requests). Finished runs keep summaries only.
import type { RunResult } from './types.js';

const KEEP_FINISHED = 5;

export class RunRegistry {
  private readonly running = new Map<string, AbortController>();
  private readonly finished = new Map<string, RunResult>();

  begin(runId: string): AbortSignal {
    const controller = new AbortController();
    this.running.set(runId, controller);
    return controller.signal;
  }

  end(runId: string, result: RunResult | undefined): void {
    this.running.delete(runId);
    if (!result) return;
    this.finished.set(runId, result);
    while (this.finished.size > KEEP_FINISHED) this.finished.delete(this.finished.keys().next().value!);
  }

  cancel(runId: string): boolean {
    const controller = this.running.get(runId);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const controller of this.running.values()) controller.abort();
  }

  status(runId: string): { status: 'running' | 'done'; result: RunResult | null } | undefined {
    if (this.running.has(runId)) return { status: 'running', result: null };
    const result = this.finished.get(runId);
    return result ? { status: 'done', result } : undefined;
  }
}
