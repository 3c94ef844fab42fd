// A collection as one self-contained HTML file: inline CSS, no scripts, no external resources,
// a table of contents, and each endpoint with its description, URL, parameters, headers, body,
// a cURL line and its saved examples. Every text is escaped; descriptions are Markdown rendered by
// micromark, which escapes raw HTML and drops dangerous link protocols; then links and images to
// other places are turned into text, so opening the file fetches nothing.
import { micromark } from 'micromark';
import type { DocsNode } from '../../../../shared/contract-docs.js';
import type { KeyValue } from '../../../../shared/model.js';
import { safeFileName, type Exporter } from '../importer.js';
import { anchorOf, bodyText, sections, sentRows, toDocsNode } from './docs-tree.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markdown → HTML with raw HTML escaped; images become their alt text, outside links plain text with the address shown. */
export function renderDescription(markdown: string): string {
  const html = micromark(markdown, { allowDangerousHtml: false, allowDangerousProtocol: false });
  return html
    .replace(/<img src="[^"]*" alt="([^"]*)"(?: title="[^"]*")? \/>/g, '<span class="img-alt">[image: $1]</span>')
    .replace(/<a href="(?!#)([^"]*)"(?: title="[^"]*")?>([\s\S]*?)<\/a>/g, (_m, href: string, text: string) =>
      href === '' ? text : `${text} <span class="link">(${href})</span>`,
    );
}

const STYLE = `
body{font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0;display:flex}
nav{position:sticky;top:0;height:100vh;overflow:auto;width:260px;flex:none;border-right:1px solid #d0d7de;padding:16px;box-sizing:border-box;background:#f6f8fa}
nav ul{list-style:none;padding-left:12px;margin:0}nav>ul{padding-left:0}nav a{color:#0969da;text-decoration:none;font-size:13px}
main{padding:24px 40px;max-width:960px;min-width:0}
h1,h2,h3,h4,h5,h6{margin:1.4em 0 .5em}section.endpoint{border-top:1px solid #d0d7de;padding-top:8px}
.method{display:inline-block;font:600 12px ui-monospace,monospace;padding:2px 6px;border-radius:4px;background:#ddf4ff;color:#0550ae;margin-right:6px}
pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:10px;overflow:auto;font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
table{border-collapse:collapse;margin:6px 0 12px}th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
.label{font-weight:600;margin:10px 0 4px}.link,.img-alt{color:#57606a}
.example{margin:10px 0;padding:6px 12px;border-left:3px solid #d0d7de}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}nav{background:#161b22;border-color:#30363d}pre{background:#161b22;border-color:#30363d}th,td{border-color:#30363d}nav a{color:#4493f8}}
`;

const pre = (text: string) => `<pre><code>${escapeHtml(text)}</code></pre>`;
const description = (text: string) => (text.trim() ? `<div class="description">${renderDescription(text)}</div>` : '');

function table(title: string, rows: KeyValue[]): string {
  const sent = sentRows(rows);
  if (sent.length === 0) return '';
  const body = sent
    .map((r) => `<tr><td><code>${escapeHtml(r.key)}</code></td><td><code>${escapeHtml(r.value)}</code></td><td>${escapeHtml(r.description ?? '')}</td></tr>`)
    .join('');
  return `<div class="label">${escapeHtml(title)}</div><table><thead><tr><th>Key</th><th>Value</th><th>Description</th></tr></thead><tbody>${body}</tbody></table>`;
}

function endpoint(node: DocsNode, level: number): string {
  const spec = node.request!;
  const body = bodyText(spec);
  const examples = node.examples.map(
    (e) =>
      `<div class="example"><div class="label">Example: ${escapeHtml(e.name)} — ${e.status} ${escapeHtml(e.statusText)}</div>` +
      table('Response headers', e.headers.map(([key, value]) => ({ key, value, enabled: true }))) +
      (e.body !== '' ? pre(e.body) : '') +
      '</div>',
  );
  return [
    `<section class="endpoint" id="${anchorOf(node)}">`,
    `<h${level}><span class="method">${escapeHtml(spec.method)}</span>${escapeHtml(node.name)}</h${level}>`,
    pre(`${spec.method} ${spec.url}`),
    description(node.description),
    table('Query parameters', spec.params),
    table('Headers', spec.headers),
    body ? `<div class="label">Body (${escapeHtml(spec.body.mode)})</div>${pre(body.text)}` : '',
    `<div class="label">Example request</div>${pre(node.curl ?? '')}`,
    ...examples,
    '</section>',
  ].join('\n');
}

function contents(node: DocsNode): string {
  if (node.children.length === 0) return '';
  const items = node.children.map((child) => {
    const label = child.request ? `${child.request.method} ${child.name}` : child.name;
    return `<li><a href="#${anchorOf(child)}">${escapeHtml(label)}</a>${contents(child)}</li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

export function collectionHtml(root: DocsNode): string {
  const parts = [...sections(root)].map(({ node, depth }) => {
    const level = Math.min(6, depth + 1);
    if (node.kind === 'request') return endpoint(node, level);
    return `<section class="folder" id="${anchorOf(node)}"><h${level}>${escapeHtml(node.name)}</h${level}>${description(node.description)}</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(root.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav aria-label="Contents"><strong>Contents</strong>${contents(root)}</nav>
<main>
<h1>${escapeHtml(root.name)}</h1>
${description(root.description)}
${parts.join('\n')}
</main>
</body>
</html>
`;
}

export const htmlExporter: Exporter = {
  id: 'html',
  label: 'HTML documentation (one self-contained file)',
  exportCollection: (tree) => ({ text: collectionHtml(toDocsNode(tree)), fileName: `${safeFileName(tree.name)}.html` }),
};
