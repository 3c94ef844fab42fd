// cURL as an import format: a file (or pasted text) of one or more `curl …` commands becomes a
// collection named after the file with a request per command.
import { badInput } from '../../../../shared/errors.js';
import { curlToRequest } from '../../../../shared/curl/curl-to-request.js';
import { looksLikeCurl } from '../../../../shared/curl/parse-curl.js';
import type { Importer } from '../importer.js';
import { emptyParts } from '../importer.js';
import { baseName, containerNode, requestNode } from '../tree-nodes.js';

/** Each command with the line it starts on; a line ending in \ or ^ continues the command. */
export function splitCommands(text: string): { line: number; command: string }[] {
  const commands: { line: number; command: string }[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let current: { line: number; command: string } | undefined;
  lines.forEach((line, i) => {
    if (current) current.command += '\n' + line;
    else if (looksLikeCurl(line + ' ')) current = { line: i + 1, command: line };
    else if (line.trim() && !line.trim().startsWith('#')) throw badInput(`line ${i + 1}: expected a cURL command, found "${line.trim().slice(0, 40)}"`);
    if (current && !/[\\^]\s*$/.test(line)) {
      commands.push(current);
      current = undefined;
    }
  });
  if (current) commands.push(current);
  return commands;
}

export const curlImporter: Importer = {
  id: 'curl',
  label: 'cURL commands',
  detect: (text) => looksLikeCurl(text.replace(/^\uFEFF/, '').replace(/^(\s*#.*\n)+/, '') + ' '),
  parse(text, fileName) {
    let commands;
    try {
      commands = splitCommands(text);
    } catch (err) {
      throw badInput(`${fileName}: ${(err as Error).message}`);
    }
    if (commands.length === 0) throw badInput(`${fileName}: no cURL command in it`);
    const parts = emptyParts();
    const root = containerNode('collection', baseName(fileName));
    for (const { line, command } of commands) {
      let converted;
      try {
        converted = curlToRequest(command, { authFromHeader: true });
      } catch (err) {
        throw badInput(`${fileName}: line ${line}: ${(err as Error).message}`);
      }
      root.children.push(requestNode(converted.request));
      if (converted.ignored.length) parts.warnings.push(`line ${line}: ignored ${converted.ignored.join(', ')}`);
    }
    parts.collections.push(root);
    return parts;
  },
};
