// Saves text as a file through the browser's download (a Blob link): the web host has no native
// save dialog, and in Electron the same link asks where to save.
const TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
};

export function mimeFor(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return `${TYPES[ext] ?? 'text/plain'};charset=utf-8`;
}

export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeFor(fileName) }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: Chromium starts reading the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
