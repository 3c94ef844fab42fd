// Ready-made script fragments, like Postman's snippets list beside the script editor. Clicking one
// inserts its code at the cursor. `for` says which editor lists it: test scripts read the
// response, so response snippets are for test scripts only.
import type { ScriptKind } from './scriptKinds';

export interface Snippet {
  name: string;
  for: ScriptKind[];
  code: string;
}

const both: ScriptKind[] = ['prerequest', 'test'];
const tests: ScriptKind[] = ['test'];

export const SNIPPETS: Snippet[] = [
  { name: 'Get an environment variable', for: both, code: 'pm.environment.get("variable_key");' },
  { name: 'Get a global variable', for: both, code: 'pm.globals.get("variable_key");' },
  { name: 'Get a collection variable', for: both, code: 'pm.collectionVariables.get("variable_key");' },
  { name: 'Get a variable', for: both, code: 'pm.variables.get("variable_key");' },
  { name: 'Set an environment variable', for: both, code: 'pm.environment.set("variable_key", "variable_value");' },
  { name: 'Set a global variable', for: both, code: 'pm.globals.set("variable_key", "variable_value");' },
  { name: 'Set a collection variable', for: both, code: 'pm.collectionVariables.set("variable_key", "variable_value");' },
  { name: 'Clear an environment variable', for: both, code: 'pm.environment.unset("variable_key");' },
  { name: 'Clear a global variable', for: both, code: 'pm.globals.unset("variable_key");' },
  {
    name: 'Send a request',
    for: both,
    code: 'pm.sendRequest("https://postman-echo.com/get", function (err, response) {\n    console.log(response.json());\n});',
  },
  { name: 'Status code: Code is 200', for: tests, code: 'pm.test("Status code is 200", function () {\n    pm.response.to.have.status(200);\n});' },
  {
    name: 'Response body: Contains string',
    for: tests,
    code: 'pm.test("Body matches string", function () {\n    pm.expect(pm.response.text()).to.include("string_you_want_to_search");\n});',
  },
  {
    name: 'Response body: JSON value check',
    for: tests,
    code: 'pm.test("Your test name", function () {\n    var jsonData = pm.response.json();\n    pm.expect(jsonData.value).to.eql(100);\n});',
  },
  {
    name: 'Response body: Is equal to a string',
    for: tests,
    code: 'pm.test("Body is correct", function () {\n    pm.response.to.have.body("response_body_string");\n});',
  },
  {
    name: 'Content-Type header is present',
    for: tests,
    code: 'pm.test("Content-Type is present", function () {\n    pm.response.to.have.header("Content-Type");\n});',
  },
  {
    name: 'Response time is less than 200ms',
    for: tests,
    code: 'pm.test("Response time is less than 200ms", function () {\n    pm.expect(pm.response.responseTime).to.be.below(200);\n});',
  },
  {
    name: 'Status code: Successful POST request',
    for: tests,
    code: 'pm.test("Successful POST request", function () {\n    pm.expect(pm.response.code).to.be.oneOf([201, 202]);\n});',
  },
  {
    name: 'Status code: Code name has string',
    for: tests,
    code: 'pm.test("Status code name has string", function () {\n    pm.response.to.have.status("Created");\n});',
  },
  {
    name: 'Response body: Convert XML body to a JSON Object',
    for: tests,
    code: 'var jsonObject = xml2Json(pm.response.text());',
  },
  {
    name: 'Use Tiny Validator for JSON data',
    for: tests,
    code: 'var schema = {\n    "items": {\n        "type": "boolean"\n    }\n};\n\nvar data1 = [true, false];\n\npm.test("Schema is valid", function () {\n    pm.expect(tv4.validate(data1, schema)).to.be.true;\n});',
  },
];

export function snippetsFor(kind: ScriptKind): Snippet[] {
  return SNIPPETS.filter((s) => s.for.includes(kind));
}

/**
 * The text to insert at `pos` in `doc` so the snippet sits on lines of its own: a line break before
 * it unless the cursor starts an empty line, and one after it.
 */
export function snippetInsertion(doc: string, pos: number, code: string): string {
  const lineStart = doc.lastIndexOf('\n', pos - 1) + 1;
  const atEmptyLineStart = doc.slice(lineStart, pos).trim() === '';
  return `${atEmptyLineStart ? '' : '\n'}${code}\n`;
}
