// A spec file the user opened: its format and the name the spec gets.
import type { SpecFormat } from '../../../shared/contract-design';

/** JSON when the file says so by its name or its first character; YAML otherwise. */
export function formatOfFile(fileName: string, text: string): SpecFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** The file's name without its .yaml/.yml/.json ending. */
export function specNameOfFile(fileName: string): string {
  return fileName.replace(/\.(ya?ml|json)$/i, '').trim() || 'Imported spec';
}
