// `courier export <collection> [--format postman|markdown|html|…] [-o file]`: writes a workspace
// collection as a Postman v2.1 file or as documentation (to stdout without -o).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { badInput } from '../../../shared/errors.js';
import { exportCollection } from '../../services/formats/index.js';
import type { Command } from '../io.js';
import { findCollectionId, LazyWorkspace } from '../workspace-refs.js';

const USAGE = `usage: courier export <collection name or id> [--format postman|openapi|openapi-yaml|markdown|html] [-o file]
  Exports a collection of the workspace (Postman v2.1 by default; markdown and html write its
  documentation, html as one self-contained file), to the file or to stdout.`;

export const exportCommand: Command = {
  summary: 'exports a collection as a Postman v2.1 file or as documentation (markdown, html)',
  usage: USAGE,
  async run(argv, io) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } },
      });
    } catch (err) {
      throw badInput(`${(err as Error).message}\n\n${USAGE}`);
    }
    if (parsed.positionals.length !== 1) throw badInput(`Which collection?\n\n${USAGE}`);
    const workspace = new LazyWorkspace(io.env);
    try {
      const { text } = exportCollection(workspace.get(), findCollectionId(workspace, parsed.positionals[0]), parsed.values.format ?? 'postman');
      if (parsed.values.output) {
        const file = path.resolve(io.cwd, parsed.values.output);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
        io.stderr(`Wrote ${file}\n`);
      } else io.stdout(text);
      return 0;
    } finally {
      workspace.close();
    }
  },
};
