// A collection as one Markdown document: a table of contents, then each folder and endpoint in
// sidebar order with its description, URL, parameters, headers, body, a cURL line and its saved
// examples. Descriptions are Markdown already and go in as written.
import type { DocsNode } from '../../../../shared/contract-docs.js';
import type { KeyValue } from '../../../../shared/model.js';
import { safeFileName, type Exporter } from '../importer.js';
import { exampleLanguage } from '../example-language.js';
import { anchorOf, bodyText, sections, sentRows, toDocsNode } from './docs-tree.js';

/** A fenced block whose fence is longer than any run of backticks inside. */
function fence(text: string, language = ''): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(Math.max(3, longest + 1));
  return `${marks}${language}\n${text}\n${marks}`;
}

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ') || ' ';
/** Text outside code that Markdown must not read as markup (names of items). */
const plain = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** An HTML anchor before a heading, so the contents link to it on any Markdown renderer. */
const anchor = (node: DocsNode) => `<a id="${anchorOf(node)}"></a>\n`; // the blank line after ends the HTML block

function table(title: string, rows: KeyValue[]): string[] {
  const sent = sentRows(rows);
  if (sent.length === 0) return [];
  return [
    `**${title}**`,
    '',
    '| Key | Value | Description |',
    '| --- | --- | --- |',
    ...sent.map((r) => `| ${cell(r.key)} | ${cell(r.value)} | ${cell(r.description ?? '')} |`),
    '',
  ];
}

function endpoint(node: DocsNode, level: number): string[] {
  const spec = node.request!;
  const out = [anchor(node), `${'#'.repeat(level)} ${spec.method} ${plain(node.name)}`, '', fence(`${spec.method} ${spec.url}`, 'http'), ''];
  if (node.description.trim()) out.push(node.description.trim(), '');
  out.push(...table('Query parameters', spec.params), ...table('Headers', spec.headers));
  const body = bodyText(spec);
  if (body) out.push(`**Body** (${spec.body.mode})`, '', fence(body.text, body.language), '');
  out.push('**Example request**', '', fence(node.curl ?? '', 'bash'), '');
  for (const example of node.examples) {
    out.push(`**Example: ${plain(example.name)}** — ${example.status} ${plain(example.statusText)}`.trimEnd(), '');
    out.push(...table('Response headers', example.headers.map(([key, value]) => ({ key, value, enabled: true }))));
    if (example.body !== '') out.push(fence(example.body, exampleLanguage(example.headers)), '');
  }
  return out;
}

export function collectionMarkdown(root: DocsNode): string {
  const all = [...sections(root)];
  const out = [`# ${plain(root.name)}`, ''];
  if (root.description.trim()) out.push(root.description.trim(), '');
  out.push('## Contents', '');
  for (const { node, depth } of all) {
    const label = node.request ? `${node.request.method} ${node.name}` : node.name;
    out.push(`${'  '.repeat(depth - 1)}- [${plain(label)}](#${anchorOf(node)})`);
  }
  out.push('');
  for (const { node, depth } of all) {
    const level = Math.min(6, depth + 1);
    if (node.kind === 'request') out.push(...endpoint(node, level));
    else {
      out.push(anchor(node), `${'#'.repeat(level)} ${plain(node.name)}`, '');
      if (node.description.trim()) out.push(node.description.trim(), '');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export const markdownExporter: Exporter = {
  id: 'markdown',
  label: 'Markdown documentation',
  exportCollection: (tree) => ({ text: collectionMarkdown(toDocsNode(tree)), fileName: `${safeFileName(tree.name)}.md` }),
};
