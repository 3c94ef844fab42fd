// `courier logout`: signs out of the team billing server; usage is metered against the embedded
// personal team again. Usage still queued for the team server stays in the outbox until the next login.
import { badInput } from '../../../shared/errors.js';
import type { Command } from '../io.js';
import { printJson, withCredits } from './credits-session.js';

const USAGE = `usage: courier logout
  Signs this workspace out of its team billing server (the embedded personal team is used again).`;

export const logoutCommand: Command = {
  summary: 'signs out of the team billing server',
  usage: USAGE,
  async run(argv, io) {
    if (argv.length > 0) throw badInput(`logout takes no arguments.\n\n${USAGE}`);
    return withCredits(io, async (credits) => {
      const wasSignedIn = credits.state.remote() !== undefined;
      const meter = await credits.signOut();
      printJson(io, { signedOut: wasSignedIn, server: meter.server });
      return 0;
    });
  },
};
