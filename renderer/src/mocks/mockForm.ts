// The Mocks view's form as the user typed it (text fields stay text), and the mocks.start input
// it makes — or the reason it cannot, in plain words.
import type { ChannelInput } from '../../../shared/contract';
import type { MockSource } from '../../../shared/contract-design';

export interface MockForm {
  /** `spec:<id>` or `collection:<id>`; '' until the user picks one. */
  source: string;
  /** Blank: any free port. */
  port: string;
  latencyMs: string;
  cors: boolean;
  validateRequests: boolean;
  /** Bind to 0.0.0.0 instead of 127.0.0.1 (off unless the user turns it on). */
  exposeAll: boolean;
}

export type MockStartInput = ChannelInput<'mocks.start'>;

export function newMockForm(source?: MockSource): MockForm {
  return { source: source ? sourceKey(source) : '', port: '', latencyMs: '0', cors: true, validateRequests: true, exposeAll: false };
}

export function sourceKey(source: MockSource): string {
  return source.kind === 'spec' ? `spec:${source.specId}` : `collection:${source.collectionId}`;
}

export function parseSourceKey(key: string): MockSource | null {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const id = key.slice(at + 1);
  if (at < 0 || !id) return null;
  if (kind === 'spec') return { kind: 'spec', specId: id };
  if (kind === 'collection') return { kind: 'collection', collectionId: id };
  return null;
}

function wholeNumber(text: string, label: string, min: number, max: number): number | string {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return `${label} must be a whole number from ${min} to ${max}`;
  const n = Number(t);
  if (n < min || n > max) return `${label} must be a whole number from ${min} to ${max}`;
  return n;
}

export function startInput(form: MockForm): { input: MockStartInput } | { error: string } {
  const source = parseSourceKey(form.source);
  if (!source) return { error: 'Pick a spec or a collection to mock' };
  let port = 0;
  if (form.port.trim() !== '') {
    const p = wholeNumber(form.port, 'Port', 1, 65535);
    if (typeof p === 'string') return { error: `${p} (or blank for any free port)` };
    port = p;
  }
  const latency = form.latencyMs.trim() === '' ? 0 : wholeNumber(form.latencyMs, 'Latency', 0, 60_000);
  if (typeof latency === 'string') return { error: `${latency} ms` };
  return {
    input: {
      source,
      port,
      host: form.exposeAll ? '0.0.0.0' : '127.0.0.1',
      latencyMs: latency,
      cors: form.cors,
      validateRequests: form.validateRequests,
    },
  };
}
