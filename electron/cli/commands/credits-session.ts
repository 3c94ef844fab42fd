// What the credit commands (login, logout, sync, credits) share: the workspace's credits service for
// the length of one command, closed afterwards (which stops an embedded billing server it started).
import { badInput } from '../../../shared/errors.js';
import { CreditsService } from '../../services/credits/credits-service.js';
import type { CliIo, Command } from '../io.js';
import { LazyWorkspace } from '../workspace-refs.js';

export async function withCredits<T>(io: CliIo, fn: (credits: CreditsService) => Promise<T>): Promise<T> {
  const workspace = new LazyWorkspace(io.env);
  const credits = new CreditsService({ workspace: workspace.get(), env: io.env, embedded: io.env.COURIER_EMBEDDED_BILLING !== '0' });
  try {
    return await fn(credits);
  } finally {
    await credits.close();
    workspace.close();
  }
}

export const printJson = (io: CliIo, value: unknown): void => io.stdout(`${JSON.stringify(value, null, 2)}\n`);

/** A credit command without arguments: `body` runs with the workspace's credits service. */
export function creditCommand(name: string, summary: string, usage: string, body: (credits: CreditsService, io: CliIo) => Promise<number>): Command {
  return {
    summary,
    usage,
    async run(argv, io) {
      if (argv.length > 0) throw badInput(`${name} takes no arguments.\n\n${usage}`);
      return withCredits(io, (credits) => body(credits, io));
    },
  };
}
