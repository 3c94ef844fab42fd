import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from './channel-names.js';
import { channelNames, contract } from './contract.js';

describe('contract', () => {
  it('lists the same channels for the preload as the table', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...channelNames].sort());
  });

  it('a settings change carries only what the user changed (no defaults that would overwrite)', () => {
    const parsed = contract['settings.update'].input.parse({ theme: 'dark' });
    expect(parsed).toEqual({ theme: 'dark' });
    expect(() => contract['settings.update'].input.parse({ colour: 'red' })).toThrow();
  });
});
