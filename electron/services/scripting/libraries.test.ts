// The libraries scripts require(), and Postman's globals for them, inside the sandbox. Each script
// runs twice: the libraries are loaded once per worker and frozen, and must keep working.
import { afterAll, describe, expect, it } from 'vitest';
import { createScriptRuntime } from './index.js';
import { input, noHost, response } from './test-helpers.fixture.js';
import type { ScriptInput, ScriptResult } from './types.js';

const rt = createScriptRuntime();
afterAll(() => rt.close());

async function twice(code: string, over: Partial<ScriptInput> = {}): Promise<ScriptResult> {
  const first = await rt.run(input(code, over), noHost);
  const second = await rt.run(input(code, over), noHost);
  for (const r of [first, second]) {
    expect(r.error).toBeUndefined();
    expect(r.tests.filter((t) => !t.passed)).toEqual([]);
  }
  expect(second.tests.length).toBe(first.tests.length);
  return first;
}

describe('libraries', () => {
  it('lodash, also as the _ global', async () => {
    const r = await twice(`
      const lodash = require('lodash');
      pm.test('_ is lodash 4 plus the lodash 3 names', () => { pm.expect(_.VERSION).to.equal(lodash.VERSION); pm.expect(_.get).to.equal(lodash.get); pm.expect(lodash.contains).to.be.undefined; });
      pm.test('lodash 3 names', () => {
        pm.expect(_.contains([1, 2], 2)).to.be.true;
        pm.expect(_.pluck([{ a: 1 }, { a: 2 }], 'a')).to.eql([1, 2]);
        pm.expect(_.where([{ a: 1, b: 1 }, { a: 2 }], { a: 1 })).to.have.lengthOf(1);
        pm.expect(_.findWhere([{ a: 1 }, { a: 2 }], { a: 2 })).to.eql({ a: 2 });
        pm.expect(_.indexBy([{ id: 'x' }], 'id')).to.have.property('x');
        pm.expect(_.any([0, 1])).to.be.true;
      });
      pm.test('get', () => pm.expect(_.get({ a: { b: [1, 2] } }, 'a.b[1]')).to.equal(2));
      pm.test('chain', () => pm.expect(_.chain([3, 1, 2]).sortBy().map((x) => x * 2).value()).to.eql([2, 4, 6]));
      pm.test('wrapper', () => pm.expect(_([1, 2, 3]).sum()).to.equal(6));
      pm.test('isEqual', () => pm.expect(_.isEqual({ a: [1] }, { a: [1] })).to.be.true);
      pm.test('random', () => pm.expect(_.random(1, 3)).to.be.within(1, 3));
      pm.test('template with a variable', () => pm.expect(_.template('hi <%= d.name %>', { variable: 'd' })({ name: 'Ada' })).to.equal('hi Ada'));
      pm.test('uniq/groupBy', () => pm.expect(_.groupBy(_.uniq([1, 1, 2, 3]), (n) => n % 2)).to.eql({ 0: [2], 1: [1, 3] }));
    `);
    expect(r.tests).toHaveLength(9);
  });

  it('moment', async () => {
    await twice(`
      const moment = require('moment');
      pm.test('format', () => pm.expect(moment.utc('2024-01-31T10:00:00Z').add(1, 'month').format('YYYY-MM-DD HH:mm')).to.equal('2024-02-29 10:00'));
      pm.test('now', () => pm.expect(moment().isValid()).to.be.true);
      pm.test('diff', () => pm.expect(moment('2024-01-10').diff(moment('2024-01-01'), 'days')).to.equal(9));
      pm.test('iso', () => pm.expect(moment.utc(0).toISOString()).to.equal('1970-01-01T00:00:00.000Z'));
      pm.test('unix', () => pm.expect(moment.unix(86400).utc().format('YYYY-MM-DD')).to.equal('1970-01-02'));
    `);
  });

  it('uuid (callable like Postman, and v4/validate)', async () => {
    await twice(`
      const uuid = require('uuid');
      const re = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      pm.test('v4', () => pm.expect(uuid.v4()).to.match(re));
      pm.test('callable', () => pm.expect(uuid()).to.match(re));
      pm.test('validate', () => pm.expect(uuid.validate(uuid.v4())).to.be.true);
      pm.test('distinct', () => pm.expect(uuid.v4()).to.not.equal(uuid.v4()));
      pm.test('crypto.randomUUID', () => pm.expect(crypto.randomUUID()).to.match(re));
    `);
  });

  it('crypto-js, also as the CryptoJS global', async () => {
    await twice(`
      const C = require('crypto-js');
      pm.test('same', () => pm.expect(C).to.equal(CryptoJS));
      pm.test('sha256', () => pm.expect(C.SHA256('abc').toString()).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'));
      pm.test('md5', () => pm.expect(CryptoJS.MD5('hello').toString()).to.equal('5d41402abc4b2a76b9719d911017c592'));
      pm.test('hmac', () => pm.expect(C.HmacSHA256('message', 'key').toString(C.enc.Hex)).to.equal('6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a'));
      pm.test('base64', () => pm.expect(C.enc.Base64.stringify(C.enc.Utf8.parse('user:pass'))).to.equal('dXNlcjpwYXNz'));
      pm.test('aes round trip', () => pm.expect(C.AES.decrypt(C.AES.encrypt('secret', 'pw').toString(), 'pw').toString(C.enc.Utf8)).to.equal('secret'));
      pm.test('random words', () => pm.expect(C.lib.WordArray.random(16).toString()).to.have.lengthOf(32));
    `);
  });

  it('ajv (lenient like the Ajv 6 Postman ships) and tv4', async () => {
    await twice(`
      const Ajv = require('ajv');
      const ajv = new Ajv({ allErrors: true });
      const schema = { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string', example: 'x' } } };
      pm.test('valid', () => pm.expect(ajv.validate(schema, { id: 1, name: 'a' })).to.be.true);
      pm.test('invalid', () => { pm.expect(ajv.validate(schema, { name: 2 })).to.be.false; pm.expect(ajv.errors).to.have.lengthOf(2); });
      pm.test('compile', () => pm.expect(ajv.compile({ type: 'array', items: { type: 'number' } })([1, 2])).to.be.true);
      pm.test('draft-04 $schema', () => pm.expect(new Ajv().validate({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'string' }, 'x')).to.be.true);
      pm.test('formats, as Ajv 6 checks them', () => {
        const s = { type: 'object', properties: { email: { type: 'string', format: 'email' }, at: { type: 'string', format: 'date-time' } } };
        pm.expect(ajv.validate(s, { email: 'a@b.co', at: '2024-01-01T00:00:00Z' })).to.be.true;
        pm.expect(ajv.validate(s, { email: 'not an email' })).to.be.false;
        pm.expect(ajv.validate(s, { at: 'yesterday' })).to.be.false;
      });
      pm.test('jsonSchema assertion checks formats', () => pm.expect({ email: 'nope' }).to.not.have.jsonSchema({ properties: { email: { format: 'email' } } }));
      pm.test('tv4', () => {
        pm.expect(tv4.validate({ id: 1 }, { type: 'object', properties: { id: { type: 'integer' } } })).to.be.true;
        pm.expect(tv4.validate({ id: 'x' }, { type: 'object', properties: { id: { type: 'integer' } } })).to.be.false;
        pm.expect(tv4.error.message).to.equal('Invalid type: string (expected integer)');
      });
      pm.test('tv4 via require', () => pm.expect(require('tv4').validateResult(1, { type: 'number' }).valid).to.be.true);
    `);
  });

  it('cheerio, also as the cheerio global', async () => {
    await twice(
      `
      const $ = cheerio.load(pm.response.text());
      pm.test('text', () => pm.expect($('h1.title').text()).to.equal('Hello'));
      pm.test('each', () => pm.expect($('li').map((i, el) => $(el).text()).get()).to.eql(['a', 'b']));
      pm.test('attr', () => pm.expect($('a').attr('href')).to.equal('/x'));
      pm.test('require', () => pm.expect(require('cheerio').load('<p>x</p>')('p').text()).to.equal('x'));
    `,
      { response: response({ body: '<html><body><h1 class="title">Hello</h1><!-- c --><ul><li>a</li><li>b</li></ul><a href="/x">x</a></body></html>', headers: [['Content-Type', 'text/html']] }) },
    );
  });

  it('xml2js, and the xml2Json global', async () => {
    await twice(`
      const xml = '<root><a x="1">t</a><b>1</b><b>2</b></root>';
      pm.test('xml2Json', () => pm.expect(xml2Json(xml)).to.eql({ root: { a: { _: 't', $: { x: '1' } }, b: ['1', '2'] } }));
      pm.test('parseString', () => {
        let out;
        require('xml2js').parseString(xml, (err, result) => { out = result; });
        pm.expect(out.root.b).to.eql(['1', '2']);
      });
      pm.test('parseStringPromise', async () => pm.expect((await require('xml2js').parseStringPromise('<a>1</a>')).a).to.equal('1'));
      pm.test('builder', () => pm.expect(new (require('xml2js').Builder)({ headless: true }).buildObject({ r: { v: 1 } })).to.equal('<r>\\n  <v>1</v>\\n</r>'));
    `);
  });

  it('atob, btoa, Buffer, chai', async () => {
    await twice(`
      pm.test('btoa/atob', () => { pm.expect(btoa('user:pass')).to.equal('dXNlcjpwYXNz'); pm.expect(atob('dXNlcjpwYXNz')).to.equal('user:pass'); });
      pm.test('require atob/btoa', () => pm.expect(require('atob')(require('btoa')('x'))).to.equal('x'));
      pm.test('Buffer', () => { pm.expect(Buffer.from('héllo').toString('base64')).to.equal('aMOpbGxv'); pm.expect(Buffer.from('aMOpbGxv', 'base64').toString()).to.equal('héllo'); });
      pm.test('require buffer', () => pm.expect(require('buffer').Buffer.byteLength('é')).to.equal(2));
      pm.test('chai', () => require('chai').expect(1).to.equal(1));
      pm.test('TextEncoder', () => pm.expect(new TextEncoder().encode('é').length).to.equal(2));
      pm.test('Intl', () => pm.expect(new Intl.NumberFormat('en-US').format(1234.5)).to.equal('1,234.5'));
      pm.test('toLocaleString', () => pm.expect((1234.5).toLocaleString('en-US')).to.equal('1,234.5'));
      pm.test('Date and Math', () => { pm.expect(Date.now()).to.be.above(1.6e12); pm.expect(Math.random()).to.be.within(0, 1); });
      pm.test('crypto.getRandomValues', () => pm.expect(crypto.getRandomValues(new Uint8Array(8))).to.have.lengthOf(8));
    `);
  });
});
