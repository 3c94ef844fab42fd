// The pm completion source on real CodeMirror states: what is offered where, from where it
// replaces, the docs it carries and what accepting a function inserts.
import { CompletionContext, type Completion, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { lookupPath, pmCompletions } from './pm-completions';

function complete(text: string, explicit = false): CompletionResult | null {
  const state = EditorState.create({ doc: text });
  return pmCompletions(new CompletionContext(state, text.length, explicit));
}
const labels = (r: CompletionResult | null) => r?.options.map((o) => o.label) ?? [];
const option = (r: CompletionResult | null, label: string) => r?.options.find((o) => o.label === label);

/** What accepting `c` over [from, to) does to `text`: the new text and the cursor. */
function accept(text: string, c: Completion, from: number): { text: string; cursor: number } {
  let out = { text, cursor: text.length };
  const view = {
    dispatch: (spec: TransactionSpec) => {
      const change = spec.changes as { from: number; to: number; insert: string };
      out = { text: text.slice(0, change.from) + change.insert + text.slice(change.to), cursor: (spec.selection as { anchor: number }).anchor };
    },
  } as unknown as EditorView;
  if (typeof c.apply !== 'function') throw new Error(`${c.label} has no apply function`);
  c.apply(view, c, from, text.length);
  return out;
}

describe('pm completions', () => {
  it('lists pm members after "pm." with their docs, replacing only the word typed', () => {
    const r = complete('const x = pm.res');
    expect(r!.from).toBe('const x = pm.'.length);
    expect(labels(r)).toEqual(expect.arrayContaining(['test', 'expect', 'response', 'request', 'environment', 'collectionVariables', 'globals', 'variables', 'iterationData', 'info', 'sendRequest', 'cookies', 'execution']));
    expect(option(r, 'response')!.info).toMatch(/test scripts only/);
    expect(option(r, 'sendRequest')!.detail).toBe('(request, callback?)');
  });

  it('follows the chain: pm.response., pm.response.to.have., pm.environment.', () => {
    expect(labels(complete('pm.response.'))).toEqual(
      expect.arrayContaining(['json', 'text', 'code', 'status', 'headers', 'responseTime', 'responseSize', 'cookies', 'to']),
    );
    expect(labels(complete('pm.response.to.have.'))).toEqual(expect.arrayContaining(['status', 'header', 'jsonBody', 'body', 'jsonSchema']));
    expect(labels(complete('pm.response.to.be.'))).toEqual(expect.arrayContaining(['ok', 'success', 'json']));
    expect(labels(complete('  pm.environment.'))).toEqual(expect.arrayContaining(['get', 'set', 'unset', 'has', 'replaceIn', 'name']));
    expect(labels(complete('pm.collectionVariables.'))).toEqual(expect.arrayContaining(['get', 'set', 'unset', 'has', 'replaceIn']));
    expect(labels(complete('pm.iterationData.'))).not.toContain('set'); // read-only
    expect(labels(complete('pm.execution.'))).toEqual(expect.arrayContaining(['setNextRequest', 'skipRequest']));
    expect(labels(complete('pm.test.'))).toEqual(['skip']);
    // A call in the chain is looked through: pm.response.headers is reached from pm.response.
    expect(labels(complete('pm.response.headers.'))).toContain('get');
  });

  it('offers nothing for unknown paths, inside strings or after other objects', () => {
    expect(complete('pm.nothing.')).toBeNull();
    expect(complete('pm.response.json().')).toBeNull();
    expect(complete('foo.pm.')).toBeNull();
    expect(complete("'pm.")).toBeNull();
    expect(complete('')).toBeNull();
  });

  it('completes top-level names (pm, console, require) and the libraries inside require(...)', () => {
    expect(labels(complete('p'))).toEqual(expect.arrayContaining(['pm', 'postman', 'console', 'require']));
    const r = complete("const _ = require('lo");
    expect(r!.from).toBe("const _ = require('".length);
    expect(labels(r)).toEqual(expect.arrayContaining(['lodash', 'moment', 'uuid', 'crypto-js', 'ajv', 'tv4', 'cheerio', 'xml2js']));
    expect(option(r, 'lodash')!.apply).toBe("lodash')");
    expect(option(complete('const m = require("'), 'moment')!.apply).toBe('moment")');
  });

  it('inserts a function with its parentheses, the cursor inside when it takes arguments', () => {
    const text = 'pm.te';
    const r = complete(text);
    expect(accept(text, option(r, 'test')!, r!.from)).toEqual({ text: 'pm.test()', cursor: 'pm.test('.length });
    const json = complete('pm.response.js');
    expect(accept('pm.response.js', option(json, 'json')!, json!.from)).toEqual({ text: 'pm.response.json()', cursor: 'pm.response.json()'.length });
    // Properties and namespaces are inserted as their name.
    expect(option(r, 'response')!.apply).toBeUndefined();
  });

  it('looks up entries by path', () => {
    expect(lookupPath(['pm', 'response', 'code'])).toMatchObject({ kind: 'property', detail: ': number' });
    expect(lookupPath(['pm', 'toString'])).toBeUndefined(); // no prototype names
  });
});
