// `courier import <file> [--format postman]`: imports a collection, environment or globals file
// into the workspace in one transaction and prints what it created as JSON.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { badInput } from '../../../shared/errors.js';
import { importFile } from '../../services/formats/index.js';
import type { Command } from '../io.js';
import { LazyWorkspace } from '../workspace-refs.js';

const USAGE = `usage: courier import <file> [--format postman|openapi|curl|har|insomnia]
  Imports into the workspace (the format is guessed when omitted) and prints what it created as JSON.`;

export const importCommand: Command = {
  summary: 'imports a Postman collection, environment or globals file',
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', short: 'f' } } });
    } catch (err) {
      throw badInput(`${(err as Error).message}\n\n${USAGE}`);
    }
    if (parsed.positionals.length !== 1) throw badInput(`Which file?\n\n${USAGE}`);
    const workspace = new LazyWorkspace(io.env);
    try {
      const outcome = importFile(workspace.get(), path.resolve(io.cwd, parsed.positionals[0]), parsed.values.format);
      io.stdout(JSON.stringify(outcome, null, 2) + '\n');
      return 0;
    } finally {
      workspace.close();
    }
  },
};
