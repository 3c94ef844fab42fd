// Completion for Postman scripts: `pm.` lists pm's members, `pm.response.` the response's, and so
// on down the tree in pm-api.ts (each with its signature and doc); `require('` lists the libraries
// the sandbox has. Functions are completed with their parentheses, the cursor inside.
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { PM_API, PM_LIBRARIES, type PmEntry } from './pm-api';

const TYPE: Record<PmEntry['kind'], string> = { namespace: 'namespace', function: 'function', property: 'property', variable: 'variable' };

/** The entry a dotted path names (["pm", "response"]), or undefined. Call parentheses are skipped: pm.response.to.have. */
export function lookupPath(path: string[]): PmEntry | undefined {
  let level: Record<string, PmEntry> | undefined = PM_API;
  let entry: PmEntry | undefined;
  for (const name of path) {
    entry = level ? Object.hasOwn(level, name) ? level[name] : undefined : undefined;
    if (!entry) return undefined;
    level = entry.children;
  }
  return entry;
}

/** Inserts `name()` with the cursor between the parentheses (or after them for a call without arguments). */
function applyCall(name: string, noArgs: boolean) {
  return (view: EditorView, _c: Completion, from: number, to: number) => {
    const insert = `${name}()`;
    view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + name.length + (noArgs ? 2 : 1) } });
  };
}

function toOption(name: string, entry: PmEntry): Completion {
  const option: Completion = { label: name, type: TYPE[entry.kind], detail: entry.detail, info: entry.doc };
  if (entry.kind === 'function') option.apply = applyCall(name, entry.detail === '()');
  return option;
}

/** The options after `path.` (an empty path: the top-level names pm, postman, console, require…). */
export function optionsAfter(path: string[]): Completion[] {
  const children = path.length === 0 ? PM_API : lookupPath(path)?.children;
  return children ? Object.entries(children).map(([name, entry]) => toOption(name, entry)) : [];
}

// `pm.response.to.have.sta` → path pm, response, to, have and the word "sta"; `foo().bar` is cut at the call.
const MEMBER_CHAIN = /(?:[A-Za-z_$][\w$]*(?:\(\))?\.)*[A-Za-z_$][\w$]*$|(?:[A-Za-z_$][\w$]*(?:\(\))?\.)+$/;
const REQUIRE_ARG = /require\(\s*(['"])([\w-]*)$/;

export function pmCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);

  const req = REQUIRE_ARG.exec(before);
  if (req) {
    const from = context.pos - req[2].length;
    return {
      from,
      options: Object.entries(PM_LIBRARIES).map(([name, doc]) => ({ label: name, type: 'module', info: doc, apply: `${name}${req[1]})` })),
      validFor: /^[\w-]*$/,
    };
  }

  const chain = MEMBER_CHAIN.exec(before);
  if (!chain) return context.explicit ? { from: context.pos, options: optionsAfter([]) } : null;
  const text = chain[0];
  // A member of something that is not a name (a string, a number) is not ours.
  const charBefore = before[before.length - text.length - 1];
  if (charBefore === '.' || (charBefore !== undefined && /[\w$'"`]/.test(charBefore))) return null;
  const parts = text.split('.').map((p) => p.replace(/\(\)$/, ''));
  const word = parts.pop() ?? '';
  if (parts.length === 0 && word.length === 0 && !context.explicit) return null;
  const options = optionsAfter(parts);
  if (options.length === 0) return null;
  return { from: context.pos - word.length, options, validFor: /^[\w$]*$/ };
}
