// `courier logout`: signs out of the team billing server; usage is metered against the embedded
// personal team again. Usage still queued for the team server stays in the outbox until the next login.
import { creditCommand, printJson } from './credits-session.js';

const USAGE = `usage: courier logout
  Signs this workspace out of its team billing server (the embedded personal team is used again).`;

export const logoutCommand = creditCommand('logout', 'signs out of the team billing server', USAGE, async (credits, io) => {
  const wasSignedIn = credits.state.remote() !== undefined;
  const meter = await credits.signOut();
  printJson(io, { signedOut: wasSignedIn, server: meter.server });
  return 0;
});
