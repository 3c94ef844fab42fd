// A response body the model can read within a budget (DESIGN.md §7, "a large body reduced to its
// shape and a sample"). Small bodies go as they are; a large JSON body becomes its shape (types,
// array lengths, the first element's shape) plus a sample (arrays cut to a few items, long strings
// cut), and any other large text its head. Budgets are in characters (~4 per token).

export interface BodyView {
  /** The whole body, when it fit. */
  text?: string;
  /** Large JSON: its structure, e.g. {"users":"array(1200) of {id:number,name:string}"}. */
  shape?: unknown;
  /** Large JSON: a shortened copy; other large text: its head. */
  sample?: string;
  /** Characters of the original body. */
  length: number;
  truncated: boolean;
}

const SAMPLE_ITEMS = 3;
const SAMPLE_STRING = 120;
const SHAPE_KEYS = 40;

export function shapeOf(value: unknown, depth = 0): unknown {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'array(0)';
    return depth > 6 ? `array(${value.length})` : { [`array(${value.length}) of`]: shapeOf(value[0], depth + 1) };
  }
  if (typeof value === 'object') {
    if (depth > 6) return 'object';
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value as object);
    for (const k of keys.slice(0, SHAPE_KEYS)) out[k] = shapeOf((value as Record<string, unknown>)[k], depth + 1);
    if (keys.length > SHAPE_KEYS) out['…'] = `${keys.length - SHAPE_KEYS} more keys`;
    return out;
  }
  return typeof value;
}

function sampleOf(value: unknown, items: number, depth = 0): unknown {
  if (typeof value === 'string') return value.length > SAMPLE_STRING ? `${value.slice(0, SAMPLE_STRING)}…` : value;
  if (Array.isArray(value)) {
    const head = value.slice(0, items).map((v) => sampleOf(v, items, depth + 1));
    return value.length > items ? [...head, `… ${value.length - items} more`] : head;
  }
  if (value && typeof value === 'object') {
    if (depth > 8) return '{…}';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, SHAPE_KEYS)) out[k] = sampleOf(v, items, depth + 1);
    return out;
  }
  return value;
}

export function bodyView(text: string, budgetChars: number): BodyView {
  if (text.length <= budgetChars) return { text, length: text.length, truncated: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { sample: `${text.slice(0, budgetChars)}…`, length: text.length, truncated: true };
  }
  const shape = shapeOf(parsed);
  const room = Math.max(200, budgetChars - JSON.stringify(shape).length);
  for (let items = SAMPLE_ITEMS; items >= 1; items--) {
    const sample = JSON.stringify(sampleOf(parsed, items));
    if (sample.length <= room) return { shape, sample, length: text.length, truncated: true };
  }
  return { shape, sample: `${JSON.stringify(sampleOf(parsed, 1)).slice(0, room)}…`, length: text.length, truncated: true };
}
