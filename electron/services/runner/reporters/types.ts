// A reporter sees the run as it happens (onEvent) and once more at the end (finish).
import type { RunEvent, RunResult } from '../types.js';

export interface Reporter {
  onEvent?(event: RunEvent): void;
  /** Writes the report (a file for json, junit and html). */
  finish?(result: RunResult): Promise<void> | void;
}

/** "Folder / Sub-folder / Request": a request's path without the collection, as newman names it. */
export function fullName(execution: { path: string[]; name: string }): string {
  return [...execution.path, execution.name].join(' / ');
}
