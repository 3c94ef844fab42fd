// Names a spec uses that it must declare: the security schemes its requirements name, and the
// variables of its server URLs (`https://{region}.example.com`). Part of semantic.ts's checks.
import type { SpecProblem } from '../../../shared/contract-design.js';
import { isObject } from '../formats/openapi/pointer.js';
import { operationsOf } from './operations.js';
import type { SourcePositions } from './positions.js';
import { problemAt } from './read.js';
import { pointerOf } from './where.js';

export function declarationProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  return [...securitySchemeProblems(doc, positions), ...serverVariableProblems(doc, positions)];
}

/** A security requirement (the document's or an operation's) naming a scheme `components.securitySchemes` lacks. */
function securitySchemeProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const lists: [unknown, string[]][] = [[doc.security, ['security']], ...[...operationsOf(doc)].map((op): [unknown, string[]] => [op.operation.security, [...op.tokens, 'security']])];
  const problems: SpecProblem[] = [];
  for (const [list, listTokens] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((requirement, i) => {
      if (!isObject(requirement)) return;
      for (const name of Object.keys(requirement)) {
        if (Object.hasOwn(schemes, name)) continue;
        const tokens = [...listTokens, String(i), name];
        problems.push(problemAt(positions.at(tokens), `The security scheme \`${name}\` is not defined: add it under \`components.securitySchemes\`.`, pointerOf(tokens)));
      }
    });
  }
  return problems;
}

/** A server URL's `{name}` without a variable to fill it, and a variable's default outside its enum. */
function serverVariableProblems(doc: Record<string, unknown>, positions: SourcePositions): SpecProblem[] {
  const lists: [unknown, string[]][] = [[doc.servers, ['servers']]];
  const seenPaths = new Set<string>();
  for (const op of operationsOf(doc)) {
    if (!seenPaths.has(op.path)) lists.push([op.pathItem.servers, ['paths', op.path, 'servers']]);
    seenPaths.add(op.path);
    lists.push([op.operation.servers, [...op.tokens, 'servers']]);
  }
  const problems: SpecProblem[] = [];
  const warn = (tokens: string[], message: string) => problems.push(problemAt(positions.at(tokens), message, pointerOf(tokens), 'warning'));
  for (const [list, listTokens] of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((server, i) => {
      if (!isObject(server) || typeof server.url !== 'string') return;
      const variables = isObject(server.variables) ? server.variables : {};
      for (const [, name] of server.url.matchAll(/\{([^}]*)\}/g)) {
        if (!Object.hasOwn(variables, name)) warn([...listTokens, String(i), 'url'], `The server URL uses \`{${name}}\` but declares no variable \`${name}\` with its \`default\`: add it under \`variables\`.`);
      }
      for (const [name, variable] of Object.entries(variables)) {
        if (!isObject(variable) || !Array.isArray(variable.enum) || variable.default === undefined || variable.enum.includes(variable.default)) continue;
        warn([...listTokens, String(i), 'variables', name, 'default'], `The default of the server variable \`${name}\` is not one of its \`enum\` values.`);
      }
    });
  }
  return problems;
}
