// The languages a request can be shown as code in (electron/services/formats/snippets/ makes the
// code with httpsnippet; the renderer lists these in the Code panel's picker).
export const SNIPPET_TARGETS = [
  { id: 'curl', label: 'cURL', language: 'shell' },
  { id: 'js-fetch', label: 'JavaScript – fetch', language: 'javascript' },
  { id: 'node-axios', label: 'Node.js – axios', language: 'javascript' },
  { id: 'node-fetch', label: 'Node.js – fetch', language: 'javascript' },
  { id: 'python-requests', label: 'Python – requests', language: 'python' },
  { id: 'python-http-client', label: 'Python – http.client', language: 'python' },
  { id: 'go', label: 'Go – net/http', language: 'go' },
  { id: 'java-okhttp', label: 'Java – OkHttp', language: 'java' },
  { id: 'csharp-httpclient', label: 'C# – HttpClient', language: 'csharp' },
  { id: 'php-guzzle', label: 'PHP – Guzzle', language: 'php' },
  { id: 'php-curl', label: 'PHP – cURL', language: 'php' },
  { id: 'ruby', label: 'Ruby – Net::HTTP', language: 'ruby' },
  { id: 'swift', label: 'Swift – URLSession', language: 'swift' },
  { id: 'kotlin-okhttp', label: 'Kotlin – OkHttp', language: 'kotlin' },
  { id: 'powershell', label: 'PowerShell – Invoke-RestMethod', language: 'powershell' },
  { id: 'rust-reqwest', label: 'Rust – reqwest', language: 'rust' },
  { id: 'httpie', label: 'HTTPie', language: 'shell' },
] as const;

export type SnippetTargetId = (typeof SNIPPET_TARGETS)[number]['id'];
export const SNIPPET_TARGET_IDS = SNIPPET_TARGETS.map((t) => t.id) as [SnippetTargetId, ...SnippetTargetId[]];
