// Sort keys among siblings. A node dropped at position k gets a key between its new neighbours
// (the midpoint), so a move writes one row; when the keys get too close for a double to tell them
// apart (after ~50 drops into the same gap) or two siblings share a key, the siblings are renumbered.

/** The gap between neighbours after a renumbering, and the step when appending. */
export const SORT_SPACING = 1024;

/**
 * The key for a node placed at `index` among `siblings` (their keys in display order, without the
 * node itself). `index` is clamped to 0..siblings.length. Answers null when there is no room
 * between the neighbours: renumber the siblings (see `renumbered`) and ask again.
 */
export function sortKeyAt(siblings: readonly number[], index: number): number | null {
  const k = Math.max(0, Math.min(Math.trunc(index), siblings.length));
  const prev = k > 0 ? siblings[k - 1] : undefined;
  const next = k < siblings.length ? siblings[k] : undefined;
  if (prev === undefined && next === undefined) return SORT_SPACING;
  if (next === undefined) return prev! + SORT_SPACING;
  if (prev === undefined) return next - SORT_SPACING;
  const mid = prev + (next - prev) / 2;
  return prev < mid && mid < next ? mid : null;
}

/** Fresh, evenly spaced keys for `count` siblings, in their current order. */
export function renumbered(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * SORT_SPACING);
}
