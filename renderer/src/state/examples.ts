// The saved example responses of the requests open in the UI, by request id.
import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract';
import type { Example } from '../../../shared/model';
import { rpc } from '../rpc';
import { attempt } from './toasts';

interface ExamplesState {
  byRequest: Record<string, Example[]>;
  set: (requestId: string, examples: Example[]) => void;
}

export const useExamples = create<ExamplesState>((set, get) => ({
  byRequest: {},
  set: (requestId, examples) => set({ byRequest: { ...get().byRequest, [requestId]: examples } }),
}));

export async function loadExamples(requestId: string): Promise<void> {
  const out = await attempt(() => rpc['examples.list']({ requestId }), 'Could not load the examples');
  if (out) useExamples.getState().set(requestId, out.examples);
}

export async function saveExample(input: ChannelInput<'examples.create'>): Promise<boolean> {
  const saved = await attempt(() => rpc['examples.create'](input), 'Could not save the example');
  if (saved) await loadExamples(input.requestId);
  return saved !== undefined;
}

export async function renameExample(example: Example, name: string): Promise<void> {
  if (await attempt(() => rpc['examples.rename']({ id: example.id, name }), 'Could not rename the example')) await loadExamples(example.requestId);
}

export async function deleteExample(example: Example): Promise<void> {
  if (await attempt(() => rpc['examples.delete']({ id: example.id }), 'Could not delete the example')) await loadExamples(example.requestId);
}
