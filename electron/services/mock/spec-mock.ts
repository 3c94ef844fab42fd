// A mock of a spec: each request routed to its operation (404 for an unknown path, 405 with Allow
// for a known path and another method), checked against it unless validation is off (401 without
// the credentials its security asks for, then parameters and body), and answered with the
// response the spec describes.
import { problemResponse } from './problem.js';
import { pickResponse } from './response-picker.js';
import { validateRequest } from './request-validation.js';
import { checkSecurity } from './security.js';
import { loadSpecModel } from './spec-model.js';
import { SpecRoutes } from './spec-routes.js';
import type { MockEngine } from './types.js';

export interface SpecMockOptions {
  validateRequests: boolean;
}

/** Reads the spec now (throws BAD_INPUT with every problem when it cannot be served). */
export function createSpecMock(text: string, name: string, options: SpecMockOptions): MockEngine {
  const model = loadSpecModel(text, name);
  const routes = new SpecRoutes(model.operations, model.basePaths);
  return {
    name,
    handle(req) {
      const found = routes.match(req.method, req.path);
      if (found.kind === 'none') {
        return problemResponse(404, 'Not Found', `No path of the spec matches ${req.path}`);
      }
      if (found.kind === 'method') {
        const allow = found.allow.join(', ');
        return problemResponse(405, 'Method Not Allowed', `${found.path} has no ${req.method} operation in the spec (it allows ${allow})`, [], {
          headers: { allow },
        });
      }
      if (options.validateRequests) {
        const refused = checkSecurity(found.operation.security, req, found.operation.key) ?? validateRequest(found.operation, req, found.pathParams, model.resolver);
        if (refused) return refused;
      }
      return pickResponse(found.operation, req, model.resolver);
    },
  };
}
