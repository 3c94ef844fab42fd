import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { SpecProblem } from '../../../shared/contract-design';
import { offsetOf, problemsToDiagnostics } from './specDiagnostics';
import { formatOfFile, specNameOfFile } from './specFile';

const problem = (line: number, column: number, message: string, path = ''): SpecProblem => ({ line, column, path, message, severity: 'error' });

describe('spec problems as editor diagnostics', () => {
  const doc = Text.of(['openapi: 3.1.0', 'info:', '  title: Pets', '']);

  it('starts at the line and column and runs to the end of the line', () => {
    const [d] = problemsToDiagnostics(doc, [problem(3, 3, 'version is required', '/info')]);
    expect(doc.sliceString(d.from, d.to)).toBe('title: Pets');
    expect(d.message).toBe('version is required (/info)');
    expect(d.severity).toBe('error');
  });

  it('clamps lines and columns the document no longer has (typed away while validating)', () => {
    expect(offsetOf(doc, 99, 1)).toBe(doc.line(doc.lines).from);
    expect(offsetOf(doc, 1, 500)).toBe(doc.line(1).to);
    const [d] = problemsToDiagnostics(doc, [problem(4, 1, 'unexpected end')]);
    expect(d.from).toBe(doc.length);
    expect(d.to).toBe(doc.length);
  });
});

describe('an opened spec file', () => {
  it('takes its format from the name, else from the first character', () => {
    expect(formatOfFile('pets.JSON', 'openapi: 3.0.0')).toBe('json');
    expect(formatOfFile('pets.yml', '{}')).toBe('yaml');
    expect(formatOfFile('pets', '  {"openapi":"3.1.0"}')).toBe('json');
    expect(formatOfFile('pets.txt', 'openapi: 3.1.0')).toBe('yaml');
  });

  it('is named after the file without its ending', () => {
    expect(specNameOfFile('Pet Store.yaml')).toBe('Pet Store');
    expect(specNameOfFile('.json')).toBe('Imported spec');
  });
});
