// Sends each runner.progress event to the Runner tab that started the run. An event can arrive
// before runner.start's answer has told the tab its runId: such events wait here (a bounded number
// of runs, the oldest dropped) and are handed over when the tab claims the run.
import type { ProgressEvent } from './runState';

const MAX_WAITING_RUNS = 20;

export class ProgressRouter {
  private readonly owners = new Map<string, string>();
  private readonly waiting = new Map<string, ProgressEvent[]>();

  constructor(private readonly deliver: (tabId: string, events: ProgressEvent[]) => void) {}

  /** An event from the main process. */
  receive(event: ProgressEvent): void {
    const tabId = this.owners.get(event.runId);
    if (tabId) {
      this.deliver(tabId, [event]);
      return;
    }
    let list = this.waiting.get(event.runId);
    if (!list) {
      if (this.waiting.size >= MAX_WAITING_RUNS) this.waiting.delete(this.waiting.keys().next().value!);
      this.waiting.set(event.runId, (list = []));
    }
    list.push(event);
  }

  /** The tab now owns the run: events that came early are delivered at once. */
  claim(runId: string, tabId: string): void {
    this.owners.set(runId, tabId);
    const early = this.waiting.get(runId);
    this.waiting.delete(runId);
    if (early?.length) this.deliver(tabId, early);
  }

  /** Stops routing a run's events (its tab started another run or closed). */
  release(runId: string): void {
    this.owners.delete(runId);
    this.waiting.delete(runId);
  }
}
