import { describe, expect, it } from 'vitest';
import { parseSkill, SKILLS } from './skills.js';

describe('slash skills', () => {
  it('parses a leading /skill and keeps the rest', () => {
    expect(parseSkill('/test check ids')).toEqual({ skill: 'test', text: 'check ids' });
    expect(parseSkill('  /DOCS')).toEqual({ skill: 'docs', text: '' });
    expect(parseSkill('/request curl https://x.test')).toEqual({ skill: 'request', text: 'curl https://x.test' });
  });

  it('leaves other messages alone', () => {
    expect(parseSkill('run /test later')).toEqual({ skill: null, text: 'run /test later' });
    expect(parseSkill('/testing')).toEqual({ skill: null, text: '/testing' });
  });

  it('has instructions for each skill', () => {
    expect(Object.keys(SKILLS)).toEqual(['request', 'test', 'docs', 'debug', 'design']);
    expect(SKILLS.test.instructions).toMatch(/write_tests.*run_tests/s);
  });

  it('/design walks spec → collection → mock → tests, in that order', () => {
    expect(parseSkill('/design a pets API with list and get')).toEqual({ skill: 'design', text: 'a pets API with list and get' });
    expect(parseSkill('/designer')).toEqual({ skill: null, text: '/designer' });
    expect(SKILLS.design.instructions).toMatch(/write_spec.*generateCollection.*problems.*start_mock.*run_tests.*baseUrl/s);
  });
});
