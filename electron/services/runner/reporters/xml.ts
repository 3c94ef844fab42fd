// Just enough XML for the JUnit report: elements with attributes, text and CDATA, escaped.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an attribute or element; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export interface XmlNode {
  name: string;
  attrs?: Record<string, string | number>;
  children?: XmlNode[];
  /** Raw inner content (already escaped or CDATA). */
  inner?: string;
}

export function renderXml(node: XmlNode, indent = ''): string {
  const attrs = Object.entries(node.attrs ?? {})
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0 && node.inner === undefined) return `${indent}<${node.name}${attrs}/>`;
  if (children.length === 0) return `${indent}<${node.name}${attrs}>${node.inner}</${node.name}>`;
  const inner = children.map((c) => renderXml(c, `${indent}  `)).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}
