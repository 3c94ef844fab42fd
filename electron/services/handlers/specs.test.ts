// The specs.* channels through the real dispatcher (inputs and outputs checked against the
// contract): CRUD with the starter document, summaries with error counts, validation, the Docs
// preview, generate → drift → sync, and the workspace.changed events the UI refreshes on.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract.js';
import type { Spec, SpecDrift, SpecSummary, SpecValidation } from '../../../shared/contract-design.js';
import type { DocsNode } from '../../../shared/contract-docs.js';
import { PETS, PETS_V2 } from '../specs/link.fixture.js';
import { useHandlerHarness } from './handler-harness.fixture.js';

const harness = useHandlerHarness();
const call = (channel: string, input: unknown) => harness().call(channel, input);
/** What each workspace.changed said, in order. */
const changes = () => harness().changed.map((c) => c.what);

async function value<T>(channel: keyof typeof contract, input: unknown): Promise<T> {
  const reply = await call(channel, input);
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return contract[channel].output.parse(reply.value) as T; // every answer fits the contract
}

async function refused(channel: string, input: unknown): Promise<{ code: string; message: string }> {
  const reply = await call(channel, input);
  if (reply.ok) throw new Error(`${channel} was expected to fail`);
  return reply.error;
}

describe('specs.* channels', () => {
  it('create (starter or given text), list with summaries, get, update, delete, each announced', async () => {
    const starter = await value<Spec>('specs.create', { name: 'Pet Store' });
    expect(starter.format).toBe('yaml');
    expect(starter.text).toMatch(/^openapi: 3\.1\.0\n/);
    const json = await value<Spec>('specs.create', { name: 'JSON one', format: 'json' });
    expect(JSON.parse(json.text)).toMatchObject({ openapi: '3.1.0', info: { title: 'JSON one' } });
    const broken = await value<Spec>('specs.create', { name: 'Broken', text: 'openapi: 3.1.0\ninfo: {title: B}\npaths: {}\n' });
    const { specs } = await value<{ specs: SpecSummary[] }>('specs.list', {});
    expect(specs.map((s) => [s.name, s.title, s.version, s.operations, s.errors])).toEqual([
      ['Broken', 'B', '', 0, 1],
      ['JSON one', 'JSON one', '1.0.0', 3, 0],
      ['Pet Store', 'Pet Store', '1.0.0', 3, 0],
    ]);
    expect(specs[0]).not.toHaveProperty('text');
    expect((await value<Spec>('specs.update', { id: broken.id, text: PETS })).text).toBe(PETS);
    expect((await value<Spec>('specs.get', { id: broken.id })).name).toBe('Broken');
    expect(await value('specs.delete', { id: json.id })).toEqual({ ok: true });
    expect(changes()).toEqual(['specs', 'specs', 'specs', 'specs', 'specs']);
    expect((await refused('specs.get', { id: json.id })).code).toBe('NOT_FOUND');
    expect((await refused('specs.create', { name: '   ' })).code).toBe('BAD_INPUT');
    expect((await refused('specs.create', { name: 'X', format: 'xml' })).code).toBe('BAD_INPUT');
  });

  it('validates a text as the user types', async () => {
    const v = await value<SpecValidation>('specs.validate', { text: 'openapi: 3.1.0\ninfo:\n  title: T\npaths: {}\n' });
    expect(v.problems).toEqual([{ line: 2, column: 1, path: '/info', message: '`info` is missing its required `version`.', severity: 'error' }]);
    expect(v).toMatchObject({ openapi: '3.1.0', title: 'T', operations: 0 });
  });

  it('previews a spec as docs, and refuses an invalid one', async () => {
    const spec = await value<Spec>('specs.create', { name: 'Pets', text: PETS });
    const docs = await value<DocsNode>('specs.docs', { id: spec.id });
    expect(docs.children.map((c) => c.name)).toEqual(['pets', 'health']);
    await value('specs.update', { id: spec.id, text: 'openapi: 3.1.0\n' });
    const error = await refused('specs.docs', { id: spec.id });
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toMatch(/cannot preview it.*line 1: /);
  });

  it('generates, shows drift and syncs, announcing tree and specs changes', async () => {
    const spec = await value<Spec>('specs.create', { name: 'Pets', text: PETS });
    expect((await refused('specs.drift', { id: spec.id })).message).toMatch(/generate a collection first/);
    harness().changed.length = 0;
    const generated = await value<{ collectionId: string; requests: number }>('specs.generateCollection', { id: spec.id });
    expect(generated.requests).toBe(4);
    expect(changes()).toEqual(['tree', 'specs']);
    expect((await value<Spec>('specs.get', { id: spec.id })).collectionId).toBe(generated.collectionId);

    await value('specs.update', { id: spec.id, text: PETS_V2 });
    const drift = await value<SpecDrift>('specs.drift', { id: spec.id });
    expect([drift.added.length, drift.changed.length, drift.removed.length]).toEqual([1, 3, 1]);
    harness().changed.length = 0;
    expect(await value('specs.sync', { id: spec.id })).toEqual({ added: 1, changed: 3, removed: 1 });
    expect(changes()).toEqual(['tree', 'specs']);
    expect(await value('specs.drift', { id: spec.id })).toMatchObject({ added: [], changed: [], removed: [] });
  });
});
