// pm.expect: chai's BDD expect with Postman's assertions (chai-postman): status, header, body,
// jsonBody, jsonSchema, responseTime, responseSize, ok/success/json/… on pm.response and pm.request.
import * as chai from 'chai';
import { isRequest, isResponse } from './brands.js';
import { isPlainObject, pathGet } from './util.js';

interface Ctx {
  _obj: unknown;
  assert(expr: unknown, msg: string, negateMsg: string, expected?: unknown, actual?: unknown, showDiff?: boolean): void;
}
type Fn = (this: Ctx, ...args: unknown[]) => void;
interface AssertionStatic {
  addProperty(name: string, getter: (this: Ctx) => void): void;
  addMethod(name: string, method: Fn): void;
  addChainableMethod(name: string, method: Fn, chainingBehavior: (this: Ctx) => void): void;
}
interface ResponseLike {
  code: number;
  responseTime: number;
  headers: { has(name: unknown): boolean; one(name: unknown): { value: unknown } | undefined };
  reason(): string;
  text(): string;
  json(): unknown;
  size(): { body: number; header: number; total: number };
}
interface AjvLike {
  validate(schema: unknown, data: unknown): boolean;
  errors?: unknown;
  errorsText(): string;
}
type AjvClass = new (options: Record<string, unknown>) => AjvLike;

const REASONS: Record<string, [number, string]> = {
  accepted: [202, 'Accepted'],
  withoutContent: [204, 'No Content'],
  badRequest: [400, 'Bad Request'],
  unauthorised: [401, 'Unauthorised'],
  unauthorized: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  notFound: [404, 'Not Found'],
  notAcceptable: [406, 'Acceptable'],
  rateLimited: [429, 'Too Many Requests'],
};
const CLASSES: Record<string, number> = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };

function fail(message: string): never {
  throw new chai.AssertionError(message);
}

function responseOf(ctx: Ctx): ResponseLike {
  if (!isResponse(ctx._obj)) fail(`expecting a postman response object but got ${chai.util.inspect(ctx._obj)}`);
  return ctx._obj as ResponseLike;
}

const jsonError = (err: unknown): string => {
  const e = err as { name?: string; message?: string };
  return e && e.name === 'JSONError' && e.message ? e.message.split('\n')[0] : `${e?.name}: ${e?.message}`;
};

export function installPostmanAssertions(getAjv: () => AjvClass): void {
  chai.use((c, utils) => {
    const A = c.Assertion as unknown as AssertionStatic;
    A.addProperty('postmanRequest', function () {
      this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
    });
    A.addProperty('postmanResponse', function () {
      this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
    });
    A.addProperty('postmanRequestOrResponse', function () {
      this.assert(
        isResponse(this._obj) || isRequest(this._obj),
        'expecting a postman request or response object but got #{this}',
        'not expecting a postman request or response object',
      );
    });
    A.addMethod('statusCodeClass', function (cls) {
      const r = responseOf(this);
      const actual = Math.floor(r.code / 100);
      this.assert(actual === cls, 'expected response code to be #{exp}XX but found #{act}', 'expected response code to not be #{exp}XX', cls, r.code);
    });
    for (const [name, cls] of Object.entries(CLASSES)) {
      A.addProperty(name, function () {
        const r = responseOf(this);
        this.assert(Math.floor(r.code / 100) === cls, 'expected response code to be #{exp}XX but found #{act}', 'expected response code to not be #{exp}XX', cls, r.code);
      });
    }
    A.addProperty('error', function () {
      const r = responseOf(this);
      const cls = Math.floor(r.code / 100);
      this.assert(cls === 4 || cls === 5, 'expected response code to be 4XX or 5XX but found #{act}', 'expected response code to not be 4XX or 5XX', null, r.code);
    });
    A.addMethod('statusCode', function (code) {
      const r = responseOf(this);
      this.assert(r.code === Number(code), 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', Number(code), r.code);
    });
    A.addMethod('statusReason', function (reason) {
      const r = responseOf(this);
      this.assert(r.reason() === String(reason), 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', String(reason), r.reason());
    });
    for (const [name, [code, reason]] of Object.entries(REASONS)) {
      A.addProperty(name, function () {
        const r = responseOf(this);
        const actual = String(r.reason()).toUpperCase();
        this.assert(actual === reason.toUpperCase(), 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', reason.toUpperCase(), actual);
        this.assert(r.code === code, 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', code, r.code);
      });
    }
    A.addProperty('ok', function () {
      if (!isResponse(this._obj)) {
        this.assert(utils.flag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
        return;
      }
      const r = this._obj as ResponseLike;
      const reason = String(r.reason()).toUpperCase();
      this.assert(reason === 'OK', 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', 'OK', reason);
      this.assert(r.code === 200, 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', 200, r.code);
    });
    A.addMethod('status', function (expected) {
      const r = responseOf(this);
      if (typeof expected === 'number') {
        this.assert(r.code === expected, 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', expected, r.code);
      } else {
        this.assert(r.reason() === expected, 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', expected, r.reason());
      }
    });
    A.addMethod('header', function (...args) {
      const [name, value] = args;
      if (!isResponse(this._obj) && !isRequest(this._obj)) fail(`expecting a postman request or response object but got ${chai.util.inspect(this._obj)}`);
      const target = this._obj as ResponseLike;
      const what = isRequest(this._obj) ? 'request' : 'response';
      const has = target.headers.has(name);
      this.assert(has, `expected ${what} to have header with key '${String(name)}'`, `expected ${what} to not have header with key '${String(name)}'`, true, has);
      if (args.length < 2) return;
      const actual = target.headers.one(name)?.value;
      this.assert(actual === value, `expected '${String(name)}' ${what} header to be #{exp} but got #{act}`, `expected '${String(name)}' ${what} header to not be #{act}`, value, actual);
    });
    A.addProperty('withBody', function () {
      const text = responseOf(this).text();
      this.assert(typeof text === 'string' && text.length > 0, 'expected response to have content in body', 'expected response to not have content in body');
    });
    A.addProperty('json', function () {
      const r = responseOf(this);
      let error: string | undefined;
      try {
        r.json();
      } catch (err) {
        error = jsonError(err);
      }
      this.assert(!error, `expected response body to be a valid json but got error ${error}`, 'expected response body not to be a valid json');
    });
    A.addMethod('body', function (...args) {
      const r = responseOf(this);
      const [expected] = args;
      if (isPlainObject(expected)) {
        let actual: unknown;
        try {
          actual = r.json();
        } catch {
          // compared as undefined
        }
        this.assert(chai.util.eql(actual, expected), 'expected response body json to equal #{exp} but got #{act}', 'expected response body json to not equal #{exp} but got #{act}', expected, actual);
        return;
      }
      const text = r.text();
      if (args.length === 0) {
        this.assert(typeof text === 'string' && text.length > 0, 'expected response to have content in body', 'expected response to not have content in body');
      } else if (expected instanceof RegExp) {
        this.assert(expected.exec(text) !== null, 'expected response body text to match #{exp} but got #{act}', 'expected response body text #{act} to not match #{exp}', expected, text);
      } else {
        this.assert(chai.util.eql(text, expected), 'expected response body to equal #{exp} but got #{act}', 'expected response body to not equal #{exp}', expected, text);
      }
    });
    A.addMethod('jsonBody', function (...args) {
      const r = responseOf(this);
      let json: unknown;
      let error: string | undefined;
      try {
        json = r.json();
      } catch (err) {
        error = jsonError(err);
      }
      if (args.length === 0) {
        this.assert(!error, `expected response body to be a valid json but got error ${error}`, 'expected response body not to be a valid json');
        return;
      }
      const [path, value] = args;
      if (typeof path !== 'string') return;
      const found = pathGet(json, path);
      this.assert(found.found, 'expected #{act} in response to contain property #{exp}', 'expected #{act} in response to not contain property #{exp}', path, json);
      if (args.length > 1) {
        this.assert(
          chai.util.eql(found.value, value),
          `expected response body json at "${path}" to contain #{exp} but got #{act}`,
          `expected response body json at "${path}" to not contain #{exp} but got #{act}`,
          value,
          found.value,
        );
      }
    });
    A.addChainableMethod(
      'responseTime',
      function (...args) {
        const n = utils.flag(this, 'number');
        this.assert(typeof n === 'number', 'expected response to have a valid response time but got #{act}', 'expected response to not have a valid response time but got #{act}', null, n);
        if (args.length) this.assert(chai.util.eql(n, args[0]), 'expected response to have a valid response time but got #{act}', 'expected response to not have a valid response time but got #{act}', null, n);
      },
      function () {
        const r = responseOf(this);
        utils.flag(this, 'number', r.responseTime);
        this._obj = r.responseTime;
      },
    );
    A.addChainableMethod(
      'responseSize',
      function (...args) {
        const n = utils.flag(this, 'number');
        this.assert(typeof n === 'number', 'expected response to have a valid response size but got #{act}', 'expected response to not have a valid response size but got #{act}', null, n);
        if (args.length) this.assert(chai.util.eql(n, args[0]), 'expected response size to equal #{act} but got #{exp}', 'expected response size to not equal #{act} but got #{exp}', args[0], n);
      },
      function () {
        const r = responseOf(this);
        const size = r.size();
        const total = (size.header || 0) + (size.body || 0);
        utils.flag(this, 'number', total);
        this._obj = total;
      },
    );
    A.addMethod('jsonSchema', function (schema, options) {
      if (schema === null || typeof schema !== 'object') fail(`expected ${chai.util.inspect(schema)} to be an object`);
      const obj = this._obj as { json?: () => unknown };
      const data = isResponse(obj) || (isRequest(obj) && typeof obj.json === 'function') ? (obj.json as () => unknown)() : obj;
      const Ajv = getAjv();
      const ajv = new Ajv({ allErrors: true, logger: false, strict: false, validateSchema: false, ...(isPlainObject(options) ? options : {}) });
      const valid = ajv.validate(schema, data);
      this.assert(valid && !ajv.errors, `expected data to satisfy schema but found following errors: \n${ajv.errorsText()}`, 'expected data to not satisfy schema', true, valid);
    });
  });
}

export { chai };
