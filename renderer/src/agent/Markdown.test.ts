// The answer's Markdown is rendered as elements: HTML in the model's text never becomes markup,
// and only http(s)/mailto links survive.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown', () => {
  it('renders emphasis, lists and code', () => {
    const out = html('**2 passed**\n\n- a\n- `b`\n\n```js\nx()\n```');
    expect(out).toContain('<strong>2 passed</strong>');
    expect(out).toContain('<li><code>b</code></li>');
    expect(out).toContain('<pre><code class="language-js">x()\n</code></pre>');
  });

  it('drops raw HTML from the text instead of injecting it', () => {
    const out = html('hi <img src=x onerror="alert(1)"> <script>alert(2)</script> there');
    expect(out).not.toMatch(/<img|<script|onerror/);
    expect(out).toContain('hi');
  });

  it('keeps http(s) links (opening in a new window) and empties javascript: ones', () => {
    const out = html('[docs](https://example.test/a) [bad](javascript:alert(1))');
    expect(out).toContain('<a href="https://example.test/a" target="_blank" rel="noreferrer noopener">docs</a>');
    expect(out).not.toContain('javascript:');
  });

  it('shows an image as its alt text, never loading it', () => {
    expect(html('![a chart](https://example.test/c.png)')).toBe('<div class="agent-markdown"><p><span class="muted">[image: a chart]</span></p></div>');
  });
});
