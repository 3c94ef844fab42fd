// What an import created, in words, for the Import dialog.
import type { ChannelOutput } from '../../../shared/contract';

export type Created = ChannelOutput<'formats.import'>['created'][number];

export type ImportOutcome =
  | { fileName: string; ok: true; created: Created[]; warnings: string[] }
  | { fileName: string; ok: false; error: string };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Collection “Demo API”: 2 folders, 5 requests, 1 variable". */
export function describeCreated(c: Created): string {
  const kind = c.kind === 'collection' ? 'Collection' : c.kind === 'environment' ? 'Environment' : 'Globals';
  const parts: string[] = [];
  if (c.folders !== undefined) parts.push(plural(c.folders, 'folder'));
  if (c.requests !== undefined) parts.push(plural(c.requests, 'request'));
  if (c.variables !== undefined) parts.push(plural(c.variables, 'variable'));
  const name = c.kind === 'globals' ? '' : ` “${c.name}”`;
  return `${kind}${name}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
