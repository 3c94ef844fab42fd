// How an API key is shown: its first 4 and last 4 characters (`sk-p…9xQz`); a key of 12 characters
// or fewer shows nothing of itself, since 8 of them would be most of it.
export function maskKey(key: string | null | undefined): string | null {
  if (!key) return null;
  if (key.length <= 12) return '••••';
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}
