// The reporters by name, as `-r cli,json,junit,html` picks them.
import { badInput } from '../../../../shared/errors.js';
import { cliReporter } from './cli.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import type { Reporter } from './types.js';

export type { Reporter } from './types.js';
export { junitXml } from './junit.js';
export { jsonReport } from './json.js';
export { htmlReport } from './html.js';

export const REPORTERS = ['cli', 'json', 'junit', 'html'] as const;

export interface ReporterOptions {
  write: (text: string) => void;
  color: boolean;
  /** Export paths by reporter name (--reporter-json-export and so on). */
  exports: Partial<Record<'json' | 'junit' | 'html', string>>;
  /** Default reports go to <cwd>/newman/. */
  cwd?: string;
}

export function createReporters(names: string[], options: ReporterOptions): Reporter[] {
  return names.map((name) => {
    switch (name) {
      case 'cli':
        return cliReporter({ write: options.write, color: options.color });
      case 'json':
        return jsonReporter({ export: options.exports.json, cwd: options.cwd });
      case 'junit':
        return junitReporter({ export: options.exports.junit, cwd: options.cwd });
      case 'html':
        return htmlReporter({ export: options.exports.html, cwd: options.cwd });
      default:
        throw badInput(`Unknown reporter "${name}": use ${REPORTERS.join(', ')}`);
    }
  });
}
