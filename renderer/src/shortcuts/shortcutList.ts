// The keyboard shortcuts, as shown in the "?" sheet.
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';

export const SHORTCUTS: { label: string; keys: string[] }[] = [
  { label: 'Send request', keys: [MOD, 'Enter'] },
  { label: 'Save', keys: [MOD, 'S'] },
  { label: 'New request tab', keys: [MOD, 'T'] },
  { label: 'Close tab', keys: [MOD, 'W'] },
  { label: 'Focus the URL', keys: [MOD, 'L'] },
  { label: 'Quick search', keys: [MOD, 'K'] },
  { label: 'Quick search', keys: [MOD, 'P'] },
  { label: 'Next / previous tab', keys: ['Ctrl', 'Tab / Shift+Tab'] },
  { label: 'New request tab (in a browser)', keys: ['Alt', 'T'] },
  { label: 'Close tab (in a browser)', keys: ['Alt', 'W'] },
  { label: 'Find in body or response', keys: [MOD, 'F'] },
  { label: 'Rename in the tree', keys: ['F2'] },
  { label: 'Delete in the tree', keys: ['Delete'] },
  { label: 'Settings', keys: [MOD, ','] },
  { label: 'Show shortcuts', keys: ['?'] },
];
