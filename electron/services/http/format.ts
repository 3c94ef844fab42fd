// Human sizes for messages: 1,024-based, one decimal ("150.0 MB"), or none for a round limit ("100 MB").
const UNITS = ['KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number, trimZero = false): string {
  if (bytes < 1024) return `${bytes} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = value.toFixed(1);
  return `${trimZero && text.endsWith('.0') ? text.slice(0, -2) : text} ${UNITS[unit]}`;
}
