// `courier login --server URL --email E --password P`: signs this workspace in to a team billing
// server (DESIGN §3); the embedded personal team is used again after `courier logout`.
import { parseArgs } from 'node:util';
import { badInput } from '../../../shared/errors.js';
import type { Command } from '../io.js';
import { printJson, withCredits } from './credits-session.js';

const USAGE = `usage: courier login --server URL --email E --password P
  Signs this workspace in to a team billing server and prints the credit meter as JSON.
  The password may also come from COURIER_PASSWORD.`;

export const loginCommand: Command = {
  summary: 'signs this workspace in to a team billing server',
  usage: USAGE,
  async run(argv, io) {
    let values;
    try {
      values = parseArgs({ args: argv, options: { server: { type: 'string' }, email: { type: 'string' }, password: { type: 'string' } } }).values;
    } catch (err) {
      throw badInput(`${(err as Error).message}\n\n${USAGE}`);
    }
    const password = values.password ?? io.env.COURIER_PASSWORD;
    if (!values.server || !values.email || !password) throw badInput(`--server, --email and --password are required.\n\n${USAGE}`);
    let url: string;
    try {
      url = new URL(values.server).origin;
    } catch {
      throw badInput(`--server ${values.server} is not a URL (e.g. https://billing.example.com).`);
    }
    const server = url;
    return withCredits(io, async (credits) => {
      const meter = await credits.signIn({ url: server, email: values.email!, password });
      printJson(io, { signedIn: true, server: meter.server, state: meter.state, queued: { events: meter.queuedEvents, micro: meter.queuedMicro } });
      return 0;
    });
  },
};
