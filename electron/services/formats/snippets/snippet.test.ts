import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../../shared/model.js';
import { SNIPPET_TARGETS } from '../../../../shared/snippet-targets.js';
import { requestSnippet } from './snippet.js';

const post = defaultRequest({
  method: 'POST',
  url: 'https://api.example.com/v1/pets?limit=5',
  headers: [{ key: 'X-Trace-Id', value: 'trace-7f3a', enabled: true }, { key: 'X-Off', value: 'no', enabled: false }],
  body: { mode: 'raw', language: 'json', raw: '{"name":"Rex"}' },
  auth: { type: 'bearer', token: 'tok-123' },
});

describe('code snippets', () => {
  it.each(SNIPPET_TARGETS.map((t) => [t.id]))('%s: the method, URL, a header and the body are in the code', (target) => {
    const code = requestSnippet(post, target);
    expect(code).toMatch(/post/i);
    expect(code).toContain('api.example.com');
    expect(code).toContain('/v1/pets');
    expect(code).toMatch(/limit/);
    expect(code).toContain('X-Trace-Id');
    expect(code).toContain('trace-7f3a');
    expect(code).toContain('tok-123');
    expect(code).toMatch(/Rex/);
    expect(code).not.toContain('X-Off');
  });

  it('has at least the twelve languages users ask for', () => {
    expect(SNIPPET_TARGETS.length).toBeGreaterThanOrEqual(12);
  });

  it('Python requests, with variables kept as {{names}}', () => {
    const spec = defaultRequest({
      method: 'PUT',
      url: '{{baseUrl}}/pets/{{petId}}',
      headers: [{ key: 'X-Api-Key', value: '{{apiKey}}', enabled: true }],
      body: { mode: 'urlencoded', urlencoded: [{ key: 'name', value: '{{name}}', enabled: true }] },
    });
    const code = requestSnippet(spec, 'python-requests');
    expect(code).toContain('url = "{{baseUrl}}/pets/{{petId}}"');
    expect(code).toContain('"X-Api-Key": "{{apiKey}}"');
    expect(code).toContain('"name": "{{name}}"');
    expect(code).toContain('requests.put(');
  });

  it('multipart fields and files, basic auth and a GET without body', () => {
    const form = requestSnippet(
      defaultRequest({ method: 'POST', url: 'https://x.test/up', body: { mode: 'formdata', formdata: [{ key: 'photo', type: 'file', fileName: 'rex.jpg', value: '', enabled: true }, { key: 'caption', type: 'text', value: 'hi', enabled: true }] }, auth: { type: 'basic', username: 'ada', password: 'pw' } }),
      'curl',
    );
    expect(form).toContain('--form photo=@rex.jpg');
    expect(form).toContain('--form caption=hi');
    expect(form).toContain(`Basic ${Buffer.from('ada:pw').toString('base64')}`);
    expect(requestSnippet(defaultRequest({ url: 'https://x.test/a' }), 'js-fetch')).toContain("fetch(url, options)");
  });
});
