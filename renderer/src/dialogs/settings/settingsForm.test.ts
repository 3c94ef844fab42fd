import { describe, expect, it } from 'vitest';
import { Settings } from '../../../../shared/model';
import { changedFields, formFromSettings, validate } from './settingsForm';

const MB = 1024 * 1024;
const saved = Settings.parse({});

describe('the Settings dialog form', () => {
  it('shows the limit in megabytes and the timeout in milliseconds', () => {
    expect(formFromSettings(saved)).toEqual({ theme: 'system', bodyLimitMb: '100', defaultTimeoutMs: '30000' });
    expect(formFromSettings({ ...saved, responseBodyLimitBytes: 1.5 * MB }).bodyLimitMb).toBe('1.5');
  });

  it('wants a positive number of megabytes, at least 1 KB', () => {
    const form = formFromSettings(saved);
    for (const bad of ['', '0', '-1', 'abc', '1e400', '0.0001']) {
      expect(validate({ ...form, bodyLimitMb: bad }).bodyLimitMb, bad).toBeTruthy();
    }
    expect(validate({ ...form, bodyLimitMb: '' }).bodyLimitMb).toBe('Enter a positive number of megabytes, such as 100.');
    expect(validate({ ...form, bodyLimitMb: '0.0001' }).bodyLimitMb).toContain('at least 1 KB');
    for (const good of ['1', '0.5', ' 250 ', '1e3']) expect(validate({ ...form, bodyLimitMb: good }), good).toEqual({});
  });

  it('wants a whole number of milliseconds from 0 to one hour for the timeout', () => {
    const form = formFromSettings(saved);
    for (const bad of ['', '-1', '1.5', 'soon', '3600001']) {
      expect(validate({ ...form, defaultTimeoutMs: bad }).defaultTimeoutMs, bad).toMatch(/^Enter a whole number of milliseconds from 0/);
    }
    for (const good of ['0', '1', '3600000']) expect(validate({ ...form, defaultTimeoutMs: good }), good).toEqual({});
  });

  it('sends only the fields that changed', () => {
    const initial = formFromSettings(saved);
    expect(changedFields(initial, initial, saved)).toEqual({});
    expect(changedFields({ ...initial, bodyLimitMb: '1' }, initial, saved)).toEqual({ responseBodyLimitBytes: MB });
    expect(changedFields({ ...initial, defaultTimeoutMs: '0', theme: 'dark' }, initial, saved)).toEqual({ defaultTimeoutMs: 0, theme: 'dark' });
    // Typed differently, same value: nothing to save.
    expect(changedFields({ ...initial, bodyLimitMb: '100.0' }, initial, saved)).toEqual({});
    // Invalid: nothing is saved.
    expect(changedFields({ ...initial, bodyLimitMb: '0' }, initial, saved)).toBeNull();
  });

  it('never sends a limit it only rounded for display', () => {
    const odd = { ...saved, responseBodyLimitBytes: 1024 };
    const initial = formFromSettings(odd);
    expect(initial.bodyLimitMb).toBe('0.001');
    expect(changedFields({ ...initial, theme: 'light' }, initial, odd)).toEqual({ theme: 'light' });
  });
});
