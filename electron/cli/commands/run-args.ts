// `courier run` takes newman's flags, so a CI job switches by changing one word.
import { parseArgs } from 'node:util';
import { badInput } from '../../../shared/errors.js';

export interface RunArgs {
  collection: string;
  environment?: string;
  globals?: string;
  data?: string;
  iterations?: number;
  folders: string[];
  envVars: [string, string][];
  globalVars: [string, string][];
  workingDir?: string;
  bail: boolean;
  delayMs?: number;
  timeoutMs?: number;
  insecure: boolean;
  color: 'on' | 'off' | 'auto';
  exportEnvironment?: string;
  exportGlobals?: string;
  exportCollection?: string;
  reporters: string[];
  exports: { json?: string; junit?: string; html?: string };
  suppressExitCode: boolean;
  silent: boolean;
  /** --ignore-redirects: answer 3xx responses as they are. */
  ignoreRedirects: boolean;
  /** --timeout-script: a time limit for each script (ms). */
  scriptTimeoutMs?: number;
  /** Options of newman reporters Courier does not have (--reporter-cli-no-summary…): accepted, not used. */
  ignored: string[];
}

export const RUN_USAGE = `usage: courier run <collection file, name or id> [options]

  -e, --environment <file, name or id>   environment (a Postman file or a workspace environment)
  -g, --globals <file>                   globals file (a workspace run uses the workspace globals without it)
  -d, --iteration-data <file>            data file, CSV or JSON: one iteration per row
  -n, --iteration-count <n>              iterations (default: one per data row, else 1)
  --folder <name or id>                  run only this folder or request (repeatable)
  --env-var <key=value>                  set an environment variable (repeatable)
  --global-var <key=value>               set a global variable (repeatable)
  --working-dir <dir>                    where relative file paths in bodies are found (default: here)
  --bail                                 stop at the first failed test or request
  --delay-request <ms>                   wait before each request
  --timeout-request <ms>                 a time limit for each request
  -k, --insecure                         do not check TLS certificates
  --color <on|off|auto>                  colored output (default auto: on in a terminal)
  --export-environment <file>            write the environment at the end of the run
  --export-globals <file>                write the globals at the end of the run
  --export-collection <file>             write the collection (with its variables at the end) as Postman v2.1
  -r, --reporters <cli,json,junit,html>  reporters (default cli)
  --reporter-json-export <file>          where the json reporter writes (default newman/…json)
  --reporter-junit-export <file>         where the junit reporter writes (default newman/…xml)
  --reporter-html-export <file>          where the html reporter writes (default newman/…html)
  --timeout-script <ms>                  a time limit for each script (default 5000)
  --ignore-redirects                     do not follow redirects
  -x, --suppress-exit-code               exit 0 even when tests fail
  --silent                               no cli output
  (other --reporter-<name>-<option> flags of newman's reporters are accepted and ignored, with a note;
   --verbose and --disable-unicode are accepted too)
Exit code 1 when any test, script or request fails.`;

function count(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw badInput(`${flag} must be a whole number${min > 0 ? ` from ${min}` : ', 0 or more'} (got "${value}")`);
  return n;
}

function pairs(values: string[] | undefined, flag: string): [string, string][] {
  return (values ?? []).map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw badInput(`${flag} takes key=value (got "${pair}")`);
    return [pair.slice(0, eq), pair.slice(eq + 1)];
  });
}

const KNOWN_REPORTER_OPTIONS = new Set(['--reporter-json-export', '--reporter-junit-export', '--reporter-html-export']);

/** Takes newman's reporter options Courier has no use for out of the arguments (with their value, if any). */
function withoutForeignReporterOptions(argv: string[]): { args: string[]; ignored: string[] } {
  const args: string[] = [];
  const ignored: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    if (!a.startsWith('--reporter-') || KNOWN_REPORTER_OPTIONS.has(name)) {
      args.push(a);
      continue;
    }
    const takesValue = !a.includes('=') && !/-no-/.test(name) && i + 1 < argv.length && !argv[i + 1].startsWith('-');
    ignored.push(takesValue ? `${a} ${argv[++i]}` : a);
  }
  return { args, ignored };
}

export function parseRunArgs(argv: string[]): RunArgs {
  // newman's --bail takes optional modifiers (--bail failure,folder): they mean the same here.
  const withBail = argv.filter((a, i) => !(argv[i - 1] === '--bail' && /^(failure|folder)(,(failure|folder))*$/.test(a)));
  const { args, ignored } = withoutForeignReporterOptions(withBail);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        environment: { type: 'string', short: 'e' },
        globals: { type: 'string', short: 'g' },
        'iteration-data': { type: 'string', short: 'd' },
        'iteration-count': { type: 'string', short: 'n' },
        folder: { type: 'string', multiple: true },
        'env-var': { type: 'string', multiple: true },
        'global-var': { type: 'string', multiple: true },
        'working-dir': { type: 'string' },
        bail: { type: 'boolean' },
        'delay-request': { type: 'string' },
        'timeout-request': { type: 'string' },
        insecure: { type: 'boolean', short: 'k' },
        color: { type: 'string' },
        'export-environment': { type: 'string' },
        'export-globals': { type: 'string' },
        'export-collection': { type: 'string' },
        reporters: { type: 'string', short: 'r' },
        'reporter-json-export': { type: 'string' },
        'reporter-junit-export': { type: 'string' },
        'reporter-html-export': { type: 'string' },
        'suppress-exit-code': { type: 'boolean', short: 'x' },
        silent: { type: 'boolean' },
        'timeout-script': { type: 'string' },
        'ignore-redirects': { type: 'boolean' },
        verbose: { type: 'boolean' },
        'disable-unicode': { type: 'boolean' },
      },
    });
  } catch (err) {
    throw badInput(`${(err as Error).message}\n\n${RUN_USAGE}`);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) {
    throw badInput(`${positionals.length === 0 ? 'Which collection? ' : `One collection at a time (got ${positionals.join(', ')}). `}\n\n${RUN_USAGE}`);
  }
  const color = v.color ?? 'auto';
  if (color !== 'on' && color !== 'off' && color !== 'auto') throw badInput(`--color is on, off or auto (got "${color}")`);
  const reporters = (v.reporters ?? 'cli').split(',').map((r) => r.trim()).filter(Boolean);
  return {
    collection: positionals[0],
    environment: v.environment,
    globals: v.globals,
    data: v['iteration-data'],
    iterations: count(v['iteration-count'], '-n', 1),
    folders: v.folder ?? [],
    envVars: pairs(v['env-var'], '--env-var'),
    globalVars: pairs(v['global-var'], '--global-var'),
    workingDir: v['working-dir'],
    bail: v.bail ?? false,
    delayMs: count(v['delay-request'], '--delay-request', 0),
    timeoutMs: count(v['timeout-request'], '--timeout-request', 0),
    insecure: v.insecure ?? false,
    color,
    exportEnvironment: v['export-environment'],
    exportGlobals: v['export-globals'],
    exportCollection: v['export-collection'],
    reporters,
    exports: { json: v['reporter-json-export'], junit: v['reporter-junit-export'], html: v['reporter-html-export'] },
    suppressExitCode: v['suppress-exit-code'] ?? false,
    silent: v.silent ?? false,
    ignoreRedirects: v['ignore-redirects'] ?? false,
    scriptTimeoutMs: count(v['timeout-script'], '--timeout-script', 1),
    ignored,
  };
}
