import { describe, expect, it } from 'vitest';
import { dropNested, newRunForm, startInput } from './runForm';

describe('the runner form', () => {
  it('turns the typed values into runner.start input', () => {
    const form = { ...newRunForm('col', ['folder'], 'env'), iterations: ' 3 ', delayMs: '250', timeoutMs: '5000', bail: true, persistVariables: true };
    expect(startInput(form)).toEqual({
      input: { collectionId: 'col', itemIds: ['folder'], environmentId: 'env', iterations: 3, delayMs: 250, timeoutMs: 5000, bail: true, persistVariables: true },
    });
  });

  it('leaves iterations and timeout to the runner when empty, sends the data file, and uses the ids given for a re-run', () => {
    const form = { ...newRunForm('col', [], null), iterations: '', delayMs: '', data: { fileName: 'rows.csv', text: 'a\n1\n' } };
    const got = startInput(form, ['r1', 'r2']);
    expect(got).toEqual({
      input: { collectionId: 'col', itemIds: ['r1', 'r2'], environmentId: null, delayMs: 0, bail: false, persistVariables: false, data: { fileName: 'rows.csv', text: 'a\n1\n' } },
    });
  });

  it('names the field that is wrong', () => {
    const base = newRunForm('col', [], null);
    expect(startInput({ ...base, iterations: '0' })).toEqual({ error: 'Iterations must be between 1 and 100,000' });
    expect(startInput({ ...base, iterations: '2.5' })).toEqual({ error: 'Iterations must be a whole number' });
    expect(startInput({ ...base, delayMs: '-1' })).toEqual({ error: 'Delay must be a whole number' });
    expect(startInput({ ...base, timeoutMs: '9999999' })).toEqual({ error: 'Request timeout must be between 0 and 3,600,000' });
    expect(startInput({ ...base, collectionId: '' })).toEqual({ error: 'Pick a collection to run' });
  });

  it('drops folders picked inside another picked folder', () => {
    const parents: Record<string, string | null> = { col: null, health: 'col', deep: 'health', users: 'col', loop: 'loop' };
    expect(dropNested(['deep', 'users', 'health'], (id) => parents[id])).toEqual(['users', 'health']);
    expect(dropNested(['deep', 'users'], (id) => parents[id])).toEqual(['deep', 'users']);
    expect(dropNested(['loop'], (id) => parents[id])).toEqual(['loop']);
  });
});
