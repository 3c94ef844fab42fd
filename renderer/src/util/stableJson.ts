// JSON with object keys sorted, so that two equal drafts compare equal whatever order their keys
// were written in (used for the "unsaved changes" dot).
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) {
        const inner = (v as Record<string, unknown>)[k];
        if (inner !== undefined) sorted[k] = inner;
      }
      return sorted;
    }
    return v;
  });
}
