// The runs the app has going (to cancel them) and the last few it finished (for runner.get, the
// report export and re-running the failed requests). Finished runs keep summaries only.
import type { RunResult } from './types.js';

const KEEP_FINISHED = 5;

interface Running {
  controller: AbortController;
  ended: Promise<void>;
  markEnded: () => void;
}

export class RunRegistry {
  private readonly running = new Map<string, Running>();
  private readonly finished = new Map<string, RunResult>();

  begin(runId: string): AbortSignal {
    const controller = new AbortController();
    let markEnded: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (markEnded = resolve));
    this.running.set(runId, { controller, ended, markEnded });
    return controller.signal;
  }

  end(runId: string, result: RunResult | undefined): void {
    this.running.get(runId)?.markEnded();
    this.running.delete(runId);
    if (!result) return;
    this.finished.set(runId, result);
    while (this.finished.size > KEEP_FINISHED) this.finished.delete(this.finished.keys().next().value!);
  }

  cancel(runId: string): boolean {
    const controller = this.running.get(runId)?.controller;
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  cancelAll(): void {
    for (const { controller } of this.running.values()) controller.abort();
  }

  /** Cancels every run and waits until each has ended (the app is closing). */
  async stopAll(): Promise<void> {
    const ended = [...this.running.values()].map((r) => r.ended);
    this.cancelAll();
    await Promise.all(ended);
  }

  status(runId: string): { status: 'running' | 'done'; result: RunResult | null } | undefined {
    if (this.running.has(runId)) return { status: 'running', result: null };
    const result = this.finished.get(runId);
    return result ? { status: 'done', result } : undefined;
  }
}
