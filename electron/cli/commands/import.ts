// `courier import <file> [--format postman|har|insomnia|curl|…]`: imports a file of any registered
// format (electron/services/formats/importers.ts) into the workspace in one transaction and prints
// what it created as JSON.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { badInput } from '../../../shared/errors.js';
import { importFile } from '../../services/formats/index.js';
import { IMPORTERS } from '../../services/formats/importers.js';
import type { Command } from '../io.js';
import { LazyWorkspace } from '../workspace-refs.js';

const USAGE = `usage: courier import <file> [--format ${IMPORTERS.map((i) => i.id).join('|')}]
  Imports into the workspace (the format is detected when omitted) and prints what it created as JSON.
  Formats: ${IMPORTERS.map((i) => i.label).join('; ')}.`;

export const importCommand: Command = {
  summary: 'imports a Postman, HAR, Insomnia, cURL (or other registered format) file',
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
