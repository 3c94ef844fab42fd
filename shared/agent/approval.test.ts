import { describe, expect, it } from 'vitest';
import { ApprovalPolicy } from '../contract-agent.js';
import { allowHost, decideApproval, hostOf, hostsNamedBy } from './approval.js';

const policy = ApprovalPolicy.parse({});
const known = hostsNamedBy(['https://api.example.com/v1', 'staging.example.com', 'http://127.0.0.1:5555', 'not a host', '42']);

describe('approval policy', () => {
  it('finds hosts in variable values: URLs and bare host names, with ports', () => {
    expect([...known].sort()).toEqual(['127.0.0.1:5555', 'api.example.com', 'staging.example.com']);
    expect(hostOf('{{baseUrl}}/x')).toBeNull();
  });

  it('lets safe methods to known hosts go, and edits always', () => {
    expect(decideApproval({ kind: 'send', method: 'get', url: 'https://api.example.com/users' }, policy, known)).toEqual({ ask: false });
    expect(decideApproval({ kind: 'send', method: 'OPTIONS', url: 'http://127.0.0.1:5555/' }, policy, known)).toEqual({ ask: false });
    expect(decideApproval({ kind: 'edit', what: 'update_request' }, policy, known)).toEqual({ ask: false });
    expect(decideApproval({ kind: 'edit', what: 'update_request' }, policy, known, { askForEdits: true })).toMatchObject({ ask: true });
  });

  it('asks for unsafe methods, unknown hosts (another port is another host) and deletes', () => {
    expect(decideApproval({ kind: 'send', method: 'POST', url: 'https://api.example.com/users' }, policy, known)).toMatchObject({ ask: true, host: 'api.example.com' });
    expect(decideApproval({ kind: 'send', method: 'GET', url: 'http://127.0.0.1:6666/' }, policy, known)).toMatchObject({ ask: true, reason: 'No environment names the host 127.0.0.1:6666' });
    expect(decideApproval({ kind: 'send', method: 'GET', url: '{{nothing}}/x' }, policy, known)).toMatchObject({ ask: true });
    expect(decideApproval({ kind: 'delete', what: 'folder "A"' }, policy, known)).toMatchObject({ ask: true });
  });

  it('follows the setting and "always allow for this host"', () => {
    const open = ApprovalPolicy.parse({ unsafeSends: 'allow', unknownHosts: 'allow', deletes: 'allow' });
    expect(decideApproval({ kind: 'send', method: 'DELETE', url: 'https://evil.test/' }, open, known)).toEqual({ ask: false });
    expect(decideApproval({ kind: 'delete', what: 'x' }, open, known)).toEqual({ ask: false });
    const allowed = allowHost(policy, 'New.Host:8080');
    expect(allowed.allowedHosts).toEqual(['new.host:8080']);
    expect(decideApproval({ kind: 'send', method: 'POST', url: 'http://new.host:8080/a' }, allowed, known)).toEqual({ ask: false });
    expect(allowHost(allowed, 'new.host:8080')).toBe(allowed);
  });
});
