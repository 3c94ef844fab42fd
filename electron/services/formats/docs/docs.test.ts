// The documentation exporters on a fixture collection: the Markdown lists each endpoint, its
// description and examples; the HTML is self-contained (nothing fetched from elsewhere) and
// escapes what descriptions hold.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPostmanCollection } from '../postman/index.js';
import { collectionHtml, renderDescription } from './html.js';
import { collectionMarkdown } from './markdown.js';
import { toDocsNode } from './docs-tree.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/docs/users-api.postman_collection.json');
const docs = toDocsNode(importPostmanCollection(JSON.parse(fs.readFileSync(fixture, 'utf8'))).root);

describe('Markdown export', () => {
  const md = collectionMarkdown(docs);

  it('has every endpoint with method, URL, description, parameters and a cURL line', () => {
    expect(md).toMatch(/^# Users API\n/);
    for (const heading of ['### GET List users', '### POST Create user', '## GET Health', '## Users']) expect(md).toContain(`\n${heading}\n`);
    expect(md).toContain('GET {{base}}/users?page=2&limit=10');
    expect(md).toContain('Lists users, **newest first**.');
    expect(md).toContain('Everything about users.\n\n- list\n- create');
    expect(md).toContain('| page | 2 | Page number |');
    expect(md).toContain("```bash\ncurl --request POST \\\n  --url {{base}}/users \\\n  --header 'Content-Type: application/json' \\\n  --data '{\"name\":\"Grace\"}'\n```");
  });

  it('has each saved example with its status and body', () => {
    expect(md).toContain('**Example: A page of users** — 200 OK');
    expect(md).toContain('```json\n[{"id":1,"name":"Ada"}]\n```');
    expect(md).toContain('**Example: Created** — 201 Created');
    expect(md).toContain('**Example: Invalid name** — 422 Unprocessable Entity');
    expect(md).toContain('{"error":"name is required"}');
  });

  it('links the contents to anchors placed before the headings', () => {
    const link = /- \[GET List users\]\(#(item-[^)]+)\)/.exec(md);
    expect(link).not.toBeNull();
    // A blank line between: an HTML block runs to the next blank line, and would swallow the heading.
    expect(md).toContain(`<a id="${link![1]}"></a>\n\n### GET List users`);
  });
});

describe('HTML export', () => {
  const html = collectionHtml(docs);

  it('loads nothing from elsewhere: every src and href is a local anchor', () => {
    const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    for (const url of urls) expect(url).toMatch(/^#item-/);
    expect(html).not.toMatch(/<link\b|@import|url\(/i);
    expect(html).toContain('<style>');
  });

  it('escapes a <script> and raw HTML in descriptions instead of running them', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;document.title');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=');
  });

  it('renders descriptions as HTML and lists endpoints, contents and examples', () => {
    expect(html).toContain('<h1>Users API</h1>');
    expect(html).toContain('<strong>newest first</strong>');
    expect(html).toContain('<li>list</li>');
    expect(html).toMatch(/<h3><span class="method">POST<\/span>Create user<\/h3>/);
    expect(html).toContain('Example: Invalid name — 422 Unprocessable Entity');
    expect(html).toContain('[{&quot;id&quot;:1,&quot;name&quot;:&quot;Ada&quot;}]');
    expect(html).toMatch(/<nav aria-label="Contents">.*<a href="#item-[^"]+">GET Health<\/a>/s);
  });

  it('shows outside links and images as text and drops javascript: links', () => {
    expect(renderDescription('[guide](https://example.com/g) ![logo](https://example.com/l.png) [x](javascript:alert(1))')).toBe(
      '<p>guide <span class="link">(https://example.com/g)</span> <span class="img-alt">[image: logo]</span> x</p>',
    );
  });
});

describe('hostile text in the HTML export', () => {
  const nasty = fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '![i](https://evil.example/i.png)',
    '[l](https://evil.example/)',
    '<a href="https://evil.example">a</a>',
    '"><svg onload=alert(1)>',
    '<style>@import url(https://evil.example/x.css)</style>',
    '`code` **b** <iframe src="https://evil.example">',
    '&lt;script&gt;',
  );
  const text = fc.array(fc.oneof(nasty, fc.string()), { maxLength: 6 }).map((parts) => parts.join(' '));

  it('never holds a script, a frame, an outside src or href, whatever the names, descriptions and examples say', () => {
    fc.assert(
      fc.property(text, text, text, text, (name, description, exampleName, body) => {
        const html = collectionHtml({
          ...docs,
          name: name || 'x',
          description,
          children: [
            {
              ...docs.children[1],
              name: name || 'y',
              description,
              examples: [{ name: exampleName || 'e', status: 200, statusText: name, headers: [['X-H', description]], body }],
            },
          ],
        });
        expect(html).not.toMatch(/<(script|iframe|img|svg|link|object|embed)\b/i);
        expect(html.match(/<style\b/gi)).toHaveLength(1); // ours, in the head
        for (const m of html.matchAll(/\b(src|href)\s*=\s*"([^"]*)"/gi)) expect(m[2]).toMatch(/^#item-/);
        expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i); // no event handler inside any tag
      }),
      { numRuns: 300 },
    );
  });
});
