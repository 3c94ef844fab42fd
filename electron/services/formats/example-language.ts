// The language of a saved example's body, from its Content-Type: Postman's preview language on
// export, the fence of the docs. A module of its own so the importers need nothing of the docs
// (which load the snippet generators).

export function exampleLanguage(headers: [string, string][]): string {
  const type = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (/json/i.test(type)) return 'json';
  if (/xml/i.test(type)) return 'xml';
  if (/html/i.test(type)) return 'html';
  return 'text';
}
