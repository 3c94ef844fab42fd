import { describe, expect, it } from 'vitest';
import { describeCreated } from './describeCreated';

describe('what an import created, in words', () => {
  it('names the kind, the name and the counts it has', () => {
    expect(describeCreated({ kind: 'collection', id: 'c', name: 'Demo API', folders: 2, requests: 1, variables: 0 })).toBe(
      'Collection “Demo API”: 2 folders, 1 request, 0 variables',
    );
    expect(describeCreated({ kind: 'environment', name: 'Staging', variables: 1 })).toBe('Environment “Staging”: 1 variable');
    expect(describeCreated({ kind: 'globals', name: 'Globals', variables: 3 })).toBe('Globals: 3 variables');
    expect(describeCreated({ kind: 'collection', name: 'Bare' })).toBe('Collection “Bare”');
  });
});
